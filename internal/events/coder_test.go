package events

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/actors"
	"github.com/parleyhq/parley/internal/events/verbs"
	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/conllu"
	"github.com/parleyhq/parley/internal/refdata"
)

// testDoc is a document built from hand-written CoNLL-U parses. Comments:
// "# doc = ID" groups consecutive sentences, "# date = YYYY-MM-DD" dates
// the document, "# actors = F-L:CODE;..." gives actor mentions by token
// IDs (":kind" may follow the code), "# expect = SRC>TGT CODE MODALITY DATE" an event of the sentence
// ("-" for no target or date).
type testDoc struct {
	id       string
	doc      *model.Document
	mentions []actors.Mention
	expect   []string
}

func readTestDocs(t testing.TB, path string) []*testDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []*testDoc
	err = conllu.Read(f, path, func(cs *conllu.Sentence) error {
		id := cs.Meta("doc")
		if len(docs) == 0 || docs[len(docs)-1].id != id {
			docs = append(docs, &testDoc{id: id, doc: &model.Document{ExtID: id}})
		}
		td := docs[len(docs)-1]
		d := td.doc
		if date := cs.Meta("date"); date != "" {
			tm, err := time.Parse("2006-01-02", date)
			if err != nil {
				return err
			}
			d.Published = tm
		}
		if d.Text != "" {
			d.Text += " "
		}
		s := model.Sentence{Span: model.Span{Start: len(d.Text)}}
		for _, w := range cs.Words {
			start := len(d.Text)
			d.Text += w.Form
			tok := model.Token{Text: w.Form, Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS, Head: w.Head, Deprel: w.Deprel,
				Span: model.Span{Start: start, End: len(d.Text)}, SpaceAfter: conllu.MiscValue(w.Misc, "SpaceAfter") != "No"}
			if tok.SpaceAfter {
				d.Text += " "
			}
			s.Tokens = append(s.Tokens, tok)
		}
		d.Text = strings.TrimRight(d.Text, " ")
		s.Span.End = len(d.Text)
		si := len(d.Sentences)
		d.Sentences = append(d.Sentences, s)
		if a := cs.Meta("actors"); a != "" {
			for _, part := range strings.Split(a, ";") {
				rng, code, _ := strings.Cut(part, ":")
				code, kind, _ := strings.Cut(code, ":")
				fs, ls, _ := strings.Cut(rng, "-")
				first, _ := strconv.Atoi(fs)
				last, _ := strconv.Atoi(ls)
				td.mentions = append(td.mentions, actors.Mention{Sentence: si, First: first - 1, Last: last - 1, Head: last - 1, Code: code, Kind: kind, Antecedent: -1})
			}
		}
		for _, c := range cs.Comments {
			if k, v, ok := strings.Cut(c, "="); ok && strings.TrimSpace(k) == "expect" {
				td.expect = append(td.expect, fmt.Sprintf("%d %s", si, strings.TrimSpace(v)))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func describe(e model.Event) string {
	tgt, date := e.Target.Code, e.Date
	if tgt == "" {
		tgt = "-"
	}
	if date == "" {
		date = "-"
	}
	return fmt.Sprintf("%d %s>%s %s %s %s", e.SentenceIdx, e.Source.Code, tgt, e.CAMEO, e.Modality, date)
}

func TestCoderOnHandParses(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// The seed article is tested through the real pipeline in cmd/parley
	// (TestAnalyzeSeed).
	for _, td := range readTestDocs(t, "testdata/coder.conllu") {
		res := c.Code(td.doc, td.mentions)
		var got []string
		for _, e := range res.Events {
			got = append(got, describe(e))
			if e.Span.Start < 0 || e.Span.End > len(td.doc.Text) || e.Span.Start >= e.Span.End {
				t.Errorf("%s: bad span %+v", td.id, e.Span)
			}
		}
		if undated := td.doc.Published.IsZero() && len(res.Events) > 0; undated != (len(td.doc.Notes) == 1) {
			t.Errorf("%s: undated %v, notes %q", td.id, undated, td.doc.Notes)
		}
		sort.Strings(got)
		sort.Strings(td.expect)
		if strings.Join(got, "\n") != strings.Join(td.expect, "\n") {
			t.Errorf("%s:\n got  %q\n want %q", td.id, got, td.expect)
		}
	}
}

// BenchmarkCode measures the coder alone (analysis excluded) on the
// hand-parsed test documents; b.N counts documents, and sentences/s is
// reported.
func BenchmarkCode(b *testing.B) {
	c, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	benchCode(b, c)
}

// benchCode codes the hand-parsed test documents b.N times with c and
// reports sentences/s.
func benchCode(b *testing.B, c *Coder) {
	docs := readTestDocs(b, "testdata/coder.conllu")
	sentences := 0
	for _, d := range docs {
		sentences += len(d.doc.Sentences)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			c.Code(d.doc, d.mentions)
		}
	}
	b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func TestDiscards(t *testing.T) {
	docs := readTestDocs(t, "testdata/coder.conllu")
	d, err := verbs.LoadDiscards(strings.NewReader("FRIDAY\n+KYIV\n"), "d")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Default(WithDiscards(d))
	if err != nil {
		t.Fatal(err)
	}
	if res := c.Code(docs[0].doc, docs[0].mentions); len(res.Events) != 0 || res.SentenceDiscards != 1 {
		t.Errorf("sentence discard: %+v", res)
	}
	if res := c.Code(docs[3].doc, docs[3].mentions); len(res.Events) != 0 || res.Discarded != "KYIV" {
		t.Errorf("story discard: %+v", res)
	}
}

// FuzzCode feeds malformed trees (cycles, heads out of range) and mentions
// out of range: the coder must not panic or loop.
func FuzzCode(f *testing.F) {
	f.Add([]byte{2, 0, 2, 1, 3, 2, 0, 0, 2, 1})
	f.Add([]byte{1, 2, 3, 1, 2, 3, 9, 9, 9})
	c, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	words := []string{"Russia", "attacked", "Ukraine", "said", "and", "by", "was", "offered", "no", "comment", "to", "meet", "\"", "it", "when"}
	rels := []string{"nsubj", "obj", "obl", "conj", "xcomp", "acl", "aux:pass", "nsubj:pass", "ccomp", "advcl", "nmod:poss"}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64 {
			data = data[:64]
		}
		doc := &model.Document{}
		var s model.Sentence
		for i := 0; i+2 < len(data); i += 3 {
			w := words[int(data[i])%len(words)]
			start := len(doc.Text)
			doc.Text += w + " "
			s.Tokens = append(s.Tokens, model.Token{Text: w, Lemma: w, UPOS: "VERB", XPOS: "VBN", Head: int(data[i+1]) - 2,
				Deprel: rels[int(data[i+2])%len(rels)], Span: model.Span{Start: start, End: start + len(w)}})
		}
		s.Span = model.Span{Start: 0, End: len(doc.Text)}
		doc.Sentences = []model.Sentence{s}
		var ms []actors.Mention
		for i := 0; i+1 < len(data); i += 2 {
			kind := []string{actors.KindCountry, actors.KindPerson, actors.KindPronoun}[i%3]
			ms = append(ms, actors.Mention{First: int(data[i]) % 8, Last: int(data[i+1]) % 8, Head: int(data[i]) % 9, Code: "X" + string(rune('A'+i%5)), Kind: kind})
		}
		c.Code(doc, ms)
	})
}

// BenchmarkCodeCAMEO2 is BenchmarkCode with PETRARCH-2's CAMEO.2.0.txt
// (about 1,800 verbs and 4,600 patterns) instead of the default dictionary.
func BenchmarkCodeCAMEO2(b *testing.B) {
	path, err := refdata.Path("petrarch2", "CAMEO.2.0.txt")
	if err != nil {
		b.Skipf("reference data: %v", err)
	}
	d, err := verbs.LoadFile(path, verbs.Lenient())
	if err != nil {
		b.Fatal(err)
	}
	c := New(d)
	benchCode(b, c)
}
