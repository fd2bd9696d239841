package nlp

import (
	"testing"

	"github.com/parleyhq/parley/internal/model"
)

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
