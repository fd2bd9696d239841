package eval

import (
	"testing"

	"github.com/parleyhq/parley/internal/model"
)

func TestParseScores(t *testing.T) {
	tok := func(upos, xpos string, head int, rel string) model.Token {
		return model.Token{UPOS: upos, XPOS: xpos, Head: head, Deprel: rel}
	}
	gold := []model.Token{
		tok("PRON", "PRP", 2, "nsubj"),
		tok("VERB", "VBD", 0, "root"),
		tok("NOUN", "NN", 2, "obl:tmod"),
		tok("PUNCT", ".", 2, "punct"),
	}
	tests := []struct {
		name string
		pred []model.Token
		want Parse
	}{
		{"perfect", gold, Parse{Sentences: 1, Words: 4, UPOS: 4, XPOS: 4, UAS: 4, LAS: 4, LASFull: 4, NoPunctWords: 3, NoPunctUAS: 3, NoPunctLAS: 3}},
		{"subtype only differs", []model.Token{gold[0], gold[1], tok("NOUN", "NN", 2, "obl"), gold[3]},
			Parse{Sentences: 1, Words: 4, UPOS: 4, XPOS: 4, UAS: 4, LAS: 4, LASFull: 3, NoPunctWords: 3, NoPunctUAS: 3, NoPunctLAS: 3}},
		{"wrong head, tag, label", []model.Token{tok("PRON", "PRP", 2, "obj"), tok("NOUN", "VBD", 0, "root"), gold[2], tok("PUNCT", ".", 3, "punct")},
			Parse{Sentences: 1, Words: 4, UPOS: 3, XPOS: 4, UAS: 3, LAS: 2, LASFull: 2, NoPunctWords: 3, NoPunctUAS: 3, NoPunctLAS: 2}},
	}
	for _, tc := range tests {
		var p Parse
		if err := p.Add(gold, tc.pred); err != nil {
			t.Fatal(err)
		}
		if p != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, p, tc.want)
		}
	}
	var p Parse
	if err := p.Add(gold, gold[:2]); err == nil {
		t.Error("length mismatch accepted")
	}
	p = Parse{Sentences: 1, Words: 4, UPOS: 3, UAS: 2, NoPunctWords: 2, NoPunctUAS: 1}
	r := p.Report()
	if r.UPOS != 75 || r.UAS != 50 || r.UASNoPunct != 50 || r.XPOS != 0 {
		t.Errorf("report %+v", r)
	}
	if (&Parse{}).Report().UAS != 0 {
		t.Error("empty report not zero")
	}
}
