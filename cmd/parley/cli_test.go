package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// run executes the CLI in-process and returns exit code, stdout and stderr.
func run(t testing.TB, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code := a.main(context.Background(), args)
	return code, out.String(), errb.String()
}

const rss = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Test Wire</title><link>%[1]s/</link>
<item><title>Talks resume in Geneva</title><link>%[1]s/a1</link><guid>a1</guid>
<pubDate>Mon, 06 Jan 2020 10:00:00 GMT</pubDate>
<description>%[2]s</description></item>
<item><title>Ceasefire holds</title><link>%[1]s/a2</link><guid>a2</guid>
<description>%[3]s</description></item>
</channel></rss>`

var (
	story1 = strings.Repeat("Foreign ministers met in Geneva on Monday to discuss a ceasefire proposal put forward by the mediators. ", 8)
	story2 = strings.Repeat("The ceasefire between the two sides held for a third day, observers from the monitoring mission reported. ", 8)
)

// newsServer serves a feed with ETag support, an article page, and failures.
func newsServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var notModified atomic.Int32
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, rss, srv.URL, story1, story2)
	})
	mux.HandleFunc("/page.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><head><title>Envoy visits Kyiv</title>
<meta property="article:published_time" content="2024-03-02T08:00:00Z"></head>
<body><nav>Home | World | Sports</nav><article><h1>Envoy visits Kyiv</h1>
<p>%s</p><p>%s</p></article><footer>Copyright</footer></body></html>`,
			strings.Repeat("The special envoy arrived in Kyiv on Saturday for talks with the foreign minister about prisoner exchanges. ", 4),
			strings.Repeat("Officials said the visit would last two days and include a stop in Odesa to inspect grain shipments. ", 4))
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4 ..."))
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &notModified
}

func TestIngestMixedSourcesKeepsGoodOnes(t *testing.T) {
	srv, _ := newsServer(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	jsonl := filepath.Join(dir, "docs.jsonl")
	os.WriteFile(jsonl, []byte(`{"id":"x1","title":"Summit","date":"2024-05-01","text":"Leaders gathered at the summit in Brussels to discuss sanctions and energy."}
{"id":"x2", "text": broken json
{"id":"x3","title":"Aid","text":"A convoy delivered humanitarian aid to the besieged city on Tuesday morning."}
`), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)

	code, out, errs := run(t, "", "ingest", "--db", db, "--json", jsonl, srv.URL+"/feed.xml", srv.URL+"/page.html",
		srv.URL+"/broken", srv.URL+"/report.pdf", empty, filepath.Join(dir, "missing.txt"))
	if code != 1 {
		t.Fatalf("exit %d, want 1 (some sources failed); stderr:\n%s", code, errs)
	}
	for _, want := range []string{"docs.jsonl:2", "500", "pdf", "empty.txt", "missing.txt"} {
		if !strings.Contains(strings.ToLower(errs), strings.ToLower(want)) {
			t.Errorf("stderr does not mention %q:\n%s", want, errs)
		}
	}
	var sum struct {
		Sources []*tally
		Total   *tally
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary is not JSON: %v\n%s", err, out)
	}
	if sum.Total.New != 5 { // 2 JSONL + 2 feed items + 1 page
		t.Fatalf("total new %d, want 5: %+v", sum.Total.New, sum.Sources)
	}
	if sum.Sources[0].Failed != 1 || sum.Sources[0].New != 2 {
		t.Fatalf("jsonl tally %+v, want 2 new 1 failed", sum.Sources[0])
	}
	// Idempotent: the same sources again add nothing.
	run(t, "", "ingest", "--db", db, "--json", jsonl, srv.URL+"/feed.xml", srv.URL+"/page.html")
	code, out, _ = run(t, "", "stats", "--db", db, "--json")
	var st struct{ Documents int }
	json.Unmarshal([]byte(out), &st)
	if code != 0 || st.Documents != 5 {
		t.Fatalf("after re-ingest: exit %d, %d documents, want 5", code, st.Documents)
	}
	code, out, _ = run(t, "", "search", "--db", db, "--json", "--since", "2024-01-01", "envoy")
	if code != 0 || !strings.Contains(out, "Envoy visits Kyiv") || !strings.Contains(out, `"date":"2024-03-02T08:00:00Z"`) {
		t.Fatalf("search: exit %d\n%s", code, out)
	}
}

func TestFeedsAndPoll(t *testing.T) {
	srv, notModified := newsServer(t)
	db := filepath.Join(t.TempDir(), "p.db")
	if code, _, errs := run(t, "", "feeds", "add", "--db", db, srv.URL+"/feed.xml", srv.URL+"/broken"); code != 1 {
		t.Fatalf("feeds add with a broken URL: exit %d, stderr %s", code, errs)
	}
	// Adding the same feed again is harmless.
	if code, _, errs := run(t, "", "feeds", "add", "--db", db, srv.URL+"/feed.xml"); code != 0 {
		t.Fatalf("feeds add: exit %d: %s", code, errs)
	}
	code, out, errs := run(t, "", "poll", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("first poll: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"new":2`) {
		t.Fatalf("first poll stored: %s", out)
	}
	// Not due yet: nothing polled.
	_, out, _ = run(t, "", "poll", "--db", db, "--json")
	if out != "" {
		t.Fatalf("poll before the interval polled: %s", out)
	}
	_, out, _ = run(t, "", "poll", "--db", db, "--json", "--all")
	if !strings.Contains(out, `"not_modified":true`) || notModified.Load() != 1 {
		t.Fatalf("second poll was not conditional (%d 304s): %s", notModified.Load(), out)
	}
	_, out, _ = run(t, "", "feeds", "list", "--db", db, "--json")
	var f struct {
		Title     string
		ETag      string `json:"etag"`
		Documents int
		Errors    int
	}
	json.Unmarshal([]byte(out), &f)
	if f.Title != "Test Wire" || f.ETag != `"v1"` || f.Documents != 2 {
		t.Fatalf("feed state %+v from %s", f, out)
	}
	if code, _, _ := run(t, "", "feeds", "remove", "--db", db, srv.URL+"/feed.xml"); code != 0 {
		t.Fatal("remove failed")
	}
	if code, _, errs := run(t, "", "feeds", "remove", "--db", db, srv.URL+"/feed.xml"); code != 1 || !strings.Contains(errs, "not a stored feed") {
		t.Fatalf("second remove: exit %d %s", code, errs)
	}
}

func TestPollBacksOffFailingFeed(t *testing.T) {
	srv, _ := newsServer(t)
	db := filepath.Join(t.TempDir(), "p.db")
	dbArgs := []string{"--db", db}
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	st.AddFeed(context.Background(), srv.URL+"/broken")
	st.Close()
	for i := 1; i <= 3; i++ {
		code, _, errs := run(t, "", append([]string{"poll", "--json", "--all"}, dbArgs...)...)
		if code != 1 || !strings.Contains(errs, "500") {
			t.Fatalf("poll %d of a failing feed: exit %d: %s", i, code, errs)
		}
	}
	_, out, _ := run(t, "", "feeds", "list", "--db", db, "--json")
	var f struct {
		Errors   int
		NextPoll time.Time `json:"next_poll"`
	}
	json.Unmarshal([]byte(out), &f)
	if f.Errors != 3 {
		t.Fatalf("error count %d, want 3", f.Errors)
	}
	if wait := time.Until(f.NextPoll); wait < 3*time.Hour || wait > 5*time.Hour {
		t.Fatalf("next poll in %v, want 30m*2^3 = 4h", wait)
	}
}

func TestNextPoll(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		errors int
		want   time.Duration
	}{{0, 30 * time.Minute}, {1, time.Hour}, {4, 8 * time.Hour}, {10, 24 * time.Hour}, {1000, 24 * time.Hour}}
	for _, c := range cases {
		if got := nextPoll(now, 30*time.Minute, c.errors).Sub(now); got != c.want {
			t.Errorf("%d errors: wait %v, want %v", c.errors, got, c.want)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	cases := [][]string{
		{"nosuch"},
		{"ingest"},
		{"search"},
		{"search", "--since", "yesterday", "x"},
		{"search", "--limit", "0", "x"},
		{"feeds", "frobnicate"},
		{"poll", "--interval", "0s"},
	}
	for _, args := range cases {
		code, _, errs := run(t, "", append(args, "--db", filepath.Join(t.TempDir(), "p.db"))...)
		if code != 2 || errs == "" {
			t.Errorf("%q: exit %d stderr %q, want 2 with a message", args, code, errs)
		}
	}
}
