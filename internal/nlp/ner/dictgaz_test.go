package ner

import (
	"testing"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/linear"
)

func TestPhraseClass(t *testing.T) {
	for _, c := range []struct {
		phrase string
		want   dictClass // bits that must be set
		not    dictClass // bits that must not
	}{
		{"Volodymyr Zelensky", dPerson, dOrg},
		{"Zelensky", dPerson | dSurname, dCountry},
		{"Volodymyr", dGiven, dPerson},
		{"Ukraine", dCountry, dPerson},
		{"Kyiv", dCapital, dPerson},
		{"Kremlin", dSeat, dPerson},
		{"United Nations", dOrg, dPerson},
		{"Reuters", dOrg, dPerson}, // from orgNames
		{"Ukrainian", dNORP, dCountry},
		{"government", dAgent, dOrg},
		{"Government", 0, dAgent}, // lower-case agents match as written
		{"Zelensky said", 0, dPerson},
	} {
		got := phraseClass(c.phrase)
		if got&c.want != c.want || got&c.not != 0 || c.want == 0 && got != 0 {
			t.Errorf("phraseClass(%q) = %b, want bits %b and not %b", c.phrase, got, c.want, c.not)
		}
	}
}

func TestDictType(t *testing.T) {
	for _, c := range []struct {
		cls  dictClass
		want int
	}{
		{dPerson | dSurname, classOf(PERSON)},
		{dOrg, classOf(ORG)},
		{dSeat, classOf(ORG)},
		{dCapital, classOf(GPE)},
		{dCountry | dNORP, classOf(GPE)},
		{dGiven, 0}, // a first name alone is no name
		{dRegion, 0},
		{dAgent, 0},
		{0, 0},
	} {
		if got := dictType(c.cls); got != c.want {
			t.Errorf("dictType(%b) = %d, want %d", c.cls, got, c.want)
		}
	}
}

// TestLongestPhrase finds the longest listed phrase holding the head in
// "Ukrainian President Volodymyr Zelensky": the surname alone, then the
// full name once the span reaches the first name.
func TestLongestPhrase(t *testing.T) {
	toks := parsed(t, "Ukrainian President Volodymyr Zelensky visited the United Nations in New York .")
	var tr tree
	tr.reset(toks, nil)
	for _, c := range []struct {
		first, last, head int
		want              string
		cls               dictClass
	}{
		{0, 3, 3, "Volodymyr Zelensky", dPerson},
		{3, 3, 3, "Zelensky", dPerson},
		{0, 2, 0, "Ukrainian", dNORP},
		{6, 7, 7, "United Nations", dOrg},
		{9, 10, 10, "", 0}, // "New York" is in no dictionary
	} {
		mf, ml, cls := tr.longestPhrase(c.first, c.last, c.head)
		got := ""
		if cls != 0 {
			got = text(toks, mf, ml)
		}
		if got != c.want || cls&c.cls != c.cls {
			t.Errorf("longestPhrase(%d, %d, %d) = %q %b, want %q with %b", c.first, c.last, c.head, got, cls, c.want, c.cls)
		}
	}
}

// TestDictFeatures checks that the dictionary features tell a listed
// person from a listed country and from an unknown name.
func TestDictFeatures(t *testing.T) {
	toks := parsed(t, "Zelensky met Ukraine 's Kowalczyk .")
	var tr tree
	tr.reset(toks, nil)
	feats := func(h int) map[linear.Feature]bool {
		m := map[linear.Feature]bool{}
		fs, _ := dictFeatures(nil, &tr, candidate{head: h, first: h, last: h})
		for _, f := range fs {
			m[f] = true
		}
		return m
	}
	person, country, unknown := feats(0), feats(2), feats(4)
	isPerson := linear.Template(tDictHead).Int(0) // bit 0: dPerson
	if !person[isPerson] || country[isPerson] || unknown[isPerson] {
		t.Errorf("person feature: Zelensky %v, Ukraine %v, Kowalczyk %v", person[isPerson], country[isPerson], unknown[isPerson])
	}
	if len(unknown) != 0 {
		t.Errorf("unknown name has dictionary features %v", unknown)
	}
}

// parsed tokenizes, tags and parses one sentence.
func parsed(t *testing.T, text string) []model.Token {
	t.Helper()
	doc := analyse(t, text)
	if len(doc.Sentences) != 1 {
		t.Fatalf("%q: %d sentences", text, len(doc.Sentences))
	}
	return doc.Sentences[0].Tokens
}
