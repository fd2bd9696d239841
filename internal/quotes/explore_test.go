package quotes

import (
	"flag"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/model"
)

var explore = flag.Int("explore", 0, "print the quotes found in this many Wikinews articles that are not annotated")

// TestExplore prints the output on articles outside the annotation set, for
// reading; it asserts nothing and only runs with -explore.
func TestExplore(t *testing.T) {
	if *explore == 0 {
		t.Skip("no -explore")
	}
	gold, err := ReadGoldFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	annotated := map[string]bool{}
	for _, a := range gold {
		annotated[a.File+" "+a.URL] = true
	}
	texts := wikinewsTexts(t)
	var keys []string
	for k := range texts {
		if !annotated[k] && strings.Count(texts[k], `"`) >= 4 && len(texts[k]) < 6000 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i >= *explore {
			break
		}
		fmt.Fprintf(&b, "== %s\n", k)
		for _, q := range Extract(&model.Document{Text: texts[k]}) {
			txt := q.Text
			if len(txt) > 60 {
				txt = txt[:60]
			}
			who := q.Speaker.Name
			if q.Speaker.Unnamed {
				who = "(unnamed) " + q.Speaker.Text
			}
			fmt.Fprintf(&b, "  %-8s %-10s %-30q <- %q\n", q.Kind, q.Cue, who, txt)
		}
	}
	t.Log("\n" + b.String())
}
