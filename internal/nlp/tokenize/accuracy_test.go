package tokenize

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/conllu"
	"github.com/parleyhq/parley/internal/refdata"
)

// goldDoc is a document rebuilt from a treebank: the raw text (sentences
// joined by spaces, paragraphs by a blank line) and the gold token spans
// and sentence ends in it.
type goldDoc struct {
	text     string
	tokens   []model.Span
	sentEnds []int
}

// goldDocs rebuilds the documents of CoNLL-U files from "# text" and
// "# newpar"/"# newdoc". Words of a multiword token are gold tokens when
// their forms spell the surface form ("do"+"n't"), as the tokenizer is meant
// to produce them; otherwise the surface token is.
func goldDocs(t *testing.T, paths ...string) []goldDoc {
	t.Helper()
	var docs []goldDoc
	var b strings.Builder
	var cur goldDoc
	flush := func() {
		if b.Len() > 0 {
			cur.text = b.String()
			docs = append(docs, cur)
		}
		b.Reset()
		cur = goldDoc{}
	}
	for _, p := range paths {
		flush()
		sents, err := conllu.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sents {
			text := s.Meta("text")
			newdoc, newpar := false, false
			for _, c := range s.Comments {
				newdoc = newdoc || strings.HasPrefix(c, "newdoc")
				newpar = newpar || strings.HasPrefix(c, "newpar")
			}
			if newdoc {
				flush()
			}
			switch {
			case b.Len() == 0:
			case newpar:
				b.WriteString("\n\n")
			default:
				b.WriteString(" ")
			}
			base := b.Len()
			b.WriteString(text)
			pos := 0
			for _, piece := range surfacePieces(s) {
				i := strings.Index(text[pos:], piece)
				if i < 0 {
					t.Fatalf("%s:%d: %q not found in text", p, s.Line, piece)
				}
				cur.tokens = append(cur.tokens, model.Span{Start: base + pos + i, End: base + pos + i + len(piece)})
				pos += i + len(piece)
			}
			cur.sentEnds = append(cur.sentEnds, base+len(text))
		}
	}
	flush()
	return docs
}

// surfacePieces lists the gold tokens of s in order.
func surfacePieces(s *conllu.Sentence) []string {
	var out []string
	mw := 0
	for i := 0; i < len(s.Words); i++ {
		w := s.Words[i]
		if mw < len(s.MultiWords) && s.MultiWords[mw].First == w.ID {
			m := s.MultiWords[mw]
			mw++
			var cat strings.Builder
			for j := m.First; j <= m.Last; j++ {
				cat.WriteString(s.Words[j-1].Form)
			}
			if cat.String() != m.Form {
				out = append(out, m.Form)
				i = m.Last - 1
				continue
			}
		}
		out = append(out, w.Form)
	}
	return out
}

type prf struct{ tp, fp, fn int }

func (c prf) f1() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func (c prf) String() string {
	p, r, f := c.f1()
	return fmt.Sprintf("P %.4f R %.4f F1 %.4f", p, r, f)
}

func count[T comparable](gold, pred []T, c *prf) {
	g := make(map[T]bool, len(gold))
	for _, x := range gold {
		g[x] = true
	}
	for _, x := range pred {
		if g[x] {
			c.tp++
			delete(g, x)
		} else {
			c.fp++
		}
	}
	c.fn += len(g)
}

// score tokenizes each document and compares token spans and sentence
// ends (the end of a document is not counted: it is always right).
func score(docs []goldDoc, dump func(format string, args ...any)) (toks, sents prf) {
	for _, d := range docs {
		ss := Sentences(d.text)
		var pt []model.Span
		var pe []int
		for _, s := range ss {
			for _, tk := range s.Tokens {
				pt = append(pt, tk.Span)
			}
			pe = append(pe, s.Span.End)
		}
		count(d.tokens, pt, &toks)
		count(d.sentEnds[:len(d.sentEnds)-1], pe[:max(len(pe)-1, 0)], &sents)
		if dump != nil {
			gold := map[model.Span]bool{}
			for _, s := range d.tokens {
				gold[s] = true
			}
			for _, s := range pt {
				if !gold[s] {
					lo, hi := max(s.Start-20, 0), min(s.End+20, len(d.text))
					dump("token %q in %q", d.text[s.Start:s.End], d.text[lo:hi])
				}
			}
		}
	}
	return toks, sents
}

// TestAccuracy measures token and sentence-boundary F1 against UD English
// EWT test and the GUM news documents. The floors are a little under the
// measured figures so that a regression fails the test; run with -v to see
// the figures (reported in docs/tokens.md).
func TestAccuracy(t *testing.T) {
	ewt, err := refdata.Path("ud-english-ewt", "en_ewt-ud-test.conllu")
	if err != nil {
		t.Skip(err)
	}
	gumNews, _ := filepath.Glob(filepath.Join(filepath.Dir(filepath.Dir(ewt)), "gum", "dep", "GUM_news_*.conllu"))
	var dump func(string, ...any)
	if os.Getenv("TOKENIZE_DUMP") != "" {
		dump = t.Logf
	}
	for _, c := range []struct {
		name            string
		paths           []string
		minTok, minSent float64
	}{
		{"EWT test", []string{ewt}, 0.98, 0.80},
		{"GUM news", gumNews, 0.98, 0.85},
	} {
		if len(c.paths) == 0 {
			t.Errorf("%s: no files", c.name)
			continue
		}
		toks, sents := score(goldDocs(t, c.paths...), dump)
		t.Logf("%s: tokens %v; sentence boundaries %v", c.name, toks, sents)
		if _, _, f := toks.f1(); f < c.minTok {
			t.Errorf("%s: token F1 %.4f below %.2f", c.name, f, c.minTok)
		}
		if _, _, f := sents.f1(); f < c.minSent {
			t.Errorf("%s: sentence F1 %.4f below %.2f", c.name, f, c.minSent)
		}
	}
}
