package ingest

import (
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/refdata"
)

// TestWikinews reads the 295 Wikinews articles in place and checks each
// against the CSV as encoding/csv reads it.
func TestWikinews(t *testing.T) {
	dir, err := refdata.Path("wikinews")
	if err != nil {
		t.Skip(err)
	}
	var docs []*model.Document
	for _, f := range []string{"wikinews_2019.csv", "wikinews_2020.csv"} {
		d, warns, err := read(t, filepath.Join(dir, f))
		if err != nil || len(warns) > 0 {
			t.Fatalf("err %v, warnings %q", err, warns)
		}
		docs = append(docs, d...)
	}
	if len(docs) != 295 {
		t.Fatalf("%d documents, want 295", len(docs))
	}
	var rows [][]string
	for _, f := range []string{"wikinews_2019.csv", "wikinews_2020.csv"} {
		fh, err := os.Open(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(fh).ReadAll()
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, recs[1:]...) // header: url,date,title,text
	}
	for i, d := range docs {
		row := rows[i]
		if d.URL != row[0] || d.Published.Format("2006-01-02") != row[1] || d.Title != strings.Join(strings.Fields(row[2]), " ") {
			t.Errorf("doc %d: %q %s %q, want %q %s %q", i, d.URL, d.Published.Format("2006-01-02"), d.Title, row[0], row[1], row[2])
		}
		// One entry is a test page with a date and no text: no language.
		wantLang := "en"
		if len(d.Text) < 100 {
			wantLang = ""
		}
		if d.Outlet != "en.wikinews.org" || d.Lang != wantLang || d.Origin != filepath.Join(dir, filepath.Base(d.Origin)) {
			t.Errorf("doc %d: outlet %q lang %q origin %q", i, d.Outlet, d.Lang, d.Origin)
		}
		// Same words as the source, paragraphs separated by one blank line.
		if strings.Join(strings.Fields(d.Text), " ") != strings.Join(strings.Fields(row[3]), " ") {
			t.Errorf("doc %d (%s): text differs from the CSV beyond white space", i, row[2])
		}
		if strings.Contains(d.Text, "\n\n\n") || strings.Contains(d.Text, " \n") {
			t.Errorf("doc %d: text not normalised", i)
		}
	}
	if !strings.Contains(docs[0].Text, "\n\n") {
		t.Error("paragraph breaks lost")
	}
}

func TestJSONLAndCSVErrors(t *testing.T) {
	tests := []struct {
		name, file, data string
		docs             int
		err              string
		warns            []string
	}{
		{"empty jsonl", "a.jsonl", "", 0, "a.jsonl: empty (no records)", nil},
		{"blank jsonl", "a.jsonl", "\n\n  \n", 0, "a.jsonl: empty (no records)", nil},
		{"all invalid", "a.jsonl", "not json\n{\"text\": 3}\n", 0, "a.jsonl: no valid records (2 invalid)",
			[]string{"a.jsonl:1: invalid JSON: invalid character 'o' in literal null (expecting 'u')", `a.jsonl:2: invalid JSON: field "text" is a JSON number, want string`}},
		{"bad id", "a.jsonl", `{"id":{"x":1},"text":"t"}` + "\n" + `{"text":"ok"}`, 1, "", []string{`a.jsonl:1: "id" is {"x":1}, want a string or a number`}},
		{"crlf and no final newline", "a.jsonl", "{\"text\":\"one\"}\r\n{\"text\":\"two\"}", 2, "", nil},
		{"empty csv", "a.csv", "", 0, "a.csv: empty", nil},
		{"header only", "a.csv", "title,text\n", 0, "a.csv: empty (no records)", nil},
		{"no text column", "a.csv", "title,body\nx,y\n", 0, `a.csv:1: no "text" column in header (title,body)`, nil},
		{"bad rows", "a.csv", "title,text\nok,fine\ntoo,many,fields\n\"unterminated,x\n", 1, "",
			[]string{"a.csv:3: 3 fields, header has 2", `a.csv:4: column 17: extraneous or missing " in quoted-field`}},
		{"BOM header", "a.csv", "\ufeffTitle,Text\nHello,World\n", 1, "", nil},
		{"empty text file", "a.txt", " \n\t\n", 0, "a.txt: empty", nil},
		{"empty feed", "a.rss", "", 0, "a.rss: empty", nil},
		{"empty OPML", "a.opml", "<opml><body></body></opml>", 0, "a.opml: no feeds (no outline with an xmlUrl)", nil},
		{"page without text", "a.html", "<html><head><title>T</title></head><body><nav>menu</nav></body></html>", 0, "a.html: no text found", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warns []string
			r := New(WithWarn(func(err error) { warns = append(warns, err.Error()) }))
			n := 0
			err := r.ReadFrom(context.Background(), tt.file, strings.NewReader(tt.data), func(*model.Document) error { n++; return nil })
			if n != tt.docs {
				t.Errorf("%d documents, want %d", n, tt.docs)
			}
			if tt.err == "" && err != nil || tt.err != "" && (err == nil || err.Error() != tt.err) {
				t.Errorf("error %v, want %q", err, tt.err)
			}
			if strings.Join(warns, "\n") != strings.Join(tt.warns, "\n") {
				t.Errorf("warnings\n%q\nwant\n%q", warns, tt.warns)
			}
		})
	}
}

func TestJSONLLongLine(t *testing.T) {
	var warns []string
	r := New(WithMaxBytes(100), WithWarn(func(err error) { warns = append(warns, err.Error()) }))
	data := `{"text":"short"}` + "\n" + `{"text":"` + strings.Repeat("x", 200000) + `"}` + "\n" + `{"text":"after"}` + "\n"
	var texts []string
	err := r.ReadFrom(context.Background(), "big.jsonl", strings.NewReader(data), func(d *model.Document) error {
		texts = append(texts, d.Text)
		return nil
	})
	if err != nil || strings.Join(texts, ",") != "short,after" {
		t.Fatalf("err %v, texts %q", err, texts)
	}
	if len(warns) != 1 || !strings.HasPrefix(warns[0], "big.jsonl:2: over the size limit: line longer than 100 bytes") {
		t.Errorf("warnings %q", warns)
	}
}

func TestCSVWindows1251(t *testing.T) {
	data := cp1251(t, "title,text\nПереговоры,\""+cyrillicText+"\"\n")
	var got []*model.Document
	err := New().ReadFrom(context.Background(), "ru.csv", strings.NewReader(string(data)), func(d *model.Document) error {
		got = append(got, d)
		return nil
	})
	if err != nil || len(got) != 1 || got[0].Title != "Переговоры" || got[0].Lang != "ru" {
		t.Fatalf("err %v docs %+v", err, got)
	}
}

func TestEmitErrorStops(t *testing.T) {
	stop := errors.New("stop")
	for _, src := range []string{"testdata/golden/items.jsonl", "testdata/golden/items.csv", "testdata/golden/rss2.xml", "testdata/golden"} {
		n := 0
		err := New().Read(context.Background(), src, func(*model.Document) error { n++; return stop })
		if err != stop || n != 1 {
			t.Errorf("%s: error %v after %d documents, want the emit error after 1", src, err, n)
		}
	}
}

func TestFolder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b.txt":            "Second file\nBody of the second file, which is long enough.",
		"a.md":             "# First file\n\nBody of the first file.",
		"sub/c.html":       "<html><head><title>Third</title></head><body><p>Body of the third file.</p></body></html>",
		"sub/z.jsonl":      `{"text":"From a collection."}`,
		".hidden.txt":      "Hidden file",
		".git/config.txt":  "Hidden folder",
		"photo.png":        "\x89PNG\r\n\x1a\n",
		"settings.json":    `{"a":1}`,
		"sitemap.xml":      `<?xml version="1.0"?><urlset><url/></urlset>`,
		"empty.txt":        "",
		"sub/deeper/d.htm": "<p>Body of the fourth file, deeper.</p>",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, warns, err := read(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		rel, _ := filepath.Rel(dir, d.Origin)
		got = append(got, rel)
	}
	want := "a.md b.txt sub/c.html sub/deeper/d.htm sub/z.jsonl"
	if strings.Join(got, " ") != want {
		t.Errorf("documents from %q, want %q (lexical order, hidden skipped)", got, want)
	}
	wantWarns := []string{
		filepath.Join(dir, "empty.txt") + ": empty",
		filepath.Join(dir, "photo.png") + ": skipped: not a supported text source",
		filepath.Join(dir, "settings.json") + ": skipped: not a supported text source",
		filepath.Join(dir, "sitemap.xml") + ": skipped: XML document <urlset>, not a feed or an OPML list",
	}
	if strings.Join(warns, "\n") != strings.Join(wantWarns, "\n") {
		t.Errorf("warnings\n%q\nwant\n%q", warns, wantWarns)
	}
}

func TestMissingSource(t *testing.T) {
	_, _, err := read(t, "testdata/no-such-file.txt")
	if err == nil || err.Error() != "read testdata/no-such-file.txt: no such file or directory" {
		t.Errorf("got %v", err)
	}
}
