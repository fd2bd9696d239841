package tagger

import (
	"bytes"
	"testing"

	"github.com/parleyhq/parley/internal/nlp/nlptest"
)

// BenchmarkTag tags Wikinews sentences (split by tokenize.Sentences) one per
// iteration; run with -cpu 1 for the one-core rate.
func BenchmarkTag(b *testing.B) {
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := nlptest.Wikinews(b)
	words := 0
	i := 0
	cpu0 := nlptest.CPUTime()
	for b.Loop() {
		s := sents[i%len(sents)]
		tg.Tag(s)
		words += len(s)
		i++
	}
	nlptest.Report(b, cpu0, int64(i), int64(words))
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Read(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}
