package petrarch

import (
	"sort"
	"testing"

	"github.com/parleyhq/parley/internal/refdata"
)

// minPassed is the share of the 284 validation records parley must code
// exactly (the bar of the project's issue); the measured figure is in
// docs/events.md. The test fails if a change to the coder, the actor
// resolution or the language models drops below it.
const minPassed = 0.70

// TestValidationSuite codes the PETRARCH validation records from their
// text with the real analyzer and scores them.
func TestValidationSuite(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	dir, err := refdata.Path("petrarch2")
	if err != nil {
		t.Skip(err)
	}
	s, err := ReadFile(dir + "/PETR.UnitTest.records.xml")
	if err != nil {
		t.Skip(err)
	}
	p, err := RealPipeline(s, dir)
	if err != nil {
		t.Fatal(err)
	}
	coded, err := Run(s, dir, p)
	if err != nil {
		t.Fatal(err)
	}
	rep := Score(s.Records, coded)
	var cats []string
	for c := range rep.Categories {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		t.Logf("%-10s %d/%d", c, rep.Categories[c][0], rep.Categories[c][1])
	}
	t.Logf("passed %d of %d", rep.Passed, rep.Records)
	if rep.Records != 284 {
		t.Errorf("read %d records, want 284", rep.Records)
	}
	if float64(rep.Passed) < minPassed*float64(rep.Records) {
		for _, f := range rep.Failures {
			t.Logf("%s: want %v got %v", f.ID, f.Want, f.Got)
		}
		t.Errorf("passed %d of %d records, below %.0f%%", rep.Passed, rep.Records, 100*minPassed)
	}
}
