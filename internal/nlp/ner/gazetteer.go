package ner

import "strings"

// The gazetteers are the team's own lists, written from general knowledge.
// They feed the tagger as features (a word's list membership) and give
// NORP, for which there is no training data.

// Gazetteer classes, used as feature values.
const (
	gzNone = iota
	gzNORP
	gzCountry // countries, states, provinces, major cities: GPE
	gzLocWord // geographic feature words: LOC
	gzOrgWord // words that end organisation names
	gzTitle   // titles and honorifics before person names
	gzGivenName
	gzContinent
)

// norpWords are nationalities, demonyms, religious and political groups,
// singular and plural.
var norpWords = wordSet(`
Afghan Afghans Albanian Albanians Algerian Algerians American Americans Andorran Angolan Angolans
Argentine Argentinian Argentinians Armenian Armenians Australian Australians Austrian Austrians
Azerbaijani Azerbaijanis Azeri Azeris Bahraini Bahrainis Bangladeshi Bangladeshis Belarusian Belarusians
Belgian Belgians Beninese Bolivian Bolivians Bosnian Bosnians Brazilian Brazilians British Briton Britons
Bulgarian Bulgarians Burmese Burundian Cambodian Cambodians Cameroonian Cameroonians Canadian Canadians
Chadian Chilean Chileans Chinese Colombian Colombians Congolese Croatian Croatians Croat Croats Cuban Cubans
Cypriot Cypriots Czech Czechs Danish Dane Danes Dominican Dominicans Dutch Ecuadorian Ecuadorians Egyptian
Egyptians Emirati Emiratis English Englishman Eritrean Eritreans Estonian Estonians Ethiopian Ethiopians
Fijian Filipino Filipinos Finnish Finn Finns French Frenchman Gabonese Gambian Georgian Georgians German
Germans Ghanaian Ghanaians Greek Greeks Guatemalan Guatemalans Guinean Haitian Haitians Honduran Hondurans
Hungarian Hungarians Icelandic Indian Indians Indonesian Indonesians Iranian Iranians Iraqi Iraqis Irish
Israeli Israelis Italian Italians Ivorian Jamaican Jamaicans Japanese Jordanian Jordanians Kazakh Kazakhs
Kenyan Kenyans Korean Koreans Kosovar Kosovars Kuwaiti Kuwaitis Kyrgyz Lao Laotian Latvian Latvians
Lebanese Liberian Liberians Libyan Libyans Lithuanian Lithuanians Luxembourgish Macedonian Macedonians
Malagasy Malawian Malaysian Malaysians Malian Maltese Mauritanian Mexican Mexicans Moldovan Moldovans
Mongolian Mongolians Montenegrin Moroccan Moroccans Mozambican Namibian Nepalese Nepali Nicaraguan
Nigerian Nigerians Nigerien Norwegian Norwegians Omani Pakistani Pakistanis Palestinian Palestinians
Panamanian Paraguayan Peruvian Peruvians Polish Pole Poles Portuguese Qatari Qataris Romanian Romanians
Russian Russians Rwandan Rwandans Salvadoran Saudi Saudis Scottish Scot Scots Senegalese Serbian Serbians
Serb Serbs Sierra Singaporean Slovak Slovaks Slovenian Slovene Somali Somalis Sudanese Swedish Swede Swedes
Swiss Syrian Syrians Taiwanese Tajik Tanzanian Thai Thais Tibetan Tibetans Togolese Tunisian Tunisians
Turkish Turk Turks Turkmen Ugandan Ugandans Ukrainian Ukrainians Uruguayan Uzbek Uzbeks Venezuelan
Venezuelans Vietnamese Welsh Yemeni Yemenis Zambian Zimbabwean Zimbabweans
African Africans Asian Asians European Europeans Arab Arabs Arabic Latin Latino Latinos Hispanic Hispanics
Caribbean Nordic Scandinavian Scandinavians Balkan Baltic Western Westerners Soviet Soviets Kurdish Kurd Kurds
Pashtun Pashtuns Tamil Tamils Sikh Sikhs Hindu Hindus Muslim Muslims Moslem Christian Christians Catholic
Catholics Protestant Protestants Orthodox Jewish Jew Jews Buddhist Buddhists Sunni Sunnis Shia Shiite
Shiites Alawite Alawites Druze Evangelical Evangelicals Mormon Mormons Anglican Anglicans Islamic Islamist
Islamists Zionist Zionists Yazidi Yazidis Uighur Uighurs Uyghur Uyghurs Rohingya Hutu Tutsi Maori Aboriginal
Democrat Democrats Republican Republicans Democratic Conservative Conservatives Labour Liberal Liberals
Libertarian Libertarians Communist Communists Socialist Socialists Bolshevik Bolsheviks Maoist Maoists
Marxist Marxists Nazi Nazis Fascist Fascists Tory Tories Whig Whigs Greens Chechen Chechens Crimean
Houthi Houthis Taliban Hamas Hezbollah
`)

// countries holds one-word names of countries, states, provinces and large
// cities; multiword names contribute each of their words via placeParts.
var countries = wordSet(`
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Herzegovina Botswana Brazil Brunei
Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus
Czechia Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon
Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India
Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Korea Kosovo Kuwait
Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi
Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro
Morocco Mozambique Myanmar Burma Namibia Nauru Nepal Netherlands Holland Nicaragua Niger Nigeria Macedonia
Norway Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia
Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden
Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Trinidad Tobago Tunisia Turkey Türkiye
Turkmenistan Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Vatican Venezuela Vietnam Yemen Zambia
Zimbabwe Britain England Scotland Wales USA US U.S. U.S.A. UK U.K. UAE America Gaza Crimea Donbas Donetsk
Luhansk Kashmir Tibet Xinjiang Chechnya Kurdistan Catalonia Quebec Ontario Alberta Manitoba Saskatchewan
Tasmania Queensland Victoria Bavaria Punjab Bengal Sindh Balochistan
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho Illinois
Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri
Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington
Wisconsin Wyoming
Kyiv Kiev Moscow Washington Beijing London Paris Berlin Brussels Tokyo Delhi Mumbai Islamabad Kabul Tehran
Baghdad Damascus Beirut Ankara Istanbul Cairo Jerusalem Riyadh Doha Dubai Amman Sanaa Tripoli Khartoum
Nairobi Addis Ababa Lagos Abuja Johannesburg Pretoria Kinshasa Madrid Rome Milan Vienna Warsaw Prague
Budapest Bucharest Sofia Athens Belgrade Zagreb Minsk Vilnius Riga Tallinn Helsinki Stockholm Oslo
Copenhagen Amsterdam Hague Geneva Zurich Bern Lisbon Dublin Edinburgh Ottawa Toronto Montreal Vancouver
Chicago Boston Houston Dallas Atlanta Miami Seattle Denver Detroit Philadelphia Phoenix Manhattan Brooklyn
Sydney Melbourne Brisbane Perth Adelaide Canberra Auckland Wellington Seoul Pyongyang Taipei Hanoi Bangkok
Manila Jakarta Singapore Dhaka Karachi Lahore Kandahar Mosul Aleppo Homs Idlib Raqqa Benghazi Kharkiv
Odesa Odessa Mariupol Kherson Zaporizhzhia Lviv Bakhmut Minsk Tbilisi Yerevan Baku Tashkent Astana Almaty
Havana Caracas Bogota Lima Santiago Quito Brasilia Rio Buenos Aires Mexico Ramallah Hebron Nablus Rafah
Sevastopol Belfast Cardiff Glasgow Manchester Liverpool Birmingham Munich Hamburg Frankfurt Cologne
Marseille Lyon Barcelona Valencia Naples Venice Florence Krakow Gdansk Hong Kong Macau Shanghai Wuhan
Shenzhen Guangzhou Chongqing Osaka Kyoto Hiroshima Nagasaki Fukushima Sochi Petersburg Vladivostok
`)

// continents and large regions are LOC, not GPE.
var continents = wordSet(`Europe Asia Africa Antarctica Oceania Arctic Antarctic Eurasia Balkans Caucasus
Sahel Sahara Scandinavia Siberia Mediterranean Atlantic Pacific Himalayas Alps Andes Amazon`)

// locWords are geographic feature words that make a place name LOC.
var locWords = wordSet(`River Mountain Mountains Mount Mt. Lake Lakes Sea Ocean Gulf Bay Island Islands Isle
Peninsula Valley Desert Coast Strait Straits Canal Channel Forest Park Beach Cape Plateau Plain Plains
Basin Delta Glacier Volcano Falls Canyon Hill Hills Ridge Reef Creek Border Bank Strip Heights Street
Road Avenue Square Bridge Airport Station Highway Region Peninsula Corridor Range Trail Harbor Harbour`)

// orgWords typically end or head organisation names.
var orgWords = wordSet(`Party Council Committee Commission Ministry Department Agency Office Bureau Service
Services Army Navy Force Forces Guard Police Corps Command University College Institute School Academy
Association Federation Union League Organization Organisation Foundation Fund Bank Group Company Corporation
Corp. Inc. Ltd. Co. LLC Holdings Airlines Airways News Times Post Journal Herald Press Network Television
Radio Agency Court Parliament Congress Senate Assembly Cabinet Government Administration Authority Board
Club Society Movement Front Brigade Brigades Battalion Regiment Division Coalition Alliance Center Centre
Hospital Church Mosque Council Tribunal Secretariat Directorate Inc Ltd Corp Co Bureau Reuters Associated
Magazine Broadcasting Institute Laboratory Laboratories Trust Initiative Project Program Programme Team`)

// titles precede person names: "President Zelensky", "Dr. Smith".
var titleWords = wordSet(`President Vice Prime Minister Chancellor King Queen Prince Princess Sheikh Emir Sultan
Pope Cardinal Bishop Archbishop Rabbi Imam Ayatollah General Gen. Lt. Col. Colonel Major Maj. Captain Capt.
Admiral Adm. Sergeant Sgt. Commander Marshal Governor Gov. Senator Sen. Representative Rep. Congressman
Congresswoman Mayor Ambassador Secretary Minister Foreign Defense Defence Deputy Chief Director Judge
Justice Attorney Professor Prof. Dr. Dr Mr. Mr Mrs. Mrs Ms. Ms Miss Sir Dame Lord Lady Premier Speaker
Chairman Chairwoman Chair CEO Spokesman Spokeswoman Spokesperson Envoy Commissioner Leader Officer
Inspector Detective Officer Agent Coach Dean Reverend Rev. Father Sister Brother Saint St. Mrs`)

// givenNames is a short list of common given names, a cue for PERSON.
var givenNames = wordSet(`John James Robert Michael William David Richard Joseph Thomas Charles Christopher
Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Edward Ronald
Timothy Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin
Samuel Frank Gregory Raymond Alexander Patrick Jack Dennis Jerry Tyler Aaron Jose Adam Henry Nathan Douglas
Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin
Arthur Lawrence Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy
Ralph Randy Eugene Vincent Russell Elijah Louis Bobby Philip Johnny Bill Barack Joe Hillary Vladimir
Volodymyr Dmitry Sergei Sergey Viktor Mikhail Ivan Oleg Yuri Alexei Angela Emmanuel Boris Theresa Xi
Recep Benjamin Mohammed Muhammad Mohammad Ahmed Ahmad Ali Hassan Hussein Omar Abdullah Khalid Ibrahim
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra
Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura
Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine
Debra Rachel Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly
Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa
Kathryn Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle
Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Elena Marine Ursula
Kamala Nancy Condoleezza Madeleine Hilary Tony Gordon Keir Rishi Justin Narendra Imran Shinzo Fumio Jair
Luiz Andres Nicolas Olaf Mario Giorgia Pedro Mateo Carlos Luis Jorge Miguel Antonio Francisco Manuel`)

// orgNames are well-known organisations the actor dictionaries, which list
// political actors, lack: news media, companies, websites, sports bodies.
// One name a line, tokens separated by spaces.
var orgNames = lineSet(`
Reuters
Associated Press
AP
AFP
Agence France-Presse
Bloomberg
BBC
CNN
NBC
CBS
ABC
Fox News
NPR
PBS
MSNBC
Al Jazeera
Sky News
ITV
Channel 4
The Guardian
Guardian
The Times
The New York Times
New York Times
The Washington Post
Washington Post
The Wall Street Journal
Wall Street Journal
Financial Times
The Economist
Economist
Politico
Axios
Time
Newsweek
USA Today
Los Angeles Times
Der Spiegel
Le Monde
Xinhua
TASS
RIA Novosti
Interfax
Ukrinform
Yonhap
Kyodo
NHK
Al Arabiya
Haaretz
The Independent
Daily Mail
The Telegraph
Wikinews
Wikipedia
Wikimedia Foundation
Google
Alphabet
YouTube
Facebook
Meta
Instagram
WhatsApp
Twitter
Telegram
TikTok
Microsoft
Apple
Amazon
IBM
Intel
Samsung
Huawei
Tesla
SpaceX
Boeing
Airbus
Gazprom
Rosneft
Naftogaz
Exxon
ExxonMobil
Chevron
Shell
BP
Toyota
Volkswagen
Nokia
Sony
Netflix
Disney
Uber
Visa
Mastercard
Goldman Sachs
JPMorgan
Citigroup
NASA
ESA
Roscosmos
FIFA
UEFA
IOC
NFL
NBA
MLB
NHL
BAFTA
Nobel Committee
Harvard
Yale
Oxford
Cambridge
MIT
Stanford
Princeton
`)

func wordSet(s string) map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(s) {
		m[w] = struct{}{}
	}
	return m
}

// lineSet is wordSet for one phrase a line.
func lineSet(s string) map[string]struct{} {
	m := map[string]struct{}{}
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			m[l] = struct{}{}
		}
	}
	return m
}

func inSet(m map[string]struct{}, w string) bool {
	_, ok := m[w]
	return ok
}

// gazClass returns the gazetteer class of a word (case-sensitive: the
// lists hold names as written).
func gazClass(w string) int {
	switch {
	case inSet(norpWords, w):
		return gzNORP
	case inSet(countries, w):
		return gzCountry
	case inSet(continents, w):
		return gzContinent
	case inSet(titleWords, w):
		return gzTitle
	case inSet(orgWords, w):
		return gzOrgWord
	case inSet(locWords, w):
		return gzLocWord
	case inSet(givenNames, w):
		return gzGivenName
	}
	return gzNone
}

// PlaceType decides GPE or LOC for a place name: LOC for continents, seas,
// rivers, mountains, regions and other geographic features, GPE for
// countries, states and cities (and by default).
func PlaceType(words []string) string {
	middle := false
	for _, w := range words {
		if inSet(continents, w) || inSet(locWords, w) || middle && w == "East" {
			return LOC
		}
		middle = w == "Middle"
	}
	return GPE
}
