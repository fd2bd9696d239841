package quotes

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goldPath = "testdata/wikinews-quotes.jsonl"

// TestGoldMatchesWikinews validates the committed annotation against the
// Wikinews CSV files in ../shared/data.
func TestGoldMatchesWikinews(t *testing.T) {
	gold, err := ReadGoldFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	texts := referenceTexts(t)
	var quotes, heldOut, blind, wikinews, fresh int
	for _, a := range gold {
		text, ok := texts(a.File, a.URL)
		if !ok {
			t.Errorf("%s: not found in %s", a.URL, a.File)
			continue
		}
		if err := a.Check(text); err != nil {
			t.Error(err)
		}
		quotes += len(a.Quotes)
		switch a.Split {
		case SplitTest:
			heldOut++
		case SplitBlind:
			heldOut++
			blind++
		case SplitEWT, SplitGUMOther:
			fresh += len(a.Quotes)
		}
		switch a.Split {
		case SplitDev, SplitDev2, SplitTest, SplitBlind, SplitGUM, SplitGUMInterview:
			wikinews++
		}
	}
	if len(gold) < 30 || quotes < 150 {
		t.Errorf("annotation has %d articles and %d quotes, want at least 30 and 150", len(gold), quotes)
	}
	if heldOut < wikinews/4 {
		t.Errorf("only %d of %d Wikinews articles in the test and blind splits", heldOut, wikinews)
	}
	// The splits no one has developed on (annotated blind, scored, never
	// read) keep enough quotes to tell.
	if fresh < 40 {
		t.Errorf("%d quotes in the held-out ewt and gumother splits, want at least 40", fresh)
	}
	if blind < 40 {
		t.Errorf("%d blind articles, want at least 40", blind)
	}
}

func referenceTexts(t *testing.T) TextSource {
	t.Helper()
	texts, err := ReferenceTexts()
	if err != nil {
		t.Skipf("reference data not available: %v", err)
	}
	return texts
}

func TestGoldCheck(t *testing.T) {
	text := `He said, "Héllo there," and left. “Curly” ok`
	span := func(s string) (int, int) {
		i := strings.Index(text, s)
		start := len([]rune(text[:i]))
		return start, start + len([]rune(s))
	}
	s1, e1 := span(`"Héllo there,"`)
	s2, e2 := span(`“Curly”`)
	tests := []struct {
		name string
		q    GoldQuote
		err  string
	}{
		{"straight", GoldQuote{Start: s1, End: e1, Sum: Checksum(`"Héllo there,"`)}, ""},
		{"curly", GoldQuote{Start: s2, End: e2, Sum: Checksum(`“Curly”`)}, ""},
		{"shifted by one", GoldQuote{Start: s1 + 1, End: e1 + 1, Sum: Checksum(`"Héllo there,"`)}, "does not start and end at quote marks"},
		{"wrong sum", GoldQuote{Start: s1, End: e1, Sum: "00000000"}, "checksum"},
		{"beyond text", GoldQuote{Start: s2, End: 999, Sum: "00000000"}, "beyond the text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := GoldArticle{URL: "u", Split: SplitDev, Quotes: []GoldQuote{tt.q}}
			err := a.Check(text)
			if tt.err == "" && err != nil {
				t.Fatal(err)
			}
			if tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
				t.Fatalf("error = %v, want one containing %q", err, tt.err)
			}
		})
	}
}

func TestReadGoldErrors(t *testing.T) {
	line := func(split string, qs string) string {
		return fmt.Sprintf(`{"url":"u","file":"f.csv","split":%q,"quotes":[%s]}`, split, qs)
	}
	q := func(s, e int) string {
		return fmt.Sprintf(`{"start":%d,"end":%d,"speaker":"X","sum":"0123abcd"}`, s, e)
	}
	tests := []struct {
		name, in, err string
	}{
		{"ok", line("dev", q(0, 5)+","+q(7, 9)) + "\n\n", ""},
		{"bad json", "{", "g.jsonl:1:"},
		{"unknown field", `{"url":"u","split":"dev","text":"copied"}`, `unknown field "text"`},
		{"bad split", line("train", ""), `split "train"`},
		{"empty span", line("dev", q(5, 5)), "bad span"},
		{"overlap", line("dev", q(0, 5)+","+q(4, 9)), "overlaps"},
		{"duplicate", line("dev", "") + "\n" + line("test", ""), "g.jsonl:2: article u already annotated on line 1"},
		{"short sum", line("dev", `{"start":0,"end":2,"speaker":"X","sum":"ab"}`), "checksum"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadGold(strings.NewReader(tt.in), "g.jsonl")
			if tt.err == "" && err != nil {
				t.Fatal(err)
			}
			if tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
				t.Fatalf("error = %v, want one containing %q", err, tt.err)
			}
		})
	}
}

func FuzzReadGold(f *testing.F) {
	data, err := os.ReadFile(filepath.FromSlash(goldPath))
	if err == nil {
		f.Add(string(data[:min(len(data), 2000)]))
	}
	f.Add(`{"url":"u","split":"dev","quotes":[{"start":0,"end":3,"speaker":"","sum":"01234567"}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		gold, err := ReadGold(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, a := range gold {
			_ = a.Check("short text") // must not panic on any span
		}
	})
}
