package ner

import (
	"testing"

	"github.com/parleyhq/parley/internal/nlp/tokenize"
	"github.com/parleyhq/parley/internal/refdata"
)

// BenchmarkMentions measures tagging speed on GUM news sentences
// (sentences/s is reported as a custom metric).
func BenchmarkMentions(b *testing.B) {
	path, err := refdata.Path("gum", "dep", "GUM_news_nasa.conllu")
	if err != nil {
		b.Skip(err)
	}
	sents, err := ReadGUMFile(path)
	if err != nil {
		b.Fatal(err)
	}
	rec, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec.Mentions(sents[i%len(sents)].Words)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

var _ = tokenize.Sentences
