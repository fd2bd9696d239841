package events_test

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/actors"
	"github.com/parleyhq/parley/internal/cameo"
	"github.com/parleyhq/parley/internal/events"
	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp"
	"github.com/parleyhq/parley/internal/nlp/nlptest"
	"github.com/parleyhq/parley/internal/refdata"
)

var (
	sampleN    = flag.Int("sample", 0, "TestWikinews: print a random sample of this many events (docs/events-sample.md)")
	sampleSeed = flag.Uint64("seed", 1, "TestWikinews: seed of the sample")
)

// wikinewsDocs analyses the 295 Wikinews articles (both CSV files) with
// the real analyzer and the default actor dictionaries.
func wikinewsDocs(tb testing.TB) ([]*model.Document, [][]actors.Mention) {
	tb.Helper()
	arts, err := refdata.Wikinews()
	if err != nil {
		tb.Skip(err)
	}
	a, err := nlp.Default()
	if err != nil {
		tb.Fatal(err)
	}
	d, err := actors.Default()
	if err != nil {
		tb.Fatal(err)
	}
	docs := make([]*model.Document, len(arts))
	ments := make([][]actors.Mention, len(arts))
	for i, ar := range arts {
		doc := &model.Document{ExtID: ar.URL, URL: ar.URL, Title: ar.Title, Text: ar.Text}
		if t, err := time.Parse("2006-01-02", ar.Date); err == nil {
			doc.Published = t
		}
		a.Analyze(doc)
		docs[i], ments[i] = doc, d.Resolve(doc)
	}
	return docs, ments
}

// TestWikinews codes real news and checks what must hold of every event:
// a known code with its facts, a source with a code, spans inside the
// sentence. It logs events per article and the share of sentences with an
// event; with -sample N it prints N events at random for hand judging:
//
//	go test ./internal/events -run TestWikinews -v -args -sample 50 -seed 1
func TestWikinews(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 295 articles")
	}
	docs, ments := wikinewsDocs(t)
	c, err := events.Default()
	if err != nil {
		t.Fatal(err)
	}
	type item struct {
		doc *model.Document
		ev  model.Event
	}
	var all []item
	sentences, withEvent := 0, 0
	for i, doc := range docs {
		evs := c.Code(doc, ments[i]).Events
		has := map[int]bool{}
		for _, e := range evs {
			has[e.SentenceIdx] = true
			all = append(all, item{doc, e})
			info, ok := cameo.Lookup(e.CAMEO)
			switch {
			case !ok || e.CAMEOLabel != info.Label:
				t.Errorf("%s: event code %q without its label", doc.URL, e.CAMEO)
			case e.Source.Code == "":
				t.Errorf("%s: event %s without a source code", doc.URL, e.CAMEO)
			case e.Target.Code != "" && e.Target.Code == e.Source.Code:
				t.Errorf("%s: event %s from %s to itself", doc.URL, e.CAMEO, e.Source.Code)
			}
			sp := doc.Sentences[e.SentenceIdx].Span
			if e.Span.Start < sp.Start || e.Span.End > sp.End || e.Span.Start >= e.Span.End {
				t.Errorf("%s: event span %v outside its sentence %v", doc.URL, e.Span, sp)
			}
			if e.Sentence != doc.Text[sp.Start:sp.End] {
				t.Errorf("%s: event sentence is not the document's", doc.URL)
			}
		}
		sentences += len(doc.Sentences)
		withEvent += len(has)
	}
	t.Logf("%d articles, %d sentences, %d events: %.2f events per article, %.1f%% of sentences with an event",
		len(docs), sentences, len(all), float64(len(all))/float64(len(docs)), 100*float64(withEvent)/float64(sentences))
	if *sampleN == 0 {
		return
	}
	r := rand.New(rand.NewPCG(*sampleSeed, 0))
	for k, i := range r.Perm(len(all))[:min(*sampleN, len(all))] {
		it := all[i]
		e := it.ev
		// Code-point offsets let docs/events-sample.md point at the sentence
		// without copying it.
		sp := it.doc.Sentences[e.SentenceIdx].Span
		from := utf8.RuneCountInString(it.doc.Text[:sp.Start])
		to := from + utf8.RuneCountInString(e.Sentence)
		fmt.Printf("%d. %s (characters %d–%d)\n   %s\n   %s %s -> %s %s | %s %s (%s) %s\n", k+1, it.doc.URL, from, to,
			strings.Join(strings.Fields(e.Sentence), " "),
			e.Source.Code, quoted(e.Source.Text), e.Target.Code, quoted(e.Target.Text), e.CAMEO, e.CAMEOLabel, e.Verb, e.Modality)
	}
}

func quoted(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf("%q", s)
}

// BenchmarkWikinews measures analysis and coding of the 295 Wikinews
// articles, together and step by step (language analysis, actor
// resolution, event coding), in sentences per second:
//
//	go test ./internal/events -run XXX -bench Wikinews -cpu 1 -benchtime 3x
func BenchmarkWikinews(b *testing.B) {
	arts, err := refdata.Wikinews()
	if err != nil {
		b.Skip(err)
	}
	a, err := nlp.Default()
	if err != nil {
		b.Fatal(err)
	}
	d, err := actors.Default()
	if err != nil {
		b.Fatal(err)
	}
	c, err := events.Default()
	if err != nil {
		b.Fatal(err)
	}
	newDoc := func(i int) *model.Document {
		doc := &model.Document{Text: arts[i].Text}
		doc.Published, _ = time.Parse("2006-01-02", arts[i].Date)
		return doc
	}
	docs := make([]*model.Document, len(arts))
	ments := make([][]actors.Mention, len(arts))
	sentences := 0
	for i := range arts {
		docs[i] = newDoc(i)
		a.Analyze(docs[i])
		ments[i] = d.Resolve(docs[i])
		sentences += len(docs[i].Sentences)
	}
	// Rates per wall-clock second and per CPU-second of the process: on a
	// shared machine wall-clock time also counts other programs.
	var cpu0 time.Duration
	rate := func(b *testing.B) {
		b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
		b.ReportMetric(float64(sentences*b.N)/(nlptest.CPUTime()-cpu0).Seconds(), "sentences/cpu-s")
	}
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 = nlptest.CPUTime()
		for n := 0; n < b.N; n++ {
			for i := range arts {
				doc := newDoc(i)
				a.Analyze(doc)
				c.Code(doc, d.Resolve(doc))
			}
		}
		rate(b)
	})
	b.Run("nlp", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 = nlptest.CPUTime()
		for n := 0; n < b.N; n++ {
			for i := range arts {
				a.Analyze(newDoc(i))
			}
		}
		rate(b)
	})
	b.Run("actors", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 = nlptest.CPUTime()
		for n := 0; n < b.N; n++ {
			for _, doc := range docs {
				d.Resolve(doc)
			}
		}
		rate(b)
	})
	b.Run("code", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 = nlptest.CPUTime()
		for n := 0; n < b.N; n++ {
			for i, doc := range docs {
				c.Code(doc, ments[i])
			}
		}
		rate(b)
	})
}
