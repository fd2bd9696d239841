package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/refdata"
)

func TestEvalQuotesCLI(t *testing.T) {
	if _, err := refdata.Path("wikinews"); err != nil {
		t.Skipf("reference data not available: %v", err)
	}
	code, out, errs := run(t, "", "eval", "quotes", "--raw", "--json", "--errors", "test")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep struct {
		Articles int
		All      struct{ Gold, Predicted, Matched int }
		Errors   []struct{ Split, Kind string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if rep.Articles < 100 || rep.All.Gold < 500 || rep.All.Matched == 0 || rep.All.Matched > rep.All.Predicted {
		t.Errorf("implausible report: %+v", rep)
	}
	for _, e := range rep.Errors {
		if e.Split != "test" {
			t.Fatalf("--errors test listed a %s error", e.Split)
		}
	}
}

func TestEvalQuotesUsage(t *testing.T) {
	for _, args := range [][]string{
		{"eval", "quotes", "--errors", "bogus"},
		{"eval", "quotes", "extra"},
		{"eval", "quotes", "--gold", "/nonexistent/gold.jsonl"},
		{"eval", "quotes", "--cv", "1"},
		{"eval", "quotes", "--cv", "5", "--epochs", "0"},
		{"eval", "quotes", "--cv", "5", "--margin", "-1"},
	} {
		code, _, errs := run(t, "", args...)
		if code == 0 || errs == "" {
			t.Errorf("%s: exit %d, stderr %q; want a failure with a message", strings.Join(args, " "), code, errs)
		}
	}
}
