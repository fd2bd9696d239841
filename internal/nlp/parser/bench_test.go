package parser

import (
	"bytes"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/nlptest"
	"github.com/parleyhq/parley/internal/nlp/tagger"
)

// The benchmarks run over Wikinews sentences split by tokenize.Sentences,
// one sentence per iteration. Run them with -cpu 1 for one-core rates.

func models(b *testing.B) (*tagger.Tagger, *Parser, [][]model.Token) {
	tg, err := tagger.Default()
	if err != nil {
		b.Fatal(err)
	}
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	return tg, p, nlptest.Wikinews(b)
}

func BenchmarkParse(b *testing.B) {
	tg, p, sents := models(b)
	for _, s := range sents {
		tg.Tag(s)
	}
	var n, words int64
	cpu0 := nlptest.CPUTime()
	for b.Loop() {
		s := sents[n%int64(len(sents))]
		p.Parse(s)
		n++
		words += int64(len(s))
	}
	nlptest.Report(b, cpu0, n, words)
}

func BenchmarkTagParse(b *testing.B) {
	tg, p, sents := models(b)
	var n, words int64
	cpu0 := nlptest.CPUTime()
	for b.Loop() {
		s := sents[n%int64(len(sents))]
		tg.Tag(s)
		p.Parse(s)
		n++
		words += int64(len(s))
	}
	nlptest.Report(b, cpu0, n, words)
}

// BenchmarkTagParseParallel runs GOMAXPROCS goroutines sharing one tagger
// and parser; compare -cpu 1,2 to see the scaling.
func BenchmarkTagParseParallel(b *testing.B) {
	tg, p, sents := models(b)
	var next, words atomic.Int64
	cpu0 := nlptest.CPUTime()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1)
			s := slices.Clone(sents[i%int64(len(sents))])
			tg.Tag(s)
			p.Parse(s)
			words.Add(int64(len(s)))
		}
	})
	nlptest.Report(b, cpu0, next.Load(), words.Load())
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Read(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}
