package actors

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/model"
)

func mustDefault(t testing.TB) *Dictionary {
	t.Helper()
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// render writes mentions as "text=CODE kind" (with "->i" for references),
// one per mention, joined by "; ".
func render(d *model.Document, ms []Mention) string {
	var parts []string
	for _, m := range ms {
		code := m.Code
		if m.CountryInferred {
			code += "*"
		}
		s := fmt.Sprintf("%s=%s %s", spanText(d, m), code, m.Kind)
		if m.Antecedent >= 0 {
			s += fmt.Sprintf("->%d", m.Antecedent)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func TestResolveComposition(t *testing.T) {
	dict := mustDefault(t)
	tests := []struct {
		name, date, text, want string
	}{
		{"name wins with its dated role", "2023-06-01",
			"Ukrainian President Volodymyr Zelensky arrived.",
			"Ukrainian President Volodymyr Zelensky=UKRGOV person"},
		{"Iraqi prime minister", "2023-06-01",
			"Iraqi Prime Minister Mohammed Shia al-Sudani visited Tehran.",
			"Iraqi Prime Minister Mohammed Shia al-Sudani=IRQGOV person; Tehran=IRN country"},
		{"US secretary of state", "2023-06-01",
			"A U.S. Secretary of State has not visited since then.",
			"U.S. Secretary of State=USAGOV agent"},
		{"country and agent", "2023-06-01",
			"Russian troops shelled the city while Russian officials denied it.",
			"Russian troops=RUSMIL agent; Russian officials=RUSGOV agent"},
		{"police", "2023-06-01", "Israeli police detained two men.", "Israeli police=ISRCOP agent"},
		{"rebels", "2013-06-01", "The Syrian rebels took the town.", "Syrian rebels=SYRREB agent"},
		{"plural agent", "2023-06-01", "Two Ukrainian soldiers were wounded.", "Ukrainian soldiers=UKRMIL agent"},
		{"title without a person", "2023-06-01", "The Ukrainian leader spoke.", "Ukrainian leader=UKRGOV agent"},
		{"possessive country and agent", "2023-06-01", "Ukraine's army advanced.", "Ukraine's army=UKRMIL agent"},
		{"possessive country alone", "2023-06-01", "Russia's invasion began in 2022.", "Russia=RUS country"},
		{"seats of power", "2023-06-01",
			"The Kremlin and the White House traded barbs, and Downing Street stayed silent.",
			"Kremlin=RUSGOV organization; White House=USAGOV organization; Downing Street=GBRGOV organization"},
		{"capitals are the country", "2023-06-01", "Beijing and Kyiv disagreed.", "Beijing=CHN country; Kyiv=UKR country"},
		{"hyphenated prefix", "2023-06-01", "The U.S.-led initiative gained momentum.", "U.S.-led=USA country"},
		{"pro- is not the country", "2015-06-01", "Pro-Russian separatists attacked.", "separatists=---REB agent"},
		{"-based is not the country", "2020-06-01", "The Denmark-based retailer and Russian troops.", "Russian troops=RUSMIL agent"},
		{"former official", "2023-06-01", "Marie Yovanovitch, former U.S. Ambassador to Ukraine, spoke.",
			"U.S. Ambassador to Ukraine=USAELI agent"},
		{"unknown person after a title", "2024-06-01", "Bolivian Foreign Minister Celinda Sosa arrived in Lima.",
			"Bolivian Foreign Minister Celinda Sosa=BOLGOV person; Lima=PER country"},
		{"shared agent", "2023-06-01", "Ukrainian and American leadership met.",
			"Ukrainian=UKRGOV agent; American leadership=USAGOV agent"},
		{"organisations", "2023-06-01", "NATO and the EU briefed the UN Security Council.",
			"NATO=IGOWSTNAT organization; EU=IGOEUREEC organization; UN Security Council=IGOUNO organization"},
		{"organisation and agent", "2023-06-01", "NATO troops arrived.", "NATO troops=IGOWSTNATMIL agent"},
		{"seat and agent", "2023-06-01", "White House officials declined to comment.", "White House officials=USAGOV agent"},
		{"officials of an organisation", "2023-06-01", "UN officials met the President of the European Council.",
			"UN officials=IGOUNO agent; President of the European Council=IGOEUREEC agent"},
		{"non- is not the agent", "2023-06-01", "Non-government groups protested.", ""},
		{"a role stays", "2023-06-01", "Pentagon officials and Hezbollah fighters spoke.",
			"Pentagon officials=USAMIL agent; Hezbollah fighters=LBNREB agent"},
		{"dated organisation", "2022-06-01", "The Taliban banned girls from school.", "Taliban=AFGGOV organization; school=---EDU agent"},
		{"dated organisation before", "2015-06-01", "The Taliban attacked Kunduz.", "Taliban=AFGREB organization"},
		{"agent with no country", "2023-06-01", "Officials said the talks failed.", "Officials=---GOV agent"},
		{"president of country", "2023-06-01", "The President of Ukraine spoke.", "President of Ukraine=UKRGOV agent"},
		{"president of country and name", "2020-06-01", "The President of Ukraine Volodymyr Zelenskyy spoke.",
			"President of Ukraine Volodymyr Zelenskyy=UKRGOV person"},
		{"destination is no complement", "2020-06-01", "Ankara sent Turkish soldiers to Libya.",
			"Ankara=TUR country; Turkish soldiers=TURMIL agent; Libya=LBY country"},
		{"diacritics fold", "2023-06-01", "President Erdoğan and Erdogan's aides met.",
			"President Erdoğan=TURGOV person; Erdogan=TURGOV surname->0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newDoc(t, tc.date, tc.text)
			got := render(d, dict.Resolve(d))
			if got != tc.want {
				t.Errorf("%q\n got %s\nwant %s", tc.text, got, tc.want)
			}
		})
	}
}

func TestResolveDates(t *testing.T) {
	dict := mustDefault(t)
	tests := []struct {
		date, text, code, title string
	}{
		{"2012-03-01", "Obama spoke.", "USAGOV", "President of the United States"},
		{"2020-03-01", "Obama spoke.", "USAELI", ""},
		{"2006-03-01", "Obama spoke.", "USALEG", "Senator"},
		{"2010-03-01", "Putin spoke.", "RUSGOV", "Prime Minister of Russia"},
		{"2015-03-01", "Putin spoke.", "RUSGOV", "President of Russia"},
		{"2015-03-01", "Zelensky spoke.", "UKR", ""}, // before his first role
		{"2010-03-01", "Ban Ki-moon spoke.", "IGOUNO", "Secretary-General of the United Nations"},
		{"2018-03-01", "Ban Ki-moon spoke.", "KORELI", ""},
		{"2019-03-01", "Trump spoke.", "USAGOV", "President of the United States"},
		{"2022-03-01", "Trump spoke.", "USAELI", ""},
		{"2025-03-01", "Trump spoke.", "USAGOV", "President of the United States"},
		{"", "Trump spoke.", "USAGOV", "President of the United States"}, // undated: latest role
		{"", "Obama spoke.", "USAGOV", "President of the United States"}, // undated: latest role, though ended
		{"", "Lapid spoke.", "ISROPP", "Leader of the Opposition"},       // the open role is the latest
		{"2023-08-22", "Prigozhin spoke.", "RUSMIL", "Head of the Wagner Group"},
		{"2020-06-01", "Hemedti spoke.", "SDNGOV", "Deputy Chairman of the Sovereignty Council of Sudan"},
		{"2024-06-01", "Hemedti spoke.", "SDNREB", "Commander of the Rapid Support Forces"},
	}
	for _, tc := range tests {
		t.Run(tc.date+" "+tc.text, func(t *testing.T) {
			d := newDoc(t, tc.date, tc.text)
			ms := dict.Resolve(d)
			if len(ms) != 1 {
				t.Fatalf("got %d mentions: %s", len(ms), render(d, ms))
			}
			if ms[0].Code != tc.code || ms[0].Title != tc.title {
				t.Errorf("got %s %q, want %s %q", ms[0].Code, ms[0].Title, tc.code, tc.title)
			}
		})
	}
}

func TestResolveFalseFriends(t *testing.T) {
	dict := mustDefault(t)
	tests := []struct{ name, text, want string }{
		{"us is not the US", "Give us the documents, he told us.", ""},
		{"US is", "The US said no.", "US=USA country"},
		{"who is not WHO", "Who said that? The WHO did.", "WHO=IGOUNOHLHWHO organization"},
		{"turkey the bird", "We ate turkey at Thanksgiving.", ""},
		{"Jordan the country", "Jordan closed its border.", "Jordan=JOR country"},
		{"Jordan in a name", "Fans cheered Michael Jordan yesterday.", ""},
		{"Washington in a name", "She reads the Washington Post daily.", ""},
		{"a university is no state", "He teaches at the Catholic University of America in the capital.", "University=---EDU agent"},
		{"month is no name", "In May the talks resumed.", ""},
		{"a nationality opens a name", "He heads the Greek Energy Forum in Athens.", "Athens=GRC country"},
		{"a nationality before an agent", "Greek officials spoke.", "Greek officials=GRCGOV agent"},
		{"a compound demonym is neither", "The American Samoan delegate met Greek officials.", "Greek officials=GRCGOV agent"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newDoc(t, "2023-06-01", tc.text)
			if got := render(d, dict.Resolve(d)); got != tc.want {
				t.Errorf("%q\n got %s\nwant %s", tc.text, got, tc.want)
			}
		})
	}
}

func TestResolveReferences(t *testing.T) {
	dict := mustDefault(t)
	d := newDoc(t, "2023-06-01",
		"Ukrainian President Volodymyr Zelensky arrived in Washington.",
		"Zelensky met members of Congress.",
		"The Ukrainian leader said he wanted a meeting with the president.",
		"President Biden welcomed him.",
		"The president said he would decide.")
	got := render(d, dict.Resolve(d))
	want := "Ukrainian President Volodymyr Zelensky=UKRGOV person; Washington=USA country; " +
		"Zelensky=UKRGOV surname->0; Congress=---LEG agent; " +
		"Ukrainian leader=UKRGOV nominal->0; he=UKRGOV pronoun->0; president=---GOV agent; " +
		"President Biden=USAGOV person; him=UKRGOV pronoun->0; " +
		"president=USAGOV nominal->7; he=USAGOV pronoun->7"
	if got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

func TestResolveNominalLesserOffice(t *testing.T) {
	dict := mustDefault(t)
	d := newDoc(t, "2019-06-01", "Vice President Mike Pence met President Donald Trump.", "The president left.")
	got := render(d, dict.Resolve(d))
	want := "Vice President Mike Pence=USAGOV person; President Donald Trump=USAGOV person; president=USAGOV nominal->1"
	if got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

func TestResolveUnknownPersons(t *testing.T) {
	dict := mustDefault(t)
	d := newDoc(t, "2023-06-01",
		"“It signals commitment,” explains Dr. Elena Korosteleva, Professor of International Relations at the University of Warwick.",
		"Korosteleva added that she expects more talks.",
		"Mr. William Taylor and Korosteleva disagreed, and he left.")
	withEntity(t, d, 0, "PERSON", "Elena Korosteleva")
	withEntity(t, d, 1, "PERSON", "Korosteleva")
	withEntity(t, d, 2, "PERSON", "William Taylor")
	withEntity(t, d, 2, "PERSON", "Korosteleva")
	ms := dict.Resolve(d)
	got := render(d, ms)
	want := "Elena Korosteleva= person; Professor=---EDU agent; University=---EDU agent; " +
		"Korosteleva= surname->0; she= pronoun->0; " +
		"William Taylor= person; Korosteleva= surname->0; he= pronoun->5"
	if got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	if ms[0].Name != "Elena Korosteleva" {
		t.Errorf("name %q", ms[0].Name)
	}
}

func TestResolveSharedSurnames(t *testing.T) {
	dict := mustDefault(t)
	d := newDoc(t, "2020-06-01",
		"Boris Johnson met Ambassador Jane Smith in London.",
		"Johnson and Smith agreed; Khan did not.")
	got := render(d, dict.Resolve(d))
	want := "Boris Johnson=GBRGOV person; Ambassador Jane Smith= person; London=GBR country; " +
		"Johnson=GBRGOV surname->0; Smith= surname->1"
	if got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

// TestResolveHeads checks that a parse, when present, picks the head token.
func TestResolveHeads(t *testing.T) {
	dict := mustDefault(t)
	d := newDoc(t, "2023-06-01", "Russian troops advanced.")
	toks := d.Sentences[0].Tokens
	// Russian <-amod- troops <-nsubj- advanced
	toks[0].Head, toks[0].Deprel, toks[0].UPOS = 2, "amod", "ADJ"
	toks[1].Head, toks[1].Deprel, toks[1].UPOS = 3, "nsubj", "NOUN"
	toks[2].Head, toks[2].Deprel, toks[2].UPOS = 0, "root", "VERB"
	toks[3].Head, toks[3].Deprel, toks[3].UPOS = 3, "punct", "PUNCT"
	ms := dict.Resolve(d)
	if len(ms) != 1 || ms[0].Head != 1 {
		t.Fatalf("got %+v", ms)
	}
	// Without a parse the rightmost token stands in.
	d = newDoc(t, "2023-06-01", "Russian Defence Minister Andrei Belousov spoke.")
	ms = dict.Resolve(d)
	if len(ms) != 1 || ms[0].Head != 4 {
		t.Fatalf("got %+v", ms)
	}
}

// TestResolveTags checks that, with a tagger, agent words used as
// adjectives are not agents.
func TestResolveTags(t *testing.T) {
	dict := mustDefault(t)
	d := newDoc(t, "2023-06-01", "Official channels remain silent, an official said.")
	toks := d.Sentences[0].Tokens
	toks[0].UPOS = "ADJ"
	toks[6].UPOS = "NOUN"
	if got, want := render(d, dict.Resolve(d)), "official=---GOV agent"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// parse sets heads (1-based, 0 for the root), relations and tags on the
// tokens of sentence si, the way the parser does.
func parse(d *model.Document, si int, heads []int, rels, upos []string) {
	toks := d.Sentences[si].Tokens
	for i := range toks {
		toks[i].Head, toks[i].Deprel, toks[i].UPOS = heads[i], rels[i], upos[i]
	}
}

// TestResolveComplements checks that an agent takes its country from a
// complement in the parse, one code per country of a coordination.
func TestResolveComplements(t *testing.T) {
	dict := mustDefault(t)
	d := newDoc(t, "2023-06-01", "Soldiers from Ukraine advanced.")
	parse(d, 0, []int{4, 3, 1, 0, 4}, []string{"nsubj", "case", "nmod", "root", "punct"},
		[]string{"NOUN", "ADP", "PROPN", "VERB", "PUNCT"})
	if got, want := render(d, dict.Resolve(d)), "Soldiers from Ukraine=UKRMIL agent"; got != want {
		t.Errorf("from: got %s, want %s", got, want)
	}
	d = newDoc(t, "2023-06-01", "Lawmakers in France and Germany voted.")
	parse(d, 0, []int{6, 3, 1, 5, 3, 0, 6}, []string{"nsubj", "case", "nmod", "cc", "conj", "root", "punct"},
		[]string{"NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"})
	ms := dict.Resolve(d)
	if got, want := render(d, ms), "Lawmakers in France and Germany=FRALEG agent"; got != want {
		t.Errorf("coordination: got %s, want %s", got, want)
	}
	if len(ms) == 1 && strings.Join(ms[0].Also, " ") != "DEULEG" {
		t.Errorf("coordination: also %v, want DEULEG", ms[0].Also)
	}
	// Without a parse, a list after "of" gives a code per country.
	d = newDoc(t, "2023-06-01", "The foreign ministers of France, Germany and Britain met.")
	ms = dict.Resolve(d)
	if got, want := render(d, ms), "ministers of France, Germany and Britain=FRAGOV agent"; got != want {
		t.Errorf("list: got %s, want %s", got, want)
	}
	if len(ms) == 1 && strings.Join(ms[0].Also, " ") != "DEUGOV GBRGOV" {
		t.Errorf("list: also %v, want DEUGOV GBRGOV", ms[0].Also)
	}
	// An agent with its own country keeps it: "Russian troops in Ukraine".
	d = newDoc(t, "2023-06-01", "Russian troops in Ukraine advanced.")
	parse(d, 0, []int{2, 5, 4, 2, 0, 5}, []string{"amod", "nsubj", "case", "nmod", "root", "punct"},
		[]string{"ADJ", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"})
	if got, want := render(d, dict.Resolve(d)), "Russian troops=RUSMIL agent; Ukraine=UKR country"; got != want {
		t.Errorf("own country: got %s, want %s", got, want)
	}
}

// TestResolvePersonEntities checks how PERSON entities and dictionary
// places meet: a place inside a longer name is no place; a PERSON entity
// that is the place itself (perhaps with a possessive) is the tagger's
// mistake.
func TestResolvePersonEntities(t *testing.T) {
	dict := mustDefault(t)
	tests := []struct{ text, entity, want string }{
		{"Fans cheered Michael Jordan yesterday.", "Michael Jordan", "Michael Jordan= person"},
		{"Jordan Peterson spoke.", "Jordan Peterson", "Jordan Peterson= person"},
		{"Ukraine's army advanced.", "Ukraine's", "Ukraine's army=UKRMIL agent"},
		{"Jordan closed its border.", "Jordan", "Jordan=JOR country"},
	}
	for _, tc := range tests {
		d := newDoc(t, "2023-06-01", tc.text)
		withEntity(t, d, 0, "PERSON", tc.entity)
		if got := render(d, dict.Resolve(d)); got != tc.want {
			t.Errorf("%q with PERSON %q\n got %s\nwant %s", tc.text, tc.entity, got, tc.want)
		}
	}
}

// A state body named without its country takes the country a document is
// clearly about, and only that.
func TestResolveDocumentCountry(t *testing.T) {
	dict := mustDefault(t)
	for _, tc := range []struct {
		name      string
		sentences []string
		want      string
	}{
		{"one country", []string{
			"Polish President Andrzej Duda visited Warsaw.",
			"Poland and the Polish army prepared.",
			"The parliament voted and police said nothing."},
			"Polish President Andrzej Duda=POLGOV person; Warsaw=POL country; Poland=POL country; Polish army=POLMIL agent; " +
				"parliament=POLLEG* agent; police=POLCOP* agent"},
		{"sentence naming another country", []string{
			"Polish President Andrzej Duda visited Warsaw.",
			"Poland and the Polish army prepared.",
			"Iranian media said the parliament voted."},
			"Polish President Andrzej Duda=POLGOV person; Warsaw=POL country; Poland=POL country; Polish army=POLMIL agent; " +
				"Iranian media=IRNMED agent; parliament=---LEG agent"},
		{"two countries", []string{
			"Polish President Andrzej Duda visited Washington.",
			"Poland and the United States prepared.",
			"The parliament voted."},
			"Polish President Andrzej Duda=POLGOV person; Washington=USA country; Poland=POL country; United States=USA country; " +
				"parliament=---LEG agent"},
		{"foreign", []string{
			"Polish President Andrzej Duda visited Warsaw.",
			"Poland prepared.",
			"Duda said foreign security forces and police were involved."},
			"Polish President Andrzej Duda=POLGOV person; Warsaw=POL country; Poland=POL country; " +
				"Duda=POLGOV surname->0; security forces=---COP agent; police=POLCOP* agent"},
		{"too few mentions", []string{"Poland prepared.", "The parliament voted."},
			"Poland=POL country; parliament=---LEG agent"},
		{"sectors that cross borders", []string{
			"Polish President Andrzej Duda visited Warsaw.",
			"Poland prepared.",
			"The university and the police spoke."},
			"Polish President Andrzej Duda=POLGOV person; Warsaw=POL country; Poland=POL country; " +
				"university=---EDU agent; police=POLCOP* agent"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDoc(t, "2020-06-01", tc.sentences...)
			if got := render(d, dict.Resolve(d)); got != tc.want {
				t.Errorf("\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// "him" may be anyone named before it in its sentence but the subject of
// its own clause; the parse tells which that is.
func TestResolveObjectPronounInSentence(t *testing.T) {
	dict := mustDefault(t)
	d := newDoc(t, "2020-11-24", "Senator Mitch McConnell spoke.", "Republicans broke with President Donald Trump and urged him to concede .")
	toks := d.Sentences[1].Tokens
	// Republicans broke with President Donald Trump and urged him to concede .
	heads := []int{2, 0, 6, 6, 6, 2, 8, 2, 8, 11, 8, 2}
	rels := []string{"nsubj", "root", "case", "compound", "flat", "obl", "cc", "conj", "obj", "mark", "xcomp", "punct"}
	if len(toks) != len(heads) {
		t.Fatalf("%d tokens", len(toks))
	}
	for i := range toks {
		toks[i].Head, toks[i].Deprel = heads[i], rels[i]
	}
	got := render(d, dict.Resolve(d))
	if !strings.Contains(got, "him=USAGOV pronoun->") {
		t.Errorf("him is not Trump: %s", got)
	}
	// Without a parse the sentence's people are passed over, as before:
	// McConnell, the one person of the sentences before, is taken.
	for i := range toks {
		toks[i].Head, toks[i].Deprel = 0, ""
	}
	if got := render(d, dict.Resolve(d)); !strings.Contains(got, "him=USALEG pronoun->") {
		t.Errorf("without a parse: %s", got)
	}
}

// A one-word place that is the surname of a person named before is the
// person.
func TestResolvePlaceThatIsASurname(t *testing.T) {
	dict := mustDefault(t)
	d := newDoc(t, "2020-02-03", "Police shot Sudesh Amman in London.", "Amman had sent videos to Jordan.")
	withEntity(t, d, 0, "PERSON", "Sudesh Amman")
	got := render(d, dict.Resolve(d))
	if strings.Contains(got, "Amman=JOR") {
		t.Errorf("the surname is the capital of Jordan: %s", got)
	}
	if !strings.Contains(got, "Jordan=JOR") {
		t.Errorf("the country itself is lost: %s", got)
	}
}

// "chief of staff" alone serves a government; a military one says so.
func TestResolveChiefOfStaff(t *testing.T) {
	dict := mustDefault(t)
	for _, tc := range []struct{ text, want string }{
		{"The Polish chief of staff resigned.", "Polish chief of staff=POLGOV agent"},
		{"The Polish army chief of staff resigned.", "Polish army chief of staff=POLMIL agent"},
		{"The Polish chief of the general staff resigned.", "Polish chief of the general staff=POLMIL agent"},
	} {
		d := newDoc(t, "2020-06-01", tc.text)
		if got := render(d, dict.Resolve(d)); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.text, got, tc.want)
		}
	}
}

// A nationality that opens an organisation's name is part of the name.
func TestResolveNationalityBeforeOrganisation(t *testing.T) {
	dict := mustDefault(t)
	d := newDoc(t, "2019-12-26", "The Philippine Red Cross said families need food.")
	if got, want := render(d, dict.Resolve(d)), "Red Cross=NGOHLHIRC organization"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
