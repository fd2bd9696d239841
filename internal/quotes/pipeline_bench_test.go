package quotes_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/actors"
	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/nlptest"
	"github.com/parleyhq/parley/internal/pipeline"
	"github.com/parleyhq/parley/internal/quotes"
	"github.com/parleyhq/parley/internal/refdata"
)

// BenchmarkShareOfPipeline measures, on the 295 Wikinews articles, the
// whole pipeline's analysis and quote extraction alone on the same
// documents already analysed (with their actor mentions), so that the two
// figures give the extractor's share of the pipeline's time. Besides wall
// time it reports the process's CPU seconds per pass (cpu-s/op), steadier
// on a shared machine; run with -cpu 1.
func BenchmarkShareOfPipeline(b *testing.B) {
	as, err := refdata.Wikinews()
	if err != nil {
		b.Skipf("reference data not available: %v", err)
	}
	p, err := pipeline.New()
	if err != nil {
		b.Fatal(err)
	}
	dict, err := actors.Default()
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	docs := make([]*model.Document, len(as))
	mentions := make([][]actors.Mention, len(as))
	for i, a := range as {
		n += int64(len(a.Text))
		docs[i] = &model.Document{Text: a.Text}
		p.Analyze(docs[i])
		mentions[i] = dict.Resolve(docs[i])
	}
	b.Run("pipeline", func(b *testing.B) {
		b.SetBytes(n)
		cpu0 := nlptest.CPUTime()
		for b.Loop() {
			for _, a := range as {
				p.Analyze(&model.Document{Text: a.Text})
			}
		}
		b.ReportMetric((nlptest.CPUTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	})
	b.Run("quotes", func(b *testing.B) {
		b.SetBytes(n)
		cpu0 := nlptest.CPUTime()
		for b.Loop() {
			for i, d := range docs {
				quotes.Extract(d, quotes.WithActors(mentions[i]))
			}
		}
		b.ReportMetric((nlptest.CPUTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	})
}
