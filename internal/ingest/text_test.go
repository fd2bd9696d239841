package ingest

import (
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/refdata"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, ct, head string
		want           Kind
	}{
		{"a.txt", "", "hello", Text},
		{"a.TXT", "", "hello", Text},
		{"notes.md", "", "# x", Markdown},
		{"a.markdown", "", "x", Markdown},
		{"page.htm", "", "x", HTML},
		{"page.html", "", "<p>x", HTML},
		{"a.jsonl", "", "{}", JSONL},
		{"a.ndjson", "", "{}", JSONL},
		{"a.csv", "", "text\n", CSV},
		{"a.rss", "", "<rss>", Feed},
		{"a.atom", "", "<feed>", Feed},
		{"a.opml", "", "<opml>", OPML},
		{"a.xml", "", `<?xml version="1.0"?><!-- c --><opml version="2.0">`, OPML},
		{"a.xml", "", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">`, Feed},
		{"sitemap.xml", "", `<?xml version="1.0"?><urlset>`, Unknown},
		{"a.rss", "", "", Feed},
		{"a.xml", "", "\ufeff<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>", Feed},
		{"noext", "", "<!DOCTYPE html><html>", HTML},
		{"noext", "", "<rss version='2.0'>", Feed},
		{"noext", "", `{"text":"x"}`, JSONL},
		{"noext", "", "Plain words.", Text},
		{"noext", "", "\x89PNG\r\n\x1a\n\x00\x00", Unknown},
		{"noext", "", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n\x00", Unknown},
		{"noext", "", "\xff\xfeh\x00i\x00", Text},
		{"https://x.org/feed", "application/rss+xml; charset=utf-8", "", Feed},
		{"https://x.org/feed", "text/xml", "<rss>", Feed},
		{"https://x.org/feed", "application/xml", "<opml>", OPML},
		{"https://x.org/feed", "application/xml", "<catalog>", Unknown},
		{"https://x.org/a", "text/html", "<!doctype html>", HTML},
		{"https://x.org/a", "text/html", "<?xml version='1.0'?><rss>", Feed},
		{"https://x.org/a.txt?x=1", "text/plain", "hello", Text},
		{"https://x.org/a", "text/plain", "<rss>", Feed},
		{"https://x.org/a.csv", "text/plain", "a,text", CSV},
		{"https://x.org/a", "application/pdf", "%PDF", Unknown},
		{"https://x.org/a.html", "image/jpeg", "", Unknown},
		{"https://x.org/a.html", "application/octet-stream", "<html>", HTML},
		{"https://x.org/a", "application/x-ndjson", "{}", JSONL},
		{"https://x.org/a", "text/csv", "", CSV},
		{"https://x.org/a", "text/markdown", "", Markdown},
		{"https://x.org/a", "text/x-opml", "", OPML},
		{"https://x.org/a", "bogus;;", "", Unknown},
	}
	for _, tt := range tests {
		if got := Detect(tt.name, tt.ct, []byte(tt.head)); got != tt.want {
			t.Errorf("Detect(%q, %q, %q) = %q, want %q", tt.name, tt.ct, tt.head, got, tt.want)
		}
	}
}

func TestNormalizeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  one  \t two  ", "one two"},
		{"a\r\nb\rc", "a\nb\nc"},
		{"\n\npara one\n \n\n\npara two\n\n", "para one\n\npara two"},
		{"no\u00a0break\u2009thin", "no break thin"},
		{"zero\u200bwidth", "zero width"},
	}
	for _, tt := range tests {
		if got := normalizeText(tt.in); got != tt.want {
			t.Errorf("normalizeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"one line", "one line"},
		{"has\n\nblank lines\nalready", "has\n\nblank lines\nalready"},
		{"First sentence ends.\nSecond one too.\nAnd a third.", "First sentence ends.\n\nSecond one too.\n\nAnd a third."},
		{"hard wrapped text that goes\non over several short\nlines without ends", "hard wrapped text that goes\non over several short\nlines without ends"},
	}
	for _, tt := range tests {
		if got := paragraphs(tt.in); got != tt.want {
			t.Errorf("paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTextDocumentTitle(t *testing.T) {
	tests := []struct{ in, title, text string }{
		{"Zelensky Pursues White House Meeting\n\nKyiv asked for talks.", "Zelensky Pursues White House Meeting", "Kyiv asked for talks."},
		{"Kyiv asked for talks", "stdin", "Kyiv asked for talks"}, // one line is the text
		{"Kyiv asked for talks.\n\nWashington did not answer.", "stdin", "Kyiv asked for talks.\n\nWashington did not answer."},
	}
	for _, tt := range tests {
		d := textDocument(tt.in, "stdin")
		if d.Title != tt.title || d.Text != tt.text {
			t.Errorf("textDocument(%q) = title %q text %q, want %q, %q", tt.in, d.Title, d.Text, tt.title, tt.text)
		}
	}
}

func TestIsHeadline(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Zelensky Pursues White House Meeting", true},
		{"Is the ceasefire holding?", true},
		{"The council met on Tuesday.", false},
		{"Dateline, Kyiv:", false},
		{`Peter said, "Hi there."`, false},
		{`Zelensky: "We will win"`, true},
		{"", false},
		{"12345", false},
		{strings.Repeat("word ", 30), false},
	}
	for _, tt := range tests {
		if got := isHeadline(tt.in); got != tt.want {
			t.Errorf("isHeadline(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestSeed reads the article parley is built around.
func TestSeed(t *testing.T) {
	dir, err := refdata.Dir()
	if err != nil {
		t.Skip(err)
	}
	path := dir + "/../seed/zelensky-white-house-meeting.txt"
	docs, warns, err := read(t, path)
	if err != nil || len(warns) > 0 || len(docs) != 1 {
		t.Fatalf("err %v warnings %q docs %d", err, warns, len(docs))
	}
	d := docs[0]
	if d.Title != "Zelensky Pursues White House Meeting Amid Renewed Peace Efforts" || d.Lang != "en" {
		t.Errorf("title %q lang %q", d.Title, d.Lang)
	}
	// One paragraph per line in the file: each becomes a blank-line
	// separated paragraph, the subtitle first.
	paras := strings.Split(d.Text, "\n\n")
	if len(paras) != 19 || !strings.HasPrefix(paras[0], "Ukraine’s Leader Seeks Presidential Dialogue") {
		t.Errorf("%d paragraphs, first %q", len(paras), paras[0])
	}
}

func TestParseDate(t *testing.T) {
	utc := func(s string) time.Time {
		t, _ := time.Parse(time.RFC3339, s)
		return t
	}
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2024-03-14", utc("2024-03-14T00:00:00Z")},
		{"2024-03-14T09:30:00+01:00", utc("2024-03-14T08:30:00Z")},
		{"2024-03-14T09:30:00.123Z", utc("2024-03-14T09:30:00.123Z")},
		{"2024-03-14T09:30:00+0100", utc("2024-03-14T08:30:00Z")},
		{"2024-03-14T09:30:00", utc("2024-03-14T09:30:00Z")},
		{"2024-03-14 09:30:00", utc("2024-03-14T09:30:00Z")},
		{"2024-03-14 09:30:00 +02:00", utc("2024-03-14T07:30:00Z")},
		{"2024/03/14", utc("2024-03-14T00:00:00Z")},
		{"Tue, 05 Mar 2024 14:00:00 EST", utc("2024-03-05T19:00:00Z")},
		{"Tue, 5 Mar 2024 14:00:00 GMT", utc("2024-03-05T14:00:00Z")},
		{"Tue, 05 Mar 2024 14:00:00 +0300", utc("2024-03-05T11:00:00Z")},
		{"Tuesday, 05 Mar 24 14:00 -0000", utc("2024-03-05T14:00:00Z")},
		{"5 March 2024", utc("2024-03-05T00:00:00Z")},
		{"March 5, 2024", utc("2024-03-05T00:00:00Z")},
		{"Friday, January 4, 2019", utc("2019-01-04T00:00:00Z")},
		{"Mar 5 2024", utc("2024-03-05T00:00:00Z")},
		{"March 6 2024", utc("2024-03-06T00:00:00Z")},
		{"  2024-03-14  ", utc("2024-03-14T00:00:00Z")},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2024-13-45", "0001-01-01", "9999-01-01", "Mon"} {
		if got, err := parseDate(bad); err == nil {
			t.Errorf("parseDate(%q) = %v, want an error", bad, got)
		}
	}
}

func TestMarkdown(t *testing.T) {
	d := markdownDocument("Intro paragraph with `code` and <span>html</span>.\n\n```\nfenced code\n```\n\n---\n\n* [link **bold**](x) and <https://auto.example>\n", "dir/no-front.md")
	if d.Title != "no-front" {
		t.Errorf("title %q, want the file name", d.Title)
	}
	want := "Intro paragraph with code and html.\n\nfenced code\n\nlink bold and https://auto.example"
	if d.Text != want {
		t.Errorf("text %q\nwant %q", d.Text, want)
	}
	d = markdownDocument("Title line\n==========\n\nBody.", "x.md")
	if d.Title != "Title line" || d.Text != "Body." {
		t.Errorf("setext heading: title %q text %q", d.Title, d.Text)
	}
	d = markdownDocument("---\nno end of front matter\n\nBody.", "x.md")
	if d.Title != "x" || !strings.Contains(d.Text, "Body.") {
		t.Errorf("unterminated front matter: title %q text %q", d.Title, d.Text)
	}
}
