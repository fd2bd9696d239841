package nlp

import (
	"sync/atomic"
	"testing"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/nlptest"
)

// The benchmarks analyse the Wikinews articles of the reference data, one
// document per iteration, and report sentences and words per wall-clock
// second and per CPU-second of the process. Run with -cpu 1 for one core:
//
//	go test -run - -bench Analyze -cpu 1 ./internal/nlp/

func analyzer(b *testing.B) (*Analyzer, []model.Document) {
	a, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	return a, nlptest.Documents(b)
}

func count(doc *model.Document) (sents, words int64) {
	for _, s := range doc.Sentences {
		words += int64(len(s.Tokens))
	}
	return int64(len(doc.Sentences)), words
}

func BenchmarkAnalyze(b *testing.B) {
	a, docs := analyzer(b)
	var i, sents, words int64
	cpu0 := nlptest.CPUTime()
	for b.Loop() {
		doc := model.Document{Text: docs[i%int64(len(docs))].Text}
		a.Analyze(&doc)
		s, w := count(&doc)
		sents += s
		words += w
		i++
	}
	nlptest.Report(b, cpu0, sents, words)
}

// BenchmarkAnalyzeParallel analyses documents on GOMAXPROCS goroutines
// sharing one analyzer; compare -cpu 1,2 for the scaling.
func BenchmarkAnalyzeParallel(b *testing.B) {
	a, docs := analyzer(b)
	var next, sents, words atomic.Int64
	cpu0 := nlptest.CPUTime()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1)
			doc := model.Document{Text: docs[i%int64(len(docs))].Text}
			a.Analyze(&doc)
			s, w := count(&doc)
			sents.Add(s)
			words.Add(w)
		}
	})
	nlptest.Report(b, cpu0, sents.Load(), words.Load())
}
