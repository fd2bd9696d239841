package ner

import (
	"fmt"
	"testing"

	"github.com/parleyhq/parley/internal/model"
)

// TestGoldForDescribed checks what a name under a common noun teaches:
// its head learns the type of the described mention, and the span chooser
// the mention's span when a candidate has it, else the name's.
func TestGoldForDescribed(t *testing.T) {
	tok := func(w, upos string, head int, rel string) model.Token {
		return model.Token{Text: w, UPOS: upos, Head: head, Deprel: rel}
	}
	described := []Mention{{First: 0, Last: 2, Type: PERSON, NameFirst: 1, NameLast: 2}}
	for _, c := range []struct {
		name      string
		toks      []model.Token
		described []Mention
		wantClass int
		wantSpan  string // the matched candidate span, "" for none
	}{
		{"the name heads the phrase: the mention's span", []model.Token{
			tok("rapper", "NOUN", 2, "nmod:desc"), tok("Kanye", "PROPN", 4, "nsubj"), tok("West", "PROPN", 2, "flat"), tok("sang", "VERB", 0, "root"),
		}, described, classOf(PERSON), "0-2"},
		{"the descriptor heads the phrase (GUM's tree): the name's span", []model.Token{
			tok("rapper", "NOUN", 4, "nsubj"), tok("Kanye", "PROPN", 1, "appos"), tok("West", "PROPN", 2, "flat"), tok("sang", "VERB", 0, "root"),
		}, described, classOf(PERSON), "1-2"},
		{"not described: not a mention", []model.Token{
			tok("rapper", "NOUN", 4, "nsubj"), tok("Kanye", "PROPN", 1, "appos"), tok("West", "PROPN", 2, "flat"), tok("sang", "VERB", 0, "root"),
		}, nil, 0, ""},
	} {
		s := Sentence{Tokens: c.toks, Described: c.described}
		sc := &scratch{scores: make([]float32, len(classes))}
		var heads int
		headGroups(sc.prepare(c.toks, nil), func(group []candidate) {
			heads++
			if group[0].head != 1 {
				t.Errorf("%s: candidate head %d, want 1 (Kanye)", c.name, group[0].head)
				return
			}
			class, match := goldFor(s, group)
			span := ""
			for i, m := range match {
				if m {
					span = fmt.Sprintf("%d-%d", group[i].first, group[i].last)
				}
			}
			if class != c.wantClass || span != c.wantSpan {
				t.Errorf("%s: class %d span %q, want %d %q", c.name, class, span, c.wantClass, c.wantSpan)
			}
		})
		if heads != 1 {
			t.Errorf("%s: %d candidate heads, want 1", c.name, heads)
		}
	}
}
