package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/model"
)

// fuzzRead feeds data to the reader for one kind of file and checks what
// any input must give: no panic, valid UTF-8, output bounded by the input,
// and no document without text.
func fuzzRead(f *testing.F, name string, seeds ...string) {
	for _, s := range seeds {
		b, err := os.ReadFile(filepath.Join("testdata/golden", s))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := New(WithMaxBytes(1<<20), WithFollowLinks(false))
		total := 0
		err := r.ReadFrom(context.Background(), name, strings.NewReader(string(data)), func(d *model.Document) error {
			for _, s := range []string{d.Text, d.Title, d.Byline, d.URL, d.ExtID, d.Outlet} {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8 in output: %q", s)
				}
				total += len(s)
			}
			if strings.TrimSpace(d.Text) == "" {
				t.Fatal("document without text")
			}
			return nil
		})
		// Entities and charset conversion may grow text a little, never
		// without bound.
		if total > 4*len(data)+256 {
			t.Fatalf("%d bytes of output from %d of input", total, len(data))
		}
		if err != nil && !strings.HasPrefix(err.Error(), name) {
			t.Fatalf("error %q does not name the source", err)
		}
	})
}

func FuzzFeed(f *testing.F)  { fuzzRead(f, "f.xml", "rss2.xml", "rss1.rdf", "atom.atom") }
func FuzzHTML(f *testing.F)  { fuzzRead(f, "f.html", "article.html", "broken.html") }
func FuzzJSONL(f *testing.F) { fuzzRead(f, "f.jsonl", "items.jsonl") }
func FuzzCSV(f *testing.F)   { fuzzRead(f, "f.csv", "items.csv") }
func FuzzText(f *testing.F)  { fuzzRead(f, "f.md", "briefing.md", "headline.txt") }
func FuzzOPML(f *testing.F) {
	f.Add([]byte(`<opml><body><outline xmlUrl="http://127.0.0.1:1/x"/></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		refs, err := parseOPML(string(data))
		if err == nil && len(refs) == 0 {
			t.Fatal("no feeds and no error")
		}
	})
}
