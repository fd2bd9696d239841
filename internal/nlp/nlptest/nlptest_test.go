package nlptest

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"The U.S. didn't agree. Talks resume.", "The U.S. did n't agree . | Talks resume ."},
		{"Kyiv's well-known plan (2020)?\nYes!", "Kyiv 's well-known plan ( 2020 ) ? | Yes !"},
		{"", ""},
	} {
		var parts []string
		for _, s := range Split(tc.in) {
			var ws []string
			for _, tok := range s {
				if tc.in[tok.Span.Start:tok.Span.End] != tok.Text {
					t.Fatalf("%q: span %v does not match %q", tc.in, tok.Span, tok.Text)
				}
				ws = append(ws, tok.Text)
			}
			parts = append(parts, strings.Join(ws, " "))
		}
		if got := strings.Join(parts, " | "); got != tc.want {
			t.Errorf("Split(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWikinews(t *testing.T) {
	sents := Wikinews(t)
	words := 0
	for _, s := range sents {
		words += len(s)
	}
	if len(sents) < 1000 || words < 20*len(sents)/2 {
		t.Errorf("%d sentences, %d words: too few", len(sents), words)
	}
	t.Logf("%d sentences, %d words, %.1f words/sentence", len(sents), words, float64(words)/float64(len(sents)))
}
