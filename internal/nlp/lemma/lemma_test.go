package lemma

import (
	"os"
	"testing"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/conllu"
	"github.com/parleyhq/parley/internal/refdata"
)

func TestLemma(t *testing.T) {
	for _, c := range []struct{ form, upos, xpos, want string }{
		{"was", "AUX", "VBD", "be"},
		{"'s", "AUX", "VBZ", "be"},
		{"'s", "PART", "POS", "'s"},
		{"n't", "PART", "RB", "not"},
		{"ca", "AUX", "MD", "can"},
		{"'d", "AUX", "MD", "would"},
		{"Me", "PRON", "PRP", "I"},
		{"them", "PRON", "PRP", "they"},
		{"An", "DET", "DT", "a"},
		{"countries", "NOUN", "NNS", "country"},
		{"Talks", "NOUN", "NNS", "talk"},
		{"CEOs", "NOUN", "NNS", "ceo"},
		{"American", "ADJ", "JJ", "American"},
		{"later", "ADV", "RBR", "late"},
		{"her", "PRON", "PRP", "she"},
		{"her", "PRON", "PRP$", "her"},
		{"children", "NOUN", "NNS", "child"},
		{"crises", "NOUN", "NNS", "crisis"},
		{"churches", "NOUN", "NNS", "church"},
		{"viruses", "NOUN", "NNS", "virus"},
		{"causes", "NOUN", "NNS", "cause"},
		{"business", "NOUN", "NN", "business"},
		{"States", "PROPN", "NNPS", "State"},
		{"Ukraine", "PROPN", "NNP", "Ukraine"},
		{"making", "VERB", "VBG", "make"},
		{"stopped", "VERB", "VBD", "stop"},
		{"agreed", "VERB", "VBD", "agree"},
		{"tried", "VERB", "VBD", "try"},
		{"died", "VERB", "VBD", "die"},
		{"negotiated", "VERB", "VBN", "negotiate"},
		{"announces", "VERB", "VBZ", "announce"},
		{"watches", "VERB", "VBZ", "watch"},
		{"visited", "VERB", "VBD", "visit"},
		{"cancelled", "VERB", "VBD", "cancel"},
		{"said", "VERB", "VBD", "say"},
		{"sought", "VERB", "VBD", "seek"},
		{"need", "VERB", "", "need"},
		{"seeking", "VERB", "", "seek"},
		{"closed", "VERB", "", "close"},
		{"bigger", "ADJ", "JJR", "big"},
		{"larger", "ADJ", "JJR", "large"},
		{"happiest", "ADJ", "JJS", "happy"},
		{"better", "ADJ", "JJR", "good"},
		{"former", "ADJ", "JJ", "former"},
		{"Quickly", "ADV", "RB", "quickly"},
		{",", "PUNCT", ",", ","},
		{"went", "", "", "go"},
		{"Zelensky", "", "", "Zelensky"},
	} {
		if got := Lemma(c.form, c.upos, c.xpos); got != c.want {
			t.Errorf("Lemma(%q, %s, %s) = %q, want %q", c.form, c.upos, c.xpos, got, c.want)
		}
	}
}

func TestTokens(t *testing.T) {
	toks := []model.Token{{Text: "Talks", UPOS: "NOUN", XPOS: "NNS"}, {Text: "were", UPOS: "AUX"}}
	Tokens(toks)
	if toks[0].Lemma != "talk" || toks[1].Lemma != "be" {
		t.Errorf("got %q %q", toks[0].Lemma, toks[1].Lemma)
	}
}

// TestAccuracy measures lemma accuracy on EWT test with gold tags, overall
// and with UPOS only (as when the tagger gives no XPOS). Run with -v for the
// figures; the floors catch regressions.
func TestAccuracy(t *testing.T) {
	path, err := refdata.Path("ud-english-ewt", "en_ewt-ud-test.conllu")
	if err != nil {
		t.Skip(err)
	}
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	errs := map[string]int{}
	var n, okFull, okUPOS int
	for _, s := range sents {
		for _, w := range s.Words {
			n++
			if Lemma(w.Form, w.UPOS, w.XPOS) == w.Lemma {
				okFull++
			} else {
				errs[w.UPOS+" "+w.Form+" -> "+Lemma(w.Form, w.UPOS, w.XPOS)+" (gold "+w.Lemma+")"]++
			}
			if Lemma(w.Form, w.UPOS, "") == w.Lemma {
				okUPOS++
			}
		}
	}
	full, upos := float64(okFull)/float64(n), float64(okUPOS)/float64(n)
	t.Logf("EWT test lemma accuracy: %.4f with UPOS+XPOS, %.4f with UPOS only (%d words)", full, upos, n)
	if os.Getenv("LEMMA_DUMP") != "" {
		for e, c := range errs {
			if c > 1 {
				t.Logf("%d %s", c, e)
			}
		}
	}
	if full < 0.97 || upos < 0.95 {
		t.Errorf("accuracy %.4f / %.4f below floors 0.97 / 0.95", full, upos)
	}
}

func BenchmarkLemma(b *testing.B) {
	words := []struct{ f, u, x string }{{"negotiations", "NOUN", "NNS"}, {"was", "AUX", "VBD"}, {"making", "VERB", "VBG"}, {"Ukraine", "PROPN", "NNP"}}
	for i := 0; i < b.N; i++ {
		w := words[i%len(words)]
		Lemma(w.f, w.u, w.x)
	}
}
