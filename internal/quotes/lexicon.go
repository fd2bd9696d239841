package quotes

import "strings"

// The word lists below are the extractor's knowledge of English attribution:
// which verbs introduce speech, which words make up titles, and which
// capitalised words are not names. They are small on purpose; each entry
// earns its place in a test or in the Wikinews development articles.

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// cueKind tells how a speech verb relates to what follows it.
type cueKind int

const (
	cueSay    cueKind = iota + 1 // introduces speech directly: said, told, wrote
	cueStance                    // takes an object and a quoted judgement: called it "...", described X as "..."
	cueRead                      // documents: the decree read, the law states
)

// cues maps inflected forms to their kind. Participles (saying, adding)
// take the subject of the clause they hang on.
var cues = func() map[string]cueKind {
	m := map[string]cueKind{}
	add := func(k cueKind, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = k
		}
	}
	add(cueSay, `say says said saying tell tells told telling state states stated stating
		add adds added adding explain explains explained explaining note notes noted noting
		observe observes observed observing warn warns warned warning stress stresses stressed stressing
		insist insists insisted insisting write writes wrote writing tweet tweets tweeted tweeting
		post posts posted comment comments commented commenting remark remarks remarked remarking
		declare declares declared declaring announce announces announced announcing
		continue continues continued continuing ask asks asked asking reply replies replied replying
		respond responds responded responding argue argues argued arguing claim claims claimed claiming
		conclude concludes concluded concluding acknowledge acknowledged admit admits admitted
		suggest suggests suggested urge urges urged urging caution cautions cautioned cautioning
		recall recalls recalled emphasize emphasizes emphasized emphasise emphasised emphasising emphasizing
		underline underlines underlined underlining allege alleges alleged alleging
		pledge pledged promise promised promising vow vows vowed vowing confirm confirmed confirms
		indicate indicated indicates elaborate elaborated elaborates shout shouted shouting chant chanted
		exclaim exclaimed complain complained complaining maintain maintained maintains
		predict predicted demand demanded demanding spoke speaking testified testify
		informed inform replied tells told added explains continued agreed thanked thanking
		reiterated reiterate reiterating quipped joked told found ruled decided defended
		conceded concede concedes boasted boasts contended contends countered counters disclosed discloses
		hinted hints mentioned mentions objected objects proclaimed proclaims protested protests
		recounted recounts revealed reveals speculated speculates threatened threatens wondered wonders
		lamented laments mourned pleaded pleads questioned reasoned reflected reflects rejected
		reminded reminds repeated repeats retorted scoffed stressed summarized summarised voiced
		whispered yelled replied responded wrote writes assured assures acknowledging admitting
		conceding insisting vowing pledging announcing declaring warning stressing noting adding
		explaining arguing claiming recalling responding replying telling writing posting tweeting
		estimated estimates predicted predicts proposed proposes welcomed welcomes announced
		pointed points pointing talked talks reacted reacts report reports reported express expresses
		expressed expressing discussing discussed professed professes opine opines opined opining shared
		assert asserts asserted asserting
		mused muses commanded`)
	add(cueStance, `call calls called calling describe describes described describing
		characterize characterizes characterized characterizing characterise characterised characterising
		criticize criticized criticised criticizing criticising praise praised praising hail hailed hailing
		condemn condemned condemning denounce denounced denouncing attack attacked attacking
		label labelled labeled brand branded term termed accuse accused accusing blame blamed blaming
		justify justified justifying envision envisioned envisaged dismiss dismissed dismissing
		deem deemed deeming slam slammed slamming blast blasted blasting decry decried decrying
		lambast lambasted lambasting referred refers referring endorse endorsed endorsing regard regards
		regarded regarding assail assails assailed assailing`)
	add(cueRead, `read reads specifies specify stipulates stipulate`)
	return m
}()

// isSpeech: the word is a speech verb of any kind.
func (k cueKind) isSpeech() bool { return k != 0 }

// quotingVerbs report another's words: "quoted X as saying".
var quotingVerbs = set(`quote quotes quoted quoting cite cites cited citing`)

// The participle form of a cue: its subject is the subject of the main clause.
func isParticiple(w string) bool { return strings.HasSuffix(w, "ing") }

// Words between a subject and its speech verb that do not end the subject.
var adverbs = set(`also further later then previously repeatedly reportedly publicly once again
	recently separately earlier subsequently similarly likewise formally officially simply
	quickly immediately has have had was were is are would will did does do had been
	yesterday today tonight just still even openly briefly initially first finally
	has already always never not often directly personally`)

// Pronouns that can be speakers, with gender ("" when either).
var pronouns = map[string]string{"he": "m", "she": "f", "they": "", "it": "", "we": "", "i": "", "you": ""}

// nounGender: the gender of role nouns that carry one.
var nounGender = map[string]string{
	"mother": "f", "mom": "f", "mum": "f", "wife": "f", "daughter": "f", "sister": "f", "woman": "f", "actress": "f", "spokeswoman": "f",
	"chairwoman": "f", "queen": "f", "princess": "f", "girl": "f", "grandmother": "f", "aunt": "f", "niece": "f",
	"father": "m", "dad": "m", "husband": "m", "son": "m", "brother": "m", "man": "m", "actor": "m", "spokesman": "m",
	"chairman": "m", "king": "m", "prince": "m", "boy": "m", "grandfather": "m", "uncle": "m", "nephew": "m",
}

var honorifics = set(`dr mr mrs ms miss mx prof sir dame lord lady rev reverend mme madame monsignor
	monsenor cde comrade fr father sheikh imam ayatollah hon`)

// Words that make up titles before or around a name.
var titleWords = set(`president vice prime minister chancellor senator sen representative rep governor gov
	mayor general gen colonel col captain capt judge justice pope cardinal archbishop bishop king queen
	prince princess emir secretary speaker chairman chairwoman chairperson chair director professor
	ambassador envoy commissioner spokesman spokeswoman spokesperson leader chief deputy former acting
	foreign interior defense defence health finance state federal senior first lady crown supreme
	lieutenant sergeant sgt lt officer commander head member mp mep councillor councilor premier
	taoiseach president-elect director-general secretary-general attorney prosecutor minority majority
	whip incoming outgoing retired then executive ceo founder co-founder chief-executive
	emeritus assistant associate adviser advisor special presidential opposition
	congressman congresswoman legislator lawmaker pastor priest rabbi consul assemblywoman assemblyman
	assemblymember councilwoman councilman alderman longtime veteran legendary late famed renowned
	celebrated prominent admiral commandant brigadier marshal commodore superintendent inspector detective constable administrator sheriff`)

// Nouns that head a description of a person or group ("a police spokesperson").
var roleNouns = set(`spokesman spokeswoman spokesperson spokespeople spokesmen official officials minister
	ministers president leader leaders secretary director professor chairman chairwoman chairperson
	commissioner chief head member members student protester protesters lawyer lawyers attorney analyst
	analysts expert experts officer officers prosecutor prosecutors judge governor mayor senator senators
	representative representatives ambassador envoy adviser advisor general commander founder
	executive manager researcher researchers scientist scientists author writer witness eyewitness
	witnesses source sources resident residents activist activists journalist reporter editor candidate
	lawmaker lawmakers legislator legislators mp councillor coordinator negotiator diplomat diplomats
	observer observers critic critics rapporteur doctor doctors nurse victim victims mother father son
	daughter wife husband brother sister archbishop bishop cardinal pope priest anthropologist economist
	historian user users someone organizers organisers staff owner forum chef teacher worker workers police
	survivor survivors relative relatives pilot soldier soldiers veteran lieutenant supporter supporters
	campaigner campaigners engineer engineers chairman-elect premier physician specialist investigator
	investigators agent agents man woman men women people person friend friends neighbour neighbor
	commentator academic academics contributor columnist correspondent fellow partner
	city municipality mom mum dad girl boy guy lady
	spokespersons reporters journalists correspondents scholar scholars family account media television radio
	actor actress actors artist artists singer musician guitarist coach athlete
	director-general host presenter novelist poet designer developer programmer maintainer
	entrepreneur astronomer herpetologist biologist physicist chemist psychologist professor
	lead co-author producer filmmaker comedian authors poster posters blogger bloggers commenter`)

// Nouns that make a capitalised phrase an organisation, not a person.
var orgWords = set(`ministry department office agency committee council commission court forces party
	union organization organisation association corporation company group bank fund government police
	embassy parliament congress senate house assembly university institute center centre foundation
	coalition alliance movement network service services administration authority authorities board
	church guard corps army navy military command society federation league club team inc ltd llc campaign
	cabinet secretariat presidency kremlin pentagon tribunal legislature yuan unesco nato interpol
	who imf un eu au opec irgc fbi cia state times post news agency channel press reuters bbc cnn
	commission constitution act law decree statement report proclamation conference`)

// Nationality words and country abbreviations that open titles.
var demonyms = set(`US U.S. USA U.S.A. UK U.K. EU UN AU NATO American British English French German
	Italian Spanish Russian Ukrainian Chinese Japanese Korean Indian Pakistani Iranian Iraqi Syrian
	Turkish Greek Cypriot Israeli Palestinian Egyptian Libyan Saudi Polish Mexican Canadian Australian
	Brazilian Argentine Argentinian Nigerian Kenyan Afghan Scottish Irish Welsh Dutch Belgian Swedish
	Norwegian Danish Finnish Austrian Swiss Hungarian Czech Belarusian Georgian Armenian Lebanese
	Jordanian Qatari Emirati Yemeni Sudanese Ethiopian Somali Taiwanese Thai Vietnamese Filipino
	Philippine Indonesian Malaysian Venezuelan Colombian Cuban Chilean Peruvian Bolivian Kurdish
	Zimbabwean Tunisian Moroccan Algerian Portuguese Romanian Bulgarian Serbian Croatian Slovak
	Lithuanian Latvian Estonian Western European African Asian Arab Democratic Republican Conservative
	Labour Catholic Vatican Chinese Hong Kong Beijing Kremlin White Taiwan`)

func isHonorific(w string) bool { return honorifics[strings.ToLower(strings.TrimSuffix(w, "."))] }
func isTitleWord(w string) bool { return titleWords[strings.ToLower(w)] }
func isDemonym(w string) bool   { return demonyms[w] }

// Capitalised words that start sentences or phrases without being names.
var notNames = set(`The A An In On At After Before During Following According As While When Since
	Although Though However But And Yet Also Last This That These Those Its His Her Their Our It He She
	They We I You Yesterday Today Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday
	January February March April May June July August September October November December Speaking
	Calling Saying Regarding Under With Without From To For By Of Per Despite Meanwhile Earlier Later
	Namely Specifically Reportedly Previously Currently Presently Amongst Among Until Unlike Both Some
	Many Several Two Three Four Five Other Another Such Each Every No Not What Who Whom Whose Which Why Where
	Whatever If Then There Here Now Once Over Into Through Between Across Against About Around Upon
	Within Asked Interviewed Instead Still Even Only Just More Most Such Further Again Later Next
	My Your Us Them Him Me One You've I'm I've We're We've They're You're It's That's There's
	I'd We'd He's She's Known Born Based Founded Elected Appointed Described Named Given Six Seven
	Eight Nine Ten Twenty Thirty Forty Fifty Hundred Hundreds Thousands Dozens Millions`)

// Function words that never belong inside a noun phrase.
var stopWords = set(`a an the of for and or to in on at by with from as that which who whom whose
	this these those is are was were be been has have had do does did not no but if than then`)

func isStopWord(w string) bool { return stopWords[w] }

// Words that end a noun phrase scanned leftwards: verbs, prepositions and
// conjunctions that cannot sit inside a speaker's description.
var npBreak = set(`in on at by with to as that which who whom whose when where while after before
	because since than if but or said says told asked is are was were be been being has have had
	do does did will would can could should may might must not no also about into over through
	during against between under without within via upon per so yet nor although though whether except
	and`)

// Words before a quote that make it a name or a term rather than speech:
// "known as", "the word", "named", "titled".
var namingWords = set(`word words term terms phrase phrases name names named titled entitled dubbed
	nicknamed slogan slogans hashtag motto label case known so-called headline banner
	codenamed code-named designation designations event book film movie album song campaign program
	programme show series bill operation project initiative app website novel documentary play
	exhibition tour`)

// citedWords name words taken from someone: "a line from Virgil".
var citedWords = set(`quote quotes quotation line lines words saying phrase verse maxim motto`)

var reflexives = set(`himself herself itself themselves myself ourselves`)

// selfNaming verbs give their subject a title: "proclaimed himself "X"".
var selfNaming = set(`proclaimed proclaiming proclaims declared declaring declares styled styling styles
	called calling calls named naming dubbed crowned crowning`)

// titleNouns are the naming words that stand before a title rather than
// a term: a long quote in sentence case after them is speech.
var titleNouns = set(`event book film movie album song campaign program programme show series bill
	operation project initiative app website novel documentary play exhibition tour`)

// Verbs that name what follows when the quote comes right after them:
// "called "Learning Together"", but "called it "a disgrace"" quotes.
var namingCues = set(`call calls called calling term termed label labelled labeled brand branded dub dubbed name named`)

// Passive markers: "was called the X" names, it does not quote.
var passiveAux = set(`is are was were be been being commonly often widely also sometimes`)

// Words right after a quote that make the quote the subject of a new
// clause, i.e. a term being talked about: ""COVID-19" is the name".
var termVerbs = set(`is was are were has had will would can represents stands means refers`)

// Auxiliaries that show a clause, not a noun phrase: an appositive holding
// one ("police, Zhukovskyy was driving") is not an appositive.
var finiteVerbs = set(`is are was were has have had will would can could did does shall should must may might`)

// Plural nouns for groups that speak ("Authorities said").
// peopleNouns are groups of people that are neither roles nor officials:
// "one of the children said".
var peopleNouns = set(`people children men women victims survivors parents passengers voters fans
	relatives families users viewers workers residents students friends acquaintances colleagues
	neighbours neighbors classmates teammates kids girls boys guys folks customers clients`)

var groupNouns = set(`authorities officials police protesters residents witnesses organizers organisers
	investigators prosecutors researchers scientists experts analysts critics observers sources
	activists lawmakers legislators diplomats rescuers doctors`)

// Cues that speak only with "out": "pointed out", not "pointed to".
var needsOut = set(`pointed points pointing`)

// Possessive pronouns and the gender of their owner ("-" for any).
var possessives = map[string]string{"his": "m", "her": "f", "their": "-", "its": "-"}

// postNominals follow a name: generations, silks and honours.
var postNominals = set(`jr sr ii iii iv qc kc sc mp mep obe cbe mbe kbe phd md esq`)

// generations are part of the name they follow.
var generations = set(`jr sr ii iii iv`)

// mediaNouns head the name of an outlet ("Azzaman newspaper").
var mediaNouns = set(`newspaper magazine daily weekly tabloid broadcaster channel agency`)

// outletDocs are written by the outlet they appear in ("an editorial in
// the Deseret Morning News").
var outletDocs = set(`editorial article column op-ed commentary`)

// quantNouns open a group after an article ("a bunch of them").
var quantNouns = set(`bunch lot group couple number handful few majority`)

// platforms are where words are posted, not who posts them.
var platforms = set(`twitter facebook instagram telegram youtube tiktok weibo reddit snapchat whatsapp linkedin`)

// objectPronouns point back like possessives: "according to him".
var objectPronouns = map[string]string{"him": "m", "her": "f", "them": "-"}

// Nouns that a quoted modifier names: the "outward investment" strategy,
// the "one country, two systems" model.
var namedNouns = set(`strategy model policy plan programme program law doctrine initiative approach
	campaign movement principle rule status system concept slogan deal agreement theory era project
	scheme framework formula label brand`)

// pastVerb: a word that looks like a verb in the past tense (or a speech
// verb): the verb after a clause's subject ("Trump refused ... and said").
func pastVerb(w string) bool {
	if cues[w] != 0 || irregularPast[w] {
		return true
	}
	return strings.HasSuffix(w, "ed") && len(w) > 3 && !roleNouns[w] && !titleWords[w]
}

var irregularPast = set(`said told made gave took wrote spoke began came went got held met sent led left
	put set saw sought thought brought won ran became stood kept lost paid built struck drew fell
	threw chose broke rode flew grew knew`)

// Auxiliaries that make the verb after them passive: "was said to be".
var passiveOnly = set(`was were is are been being be`)

// Words that open an introductory phrase before a sentence's subject ("In a
// statement, ...", "Following the vote, ...").
var introWords = set(`In On At After Before During Following According As While When Since Although
	Though However But And Yet Also Last Yesterday Today Tonight Meanwhile Earlier Later Speaking
	Calling Saying Regarding Under With Without From To For By Despite Amid Amongst Among Until Unlike
	Once Namely Specifically Reportedly Previously Currently Presently Still Even Instead Further Again
	Next Then Now Asked Interviewed Responding Writing Addressing Commenting Earlier Separately
	Monday Tuesday Wednesday Thursday Friday Saturday Sunday Overall Finally First Second Third`)

var numberWords = set(`one two three four five six seven eight nine ten eleven twelve twenty thirty forty
	fifty hundred hundreds thousands dozens several many some all most`)
