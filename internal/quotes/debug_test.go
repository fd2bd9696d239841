package quotes

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/model"
)

var debugURL = flag.String("debug", "", "print every quote attribution of the Wikinews articles whose URL contains this")

// TestDebugArticle prints how each quote of chosen articles was attributed;
// it only runs with -debug.
func TestDebugArticle(t *testing.T) {
	if *debugURL == "" {
		t.Skip("no -debug")
	}
	for key, text := range wikinewsTexts(t) {
		if !strings.Contains(key, *debugURL) {
			continue
		}
		doc := &model.Document{Text: text}
		if a := analyser(t); a != nil {
			a(doc)
		}
		sc := newScan(doc)
		ix := sc.index()
		atts := map[int]attribution{}
		var b strings.Builder
		for si, s := range sc.sents {
			for qi := s[0]; qi < s[1]; qi++ {
				if sc.items[qi].kind != itQuote {
					continue
				}
				a, ok := sc.attribute(si, qi, atts)
				q := sc.items[qi].text
				if len(q) > 50 {
					q = q[:50]
				}
				if !ok {
					fmt.Fprintf(&b, "%5d NONE %q\n", sc.items[qi].s, q)
					continue
				}
				atts[qi] = a
				sp := ix.speaker(a.m)
				fmt.Fprintf(&b, "%5d %-9s cue=%-10s mention=%q kind=%d -> %+v  %q\n", sc.items[qi].s, a.via, a.cue, sc.textOf(a.m.from, a.m.to), a.m.kind, sp, q)
			}
		}
		t.Log(key + "\n" + b.String())
	}
}
