package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/model"
)

// feedServer serves a feed whose items link to pages that work, fail, or
// are not pages, plus OPML lists; it counts concurrent page requests.
type feedServer struct {
	*httptest.Server
	active, peak atomic.Int32
	feedHits     atomic.Int32
}

const longPage = `<html><head><title>Page %d</title><meta property="og:site_name" content="Example Wire"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Page %[1]d</h1>
<p>This is the full text of story %[1]d, which the feed only teased. The negotiators met for a second day and agreed on a timetable for the exchange of prisoners held by both sides.</p>
<p>Officials said the first releases could take place within a fortnight, subject to checks by an international humanitarian organisation that has acted as intermediary in previous exchanges.</p>
<p>Opposition lawmakers criticised the deal, saying it did not address the question of missing civilians.</p>
</article></body></html>`

func newFeedServer(t *testing.T) *feedServer {
	t.Helper()
	fs := &feedServer{}
	mux := http.NewServeMux()
	var items strings.Builder
	for i := 1; i <= 6; i++ {
		fmt.Fprintf(&items, `<item><title>Story %d</title><link>/story/%d</link><guid>s%d</guid>
<pubDate>Mon, 0%d Apr 2024 10:00:00 +0000</pubDate><description>Teaser for story %d.</description></item>`, i, i, i, i, i)
	}
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>/</link>` + items.String() +
		`<item><title>Missing page</title><link>/missing</link><guid>s7</guid><description>Teaser whose page is gone.</description></item>` +
		`<item><title>PDF</title><link>/report.pdf</link><guid>s8</guid><description>Teaser linking to a PDF.</description></item>` +
		`<item><title>Full</title><link>/never-fetched</link><guid>s9</guid><description>` + strings.Repeat("Full text in the feed itself. ", 30) + `</description></item>` +
		`</channel></rss>`
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		fs.feedHits.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 08 Apr 2024 10:00:00 GMT")
		w.Write([]byte(feed))
	})
	mux.HandleFunc("/story/{n}", func(w http.ResponseWriter, r *http.Request) {
		n := fs.active.Add(1)
		defer fs.active.Add(-1)
		for {
			p := fs.peak.Load()
			if n <= p || fs.peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond) // let requests overlap
		var i int
		fmt.Sscan(r.PathValue("n"), &i)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, longPage, i)
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/never-fetched", func(w http.ResponseWriter, r *http.Request) {
		t.Error("an item with full text had its link fetched")
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	})
	mux.HandleFunc("/atom", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml") // sniffed as a feed
		b, _ := os.ReadFile("testdata/golden/atom.atom")
		w.Write(b)
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><link rel="alternate" type="application/rss+xml" title="Wire" href="/feed">
<link rel="alternate" type="application/atom+xml" href="/atom"><link rel="alternate" hreflang="fr" href="/fr"></head><body>hi</body></html>`))
	})
	mux.HandleFunc("/list.opml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/x-opml")
		fmt.Fprintf(w, `<?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head><body>
<outline text="News"><outline text="Ministry" type="rss" xmlUrl="%[1]s/atom"/>
  <outline text="Deeper"><outline text="Gone" xmlUrl="%[1]s/missing"/></outline></outline>
<outline text="Not a feed" xmlUrl="%[1]s/page"/>
</body></opml>`, fs.URL)
	})
	fs.Server = httptest.NewServer(mux)
	t.Cleanup(fs.Close)
	return fs
}

func TestFeedFollowLinks(t *testing.T) {
	fs := newFeedServer(t)
	docs, warns, err := read(t, fs.URL+"/feed", WithConcurrency(2))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 9 {
		t.Fatalf("%d documents, want 9", len(docs))
	}
	for i, d := range docs[:6] {
		if want := fmt.Sprintf("This is the full text of story %d", i+1); !strings.HasPrefix(d.Text, want) {
			t.Errorf("item %d text %.50q, want the linked page's text", i+1, d.Text)
		}
		if d.URL != fmt.Sprintf("%s/story/%d", fs.URL, i+1) || d.Outlet != "Wire" || d.Published.IsZero() {
			t.Errorf("item %d: url %q outlet %q date %v", i+1, d.URL, d.Outlet, d.Published)
		}
	}
	if docs[6].Text != "Teaser whose page is gone." || docs[7].Text != "Teaser linking to a PDF." {
		t.Errorf("failed pages did not fall back to the summary: %q, %q", docs[6].Text, docs[7].Text)
	}
	want := []string{
		fs.URL + "/feed: item s7: fetch " + fs.URL + "/missing: HTTP 404 Not Found; kept the summary",
		fs.URL + "/feed: item s8: fetch " + fs.URL + "/report.pdf: skipped: content type application/pdf is not text; kept the summary",
	}
	slices.Sort(warns)
	if !slices.Equal(warns, want) {
		t.Errorf("warnings\n%q\nwant\n%q", warns, want)
	}
	if p := fs.peak.Load(); p > 2 || p < 1 {
		t.Errorf("peak concurrent page fetches %d, want 1..2", p)
	}
}

func TestFeedNoFollow(t *testing.T) {
	fs := newFeedServer(t)
	docs, warns, err := read(t, fs.URL+"/feed", WithFollowLinks(false))
	if err != nil || len(warns) > 0 {
		t.Fatalf("err %v warnings %q", err, warns)
	}
	if len(docs) != 9 || docs[0].Text != "Teaser for story 1." || fs.peak.Load() != 0 {
		t.Errorf("%d docs, first %q, %d page fetches: links were followed", len(docs), docs[0].Text, fs.peak.Load())
	}
}

func TestPollFeed(t *testing.T) {
	fs := newFeedServer(t)
	r := newTest(WithFollowLinks(false))
	n := 0
	count := func(*model.Document) error { n++; return nil }
	st, err := r.PollFeed(context.Background(), fs.URL+"/feed", FeedState{}, count)
	if err != nil {
		t.Fatal(err)
	}
	if st.NotModified || st.ETag != `"v1"` || st.LastModified == "" || st.Title != "Wire" || st.Items != 9 || n != 9 {
		t.Fatalf("first poll: %+v, %d emitted", st, n)
	}
	st2, err := r.PollFeed(context.Background(), fs.URL+"/feed", st, count)
	if err != nil {
		t.Fatal(err)
	}
	if !st2.NotModified || st2.Items != 0 || n != 9 || st2.ETag != `"v1"` || st2.Title != "Wire" {
		t.Errorf("second poll: %+v, %d emitted in all; want 304 with state kept", st2, n)
	}
	if _, err := r.PollFeed(context.Background(), fs.URL+"/page", FeedState{}, count); err == nil || !strings.Contains(err.Error(), "not a feed (html)") {
		t.Errorf("polling a page: %v", err)
	}
}

func TestOPML(t *testing.T) {
	fs := newFeedServer(t)
	// The Atom feed links to example.gov pages: no following, no traffic
	// off the loopback.
	docs, warns, err := read(t, fs.URL+"/list.opml", WithFollowLinks(false))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Outlet != "Ministry of Foreign Affairs — Press releases" {
		t.Fatalf("%d documents from the OPML list, want the 2 of the Atom feed", len(docs))
	}
	want := []string{
		fs.URL + "/list.opml: item " + fs.URL + "/missing: HTTP 404 Not Found",
		fs.URL + "/list.opml: item " + fs.URL + "/page: not a feed (html)",
	}
	if len(warns) != len(want) {
		t.Fatalf("warnings %q", warns)
	}
	for i, w := range want {
		// Each warning names the list, the feed and the reason.
		parts := strings.SplitN(w, ": ", 3)
		if !strings.HasPrefix(warns[i], parts[0]+": "+parts[1]) || !strings.HasSuffix(warns[i], parts[2]) {
			t.Errorf("warning %q, want like %q", warns[i], w)
		}
	}
}

func TestFeedURLs(t *testing.T) {
	fs := newFeedServer(t)
	r := newTest()
	tests := []struct {
		src  string
		want []string
	}{
		{fs.URL + "/list.opml", []string{fs.URL + "/atom", fs.URL + "/missing", fs.URL + "/page"}},
		{fs.URL + "/feed", []string{fs.URL + "/feed"}},
		{fs.URL + "/page", []string{fs.URL + "/feed", fs.URL + "/atom"}},
	}
	for _, tt := range tests {
		refs, err := r.FeedURLs(context.Background(), tt.src)
		if err != nil {
			t.Fatalf("%s: %v", tt.src, err)
		}
		var got []string
		for _, f := range refs {
			got = append(got, f.URL)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.src, got, tt.want)
		}
	}
	if _, err := r.FeedURLs(context.Background(), "testdata/golden/article.html"); err == nil || !strings.Contains(err.Error(), "advertises no feed") {
		t.Errorf("page without feeds: %v", err)
	}
}

func TestFeedBadInput(t *testing.T) {
	tests := []struct {
		name, data string
		docs       int
		err, warn  string
	}{
		{"malformed, nothing before", `<?xml version="1.0"?><rss><channel><title>T</title><item><title>A</title><description>x</descr`, 0,
			"feed.xml: malformed XML at line 1", ""},
		{"malformed after two items", "<rss><channel>\n<item><guid>1</guid><description>one</description></item>\n<item><guid>2</guid><description>two</description></item>\n<item><title>broken <</title></item></channel></rss>", 2,
			"", "feed.xml: malformed XML at line 4: expected element name after <; kept the 2 items before it"},
		{"not a feed", `<?xml version="1.0"?><catalog><book/></catalog>`, 0, "feed.xml: skipped: XML document <catalog>, not a feed or an OPML list", ""},
		{"missing end tags", "<rss><channel><item><guid>1</guid><description>unclosed item", 0, "malformed XML", ""},
		{"control characters", "<rss><channel><item><guid>1</guid><description>bell\x07 and\x0c feed</description></item></channel></rss>", 1, "", ""},
		{"html entities", "<rss><channel><item><guid>1</guid><title>Caf&eacute; &amp; talks&nbsp;today</title><description>x</description></item></channel></rss>", 1, "", ""},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := dir + "/feed.xml"
			if err := os.WriteFile(path, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			docs, warns, err := read(t, path)
			if len(docs) != tt.docs {
				t.Errorf("%d documents, want %d", len(docs), tt.docs)
			}
			if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
				t.Errorf("error %v, want containing %q", err, tt.err)
			}
			if tt.warn != "" && (len(warns) != 1 || !strings.HasSuffix(warns[0], tt.warn)) {
				t.Errorf("warnings %q, want %q", warns, tt.warn)
			}
			if tt.warn == "" && len(warns) > 0 {
				t.Errorf("unexpected warnings %q", warns)
			}
		})
	}
}

func TestFeedEntitiesAndControls(t *testing.T) {
	f, err := parseFeed("<rss><channel><item><title>Caf&eacute; &amp; talks</title><description>bell\x07 rings</description></item></channel></rss>")
	if err != nil {
		t.Fatal(err)
	}
	if got := f.items[0].title; got != "Café & talks" {
		t.Errorf("title %q", got)
	}
	if got := f.items[0].summary; got != "bell  rings" {
		t.Errorf("summary %q", got)
	}
}

func TestReadContextCanceled(t *testing.T) {
	fs := newFeedServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := newTest().Read(ctx, fs.URL+"/feed", func(*model.Document) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestFeedCharset(t *testing.T) {
	feed := `<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Новости</title>` +
		`<item><guid>1</guid><title>Переговоры</title><description>` + cyrillicText + `</description></item></channel></rss>`
	path := t.TempDir() + "/ru.rss"
	if err := os.WriteFile(path, cp1251(t, feed), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, warns, err := read(t, path)
	if err != nil || len(warns) > 0 || len(docs) != 1 {
		t.Fatalf("err %v warnings %q docs %d", err, warns, len(docs))
	}
	d := docs[0]
	if d.Title != "Переговоры" || d.Outlet != "Новости" || d.Text != cyrillicText || d.Lang != "ru" {
		t.Errorf("title %q outlet %q lang %q text %.40q", d.Title, d.Outlet, d.Lang, d.Text)
	}
}
