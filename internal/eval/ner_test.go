package eval

import (
	"math"
	"reflect"
	"testing"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/ner"
)

func mn(first, last int, typ string) ner.Mention {
	return ner.Mention{First: first, Last: last, Type: typ}
}

func TestNERScore(t *testing.T) {
	var s NERScore
	gold := []ner.Mention{mn(0, 1, ner.PERSON), mn(3, 3, ner.GPE), mn(5, 6, ner.ORG), mn(5, 5, ner.LOC)}
	pred := []ner.Mention{
		mn(0, 1, ner.PERSON), // right
		mn(3, 3, ner.LOC),    // right: GPE and LOC both score as PLACE
		mn(5, 6, ner.PERSON), // wrong type: a false positive and a miss
		mn(8, 8, ner.NORP),   // not scored
		mn(0, 1, ner.PERSON), // duplicate: the gold mention is used up
	}
	s.Add(gold, pred)
	s.Add(nil, []ner.Mention{mn(2, 2, ner.ORG)})
	want := map[string]Count{
		"PERSON": {TP: 1, FP: 2},
		"PLACE":  {TP: 1, FN: 1},
		"ORG":    {FP: 1, FN: 1},
	}
	for typ, c := range want {
		if s.ByType[typ] != c {
			t.Errorf("%s: got %+v, want %+v", typ, s.ByType[typ], c)
		}
	}
	if s.Overall != (Count{TP: 2, FP: 3, FN: 2}) {
		t.Errorf("overall %+v", s.Overall)
	}
	if p, r, f := s.Overall.Precision(), s.Overall.Recall(), s.Overall.F1(); p != 0.4 || r != 0.5 || math.Abs(f-4.0/9) > 1e-12 {
		t.Errorf("P %v R %v F1 %v", p, r, f)
	}
	if got := s.Types(); len(got) != 3 || got[0] != "ORG" {
		t.Errorf("types %v", got)
	}
	var empty Count
	if empty.Precision() != 0 || empty.Recall() != 0 || empty.F1() != 0 {
		t.Error("empty count should score 0")
	}
}

func TestProperNounHeaded(t *testing.T) {
	// "the rapper Kanye West met Apple executives", as a tagger and parser
	// might analyse it.
	toks := []model.Token{
		{Text: "the", UPOS: "DET", Head: 2, Deprel: "det"},
		{Text: "rapper", UPOS: "NOUN", Head: 5, Deprel: "nsubj"},
		{Text: "Kanye", UPOS: "PROPN", Head: 2, Deprel: "appos"},
		{Text: "West", UPOS: "PROPN", Head: 3, Deprel: "flat"},
		{Text: "met", UPOS: "VERB", Head: 0, Deprel: "root"},
		{Text: "Apple", UPOS: "NOUN", Head: 7, Deprel: "compound"},
		{Text: "executives", UPOS: "NOUN", Head: 5, Deprel: "obj"},
	}
	pred := []ner.Mention{
		mn(0, 3, ner.PERSON), // headed by "rapper": outside the scored set
		mn(2, 3, ner.PERSON), // headed by "Kanye"
		mn(5, 5, ner.ORG),    // "Apple" tagged NOUN: outside, as a gold mention would be
		mn(5, 6, ner.PERSON), // headed by "executives"
	}
	want := []ner.Mention{mn(2, 3, ner.PERSON)}
	if got := ProperNounHeaded(toks, pred); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestNERScoreDescribed(t *testing.T) {
	var s NERScore
	described := []ner.Mention{
		{First: 0, Last: 3, NameFirst: 2, NameLast: 3, Type: ner.PERSON}, // "the rapper Kanye West"
		{First: 5, Last: 6, NameFirst: 6, NameLast: 6, Type: ner.GPE},    // "village Djilapaor"
		{First: 8, Last: 9, NameFirst: 9, NameLast: 9, Type: ner.ORG},    // "journal Nature"
	}
	pred := []ner.Mention{
		{First: 1, Last: 3, NameFirst: 2, NameLast: 3, Type: ner.PERSON}, // found: the name, whatever the span
		{First: 6, Last: 6, NameFirst: 6, NameLast: 6, Type: ner.LOC},    // found: scored as PLACE
		{First: 9, Last: 9, NameFirst: 9, NameLast: 9, Type: ner.PERSON}, // wrong type
	}
	s.AddDescribed(described, pred)
	if s.Described != (Count{TP: 2, FN: 1}) || s.Overall != (Count{}) {
		t.Errorf("described %+v, overall %+v", s.Described, s.Overall)
	}
}
