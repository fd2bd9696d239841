package nlp

import (
	"testing"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/refdata"
)

// BenchmarkAnalyze runs the whole analysis (tokenize, tag, lemmatise,
// parse, entities) on the Wikinews articles and reports sentences/s:
//
//	go test -run XXX -bench Analyze -cpu 1 ./internal/nlp/
func BenchmarkAnalyze(b *testing.B) {
	arts, err := refdata.Wikinews()
	if err != nil {
		b.Skip(err)
	}
	an, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sentences := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc := &model.Document{Text: arts[i%len(arts)].Text}
		an.Analyze(doc)
		sentences += len(doc.Sentences)
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
}

func TestAnalyze(t *testing.T) {
	an, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := &model.Document{Text: "Ukrainian President Volodymyr Zelensky met NATO officials in Brussels."}
	an.Analyze(doc)
	if len(doc.Sentences) != 1 || doc.Sentences[0].Tokens[0].UPOS == "" {
		t.Fatalf("sentences %+v", doc.Sentences)
	}
	found := false
	for _, e := range doc.Entities {
		found = found || e.Text == "Volodymyr Zelensky" && e.Type == "PERSON" && e.MentionFirst <= e.First
	}
	if !found {
		t.Errorf("entities %+v: no PERSON Volodymyr Zelensky", doc.Entities)
	}
}
