package conllu

import (
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	in := "# text = Kyiv's plan.\n1\tKyiv\tKyiv\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tSpaceAfter=No\n" +
		"2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n3\tplan\tplan\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No\n" +
		"4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
	var got []*Sentence
	if err := Read(strings.NewReader(in), "x", func(s *Sentence) error { got = append(got, s); return nil }); err != nil {
		t.Fatal(err)
	}
	toks := got[0].Tokens()
	text := "Kyiv's plan."
	for i, want := range []string{"Kyiv", "'s", "plan", "."} {
		tok := toks[i]
		if tok.Text != want || text[tok.Span.Start:tok.Span.End] != want {
			t.Errorf("token %d: %q at %v, want %q", i, tok.Text, tok.Span, want)
		}
	}
	if toks[0].Head != 3 || toks[0].Deprel != "nmod:poss" || toks[2].UPOS != "NOUN" || toks[2].XPOS != "NN" || toks[0].SpaceAfter || !toks[1].SpaceAfter {
		t.Errorf("annotation not copied: %+v", toks)
	}
}
