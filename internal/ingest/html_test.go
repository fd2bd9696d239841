package ingest

import (
	"strings"
	"testing"
	"time"
)

const para = "<p>The delegations met for a second day of talks and agreed to continue next week in the same format, officials said.</p>"

func TestHTMLMetadata(t *testing.T) {
	tests := []struct {
		name, page, url           string
		title, byline, outlet     string
		date, canonical, textHead string
	}{
		{
			name: "meta published_time and og",
			page: `<html><head><title>T | Site</title><meta property="og:title" content="Og title"><meta property="og:site_name" content="The Site">
<meta property="article:published_time" content="2024-01-02T03:04:05Z"><meta property="og:url" content="https://site.example/a"></head><body>` + para + `</body></html>`,
			title: "Og title", outlet: "The Site", date: "2024-01-02T03:04:05Z", canonical: "https://site.example/a",
		},
		{
			name: "JSON-LD in a graph",
			page: `<html><head><title>Graph page</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"W"},
{"@type":"NewsArticle","headline":"Graph page","datePublished":"2023-11-30"}]}</script></head><body>` + para + `</body></html>`,
			url: "https://www.graph.example/x", title: "Graph page", outlet: "graph.example", date: "2023-11-30T00:00:00Z",
		},
		{
			name:  "time pubdate wins over other times",
			page:  `<html><head><title>Times</title></head><body><article><p>Posted <time datetime="2020-01-01">long ago</time></p><time itemprop="datePublished" datetime="2022-06-07T08:00:00+02:00">7 June</time>` + para + `</article></body></html>`,
			title: "Times", date: "2022-06-07T06:00:00Z",
		},
		{
			name:  "any time element as a last resort",
			page:  `<html><head><title>Any time</title></head><body><div><time datetime="2021-05-06">6 May</time></div>` + para + `</body></html>`,
			title: "Any time", date: "2021-05-06T00:00:00Z",
		},
		{
			name:  "meta name date",
			page:  `<html><head><title>Dated</title><meta name="date" content="2019-09-09"></head><body>` + para + `</body></html>`,
			title: "Dated", date: "2019-09-09T00:00:00Z",
		},
		{
			name: "byline element and canonical",
			page: `<html><head><title>Bylined</title><link rel="canonical" href="https://c.example/story"></head><body><article><div class="byline">By Ana Ruiz</div>` + para + `</article></body></html>`,
			url:  "https://mirror.example/copy", title: "Bylined", byline: "Ana Ruiz", outlet: "c.example", canonical: "https://c.example/story",
			textHead: "The delegations met",
		},
		{
			name: "no metadata at all",
			page: `<p>Just a paragraph of text that says the talks went on.</p>`,
			url:  "http://www.bare.example/p", outlet: "bare.example", textHead: "Just a paragraph",
		},
		{
			name:     "fallback when readability finds nothing",
			page:     `<html><body><nav>Home | World</nav><div>Short note.</div><footer>Footer</footer></body></html>`,
			textHead: "Short note.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := htmlDocument(tt.page, tt.url)
			d.URL = tt.url
			finish(d)
			var date string
			if !d.Published.IsZero() {
				date = d.Published.UTC().Format(time.RFC3339)
			}
			if d.Title != tt.title || d.Byline != tt.byline || d.Outlet != tt.outlet || date != tt.date || d.CanonicalURL != tt.canonical {
				t.Errorf("got title %q byline %q outlet %q date %q canonical %q\nwant title %q byline %q outlet %q date %q canonical %q",
					d.Title, d.Byline, d.Outlet, date, d.CanonicalURL, tt.title, tt.byline, tt.outlet, tt.date, tt.canonical)
			}
			if tt.textHead != "" && !strings.HasPrefix(d.Text, tt.textHead) {
				t.Errorf("text %q, want it to start with %q", d.Text, tt.textHead)
			}
			for _, junk := range []string{"Home", "Footer", "By Ana"} {
				if strings.Contains(d.Text, junk) {
					t.Errorf("text keeps %q: %q", junk, d.Text)
				}
			}
		})
	}
}

func TestHTMLToText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"<p>one</p><p>two</p>", "one\n\ntwo"},
		{"a &amp; b", "a & b"},
		{"<p>x<script>evil()</script><style>p{}</style></p><!-- hidden -->", "x"},
		{"line<br>break", "line\nbreak"},
		{"<ul><li>one</li><li>two</li></ul>", "one\ntwo"},
		{"<b>unclosed <i>tags", "unclosed tags"},
	}
	for _, tt := range tests {
		if got := htmlToText(tt.in); got != tt.want {
			t.Errorf("htmlToText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
