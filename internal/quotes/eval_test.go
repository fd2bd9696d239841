package quotes

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp"
)

var analysed = flag.Bool("analysed", false, "tokenize and tag entities before extraction")

var showErrors = flag.String("errors", "", "print evaluation errors of this split (dev, test, all)")

func TestEvaluateWikinews(t *testing.T) {
	gold, err := ReadGoldFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	texts := wikinewsTexts(t)
	analyse := analyser(t)
	r, err := Evaluate(gold, func(file, url string) (string, bool) {
		s, ok := texts[file+" "+url]
		return s, ok
	}, analyse)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		name string
		sc   Score
	}{{"dev", r.Dev}, {"test", r.Test}, {"all", r.All}} {
		t.Logf("%-4s gold %3d predicted %3d matched %3d (span %3d)  P %.3f R %.3f F1 %.3f",
			s.name, s.sc.Gold, s.sc.Predicted, s.sc.Matched, s.sc.SpanOnly, s.sc.Precision, s.sc.Recall, s.sc.F1)
	}
	// Guards against regressions: the development split stays above the
	// project's bar, the whole set close to it.
	if r.Dev.Precision < 0.95 || r.Dev.Recall < 0.90 {
		t.Errorf("dev precision %.3f recall %.3f, want at least 0.95 and 0.90", r.Dev.Precision, r.Dev.Recall)
	}
	if r.All.Precision < 0.93 || r.All.Recall < 0.87 {
		t.Errorf("overall precision %.3f recall %.3f, want at least 0.93 and 0.87", r.All.Precision, r.All.Recall)
	}
	if *showErrors != "" {
		var b strings.Builder
		for _, e := range r.Errors {
			if *showErrors == "all" || e.Split == *showErrors {
				fmt.Fprintf(&b, "%-8s %s [%d,%d) gold=%q got=%q  %q\n", e.Kind, e.URL[30:min(len(e.URL), 70)], e.Start, e.End, e.Gold, e.Got, e.Excerpt)
			}
		}
		t.Log("\n" + b.String())
	}
}

// analyser returns the NLP analysis to run before extraction with -analysed.
func analyser(t *testing.T) func(*model.Document) {
	if !*analysed {
		return nil
	}
	an, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	return an.Analyze
}
