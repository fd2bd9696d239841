package eval

import (
	"math"
	"testing"

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
