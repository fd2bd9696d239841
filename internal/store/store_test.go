package store

import (
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/refdata"
)

func openTemp(t *testing.T) *SQLite {
	t.Helper()
	s, err := OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "sub", "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// wikinews reads the reference Wikinews articles as documents.
func wikinews(t testing.TB) []*model.Document {
	t.Helper()
	var docs []*model.Document
	for _, name := range []string{"wikinews_2019.csv", "wikinews_2020.csv"} {
		p, err := refdata.Path("wikinews", name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs[1:] {
			d, _ := time.Parse("2006-01-02", r[1])
			docs = append(docs, &model.Document{URL: r[0], Published: d, Title: r[2], Text: r[3], Outlet: "en.wikinews.org", Origin: name})
		}
	}
	return docs
}

func TestAddDocumentIdempotent(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	docs := wikinews(t)
	for _, d := range docs {
		if _, err := s.AddDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	first, _ := s.Stats(ctx)
	if first.Documents != len(docs) || len(docs) != 295 {
		t.Fatalf("stored %d of %d documents", first.Documents, len(docs))
	}
	for _, d := range docs {
		again := *d
		again.Text = strings.ToUpper(d.Text) // normalisation ignores case
		res, err := s.AddDocument(ctx, &again)
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcome != Duplicate || res.ID != d.ID {
			t.Fatalf("re-ingest of %s: %v id %d, want duplicate of %d", d.URL, res.Outcome, res.ID, d.ID)
		}
	}
	second, _ := s.Stats(ctx)
	if second.Documents != first.Documents || second.Clusters != first.Clusters {
		t.Fatalf("second ingest changed the store: %+v -> %+v", first, second)
	}
}

func TestNearDuplicatesCluster(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	docs := wikinews(t)[:40]
	for _, d := range docs {
		if _, err := s.AddDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	orig := docs[7]
	// The same story reprinted by two other outlets with a dateline and an
	// edited last paragraph, as wire copy usually is.
	outlets := []string{"example-wire.test", "daily.example"}
	for i, outlet := range outlets {
		text := "LONDON (Wire) — " + orig.Text
		if cut := strings.LastIndex(text, "\n"); cut > len(text)*3/4 {
			text = text[:cut]
		}
		copyDoc := &model.Document{Title: orig.Title + " | " + outlet, Text: text + "\nReporting by staff " + outlet, Outlet: outlet}
		res, err := s.AddDocument(ctx, copyDoc)
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcome != NearDuplicate {
			t.Fatalf("copy %d: outcome %v (similarity %.2f), want near-duplicate", i, res.Outcome, res.Similarity)
		}
		if cluster := clusterOf(t, s, orig.ID); res.Cluster != cluster {
			t.Fatalf("copy joined cluster %d, original is in %d", res.Cluster, cluster)
		}
	}
	var size, outletCount int
	s.db.QueryRow(`SELECT size, outlets FROM clusters c JOIN documents d ON d.cluster_id = c.id WHERE d.id = ?`, orig.ID).Scan(&size, &outletCount)
	if size != 3 || outletCount != 3 {
		t.Fatalf("cluster size %d outlets %d, want 3 and 3", size, outletCount)
	}
	st, _ := s.Stats(ctx)
	if st.Clusters != 1 || st.Clustered != 3 {
		t.Fatalf("stats %+v: want 1 cluster of 3", st)
	}
	// Distinct Wikinews articles must not have been clustered together.
	var merged int
	s.db.QueryRow(`SELECT count(*) FROM clusters WHERE size > 1 AND id NOT IN (SELECT cluster_id FROM documents WHERE id = ?)`, orig.ID).Scan(&merged)
	if merged != 0 {
		t.Fatalf("%d clusters merge distinct articles", merged)
	}
	// Search shows the story once, with its copies counted.
	hits, err := s.Search(ctx, Query{Text: strings.Fields(orig.Title)[0] + " " + strings.Fields(orig.Title)[1]})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, h := range hits {
		if h.Cluster == clusterOf(t, s, orig.ID) {
			seen++
			if h.Copies != 3 {
				t.Fatalf("hit copies %d, want 3", h.Copies)
			}
		}
	}
	if seen != 1 {
		t.Fatalf("cluster appears %d times in results, want once: %+v", seen, hits)
	}
}

func clusterOf(t *testing.T, s *SQLite, id int64) int64 {
	t.Helper()
	var c int64
	if err := s.db.QueryRow(`SELECT cluster_id FROM documents WHERE id = ?`, id).Scan(&c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAddDocumentAtomic(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	// Make the last write of the transaction fail.
	if _, err := s.db.Exec(`CREATE TRIGGER fail_band BEFORE INSERT ON lsh_bands
		BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`); err != nil {
		t.Fatal(err)
	}
	_, err := s.AddDocument(ctx, &model.Document{Title: "t", Text: "Talks resumed in Doha on Monday after a week."})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("err = %v, want the trigger's failure", err)
	}
	for _, table := range []string{"documents", "clusters", "lsh_bands", "documents_fts"} {
		var n int
		s.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n)
		if n != 0 {
			t.Errorf("%s has %d rows after a failed insert", table, n)
		}
	}
}

func TestAddDocumentRejectsEmpty(t *testing.T) {
	s := openTemp(t)
	if _, err := s.AddDocument(context.Background(), &model.Document{Title: "x", Text: " \n\t"}); err == nil {
		t.Fatal("empty document stored")
	}
}

func TestSearchFilters(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	for _, d := range wikinews(t) {
		if _, err := s.AddDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	hits, err := s.Search(ctx, Query{Text: "Soleimani"})
	if err != nil || len(hits) == 0 {
		t.Fatalf("Soleimani: %v hits, err %v", len(hits), err)
	}
	if !strings.Contains(hits[0].Snippet, "**Soleimani**") {
		t.Fatalf("snippet does not mark the match: %q", hits[0].Snippet)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Fatal("hits not ranked by score")
		}
	}
	y2019, _ := time.Parse("2006-01-02", "2019-12-31")
	old, err := s.Search(ctx, Query{Text: "Soleimani", Until: y2019})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range old {
		if h.Date.After(y2019.AddDate(0, 0, 1)) {
			t.Fatalf("hit dated %v after --until", h.Date)
		}
	}
	if len(old) >= len(hits) {
		t.Fatalf("--until 2019 did not narrow %d hits (got %d)", len(hits), len(old))
	}
	none, err := s.Search(ctx, Query{Text: "Soleimani", Source: "nowhere.example"})
	if err != nil || len(none) != 0 {
		t.Fatalf("unknown source: %d hits, %v", len(none), err)
	}
	some, err := s.Search(ctx, Query{Text: "Soleimani", Source: "wikinews_2020.csv"})
	if err != nil || len(some) == 0 {
		t.Fatalf("source by origin: %d hits, %v", len(some), err)
	}
}

func TestFTSQuery(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{"ceasefire", `("ceasefire")`, ""},
		{`"peace plan" Kyiv`, `("peace plan") AND ("Kyiv")`, ""},
		{"Kyiv OR Kiev -sports", `("Kyiv" OR "Kiev") NOT "sports"`, ""},
		{"negotiat*", `("negotiat"*)`, ""},
		{`unbalanced "quote`, `("unbalanced") AND ("quote")`, ""},
		{`AND NOT ( ) "a""b"`, `("AND") AND ("NOT") AND ("a") AND ("b")`, ""},
		{"-only", "", "no word"},
		{"  ", "", "no word"},
	}
	for _, c := range cases {
		got, err := ftsQuery(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: err %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%q -> %q (%v), want %q", c.in, got, err, c.want)
		}
	}
}

func TestSearchNeverSyntaxError(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	s.AddDocument(ctx, &model.Document{Title: "a", Text: `He said "yes" (maybe) to NEAR/3 AND OR NOT.`})
	for _, q := range []string{`"`, `(`, `NEAR(a b)`, `a:b`, `^x`, `yes)`, `*`, `"yes`} {
		if _, err := s.Search(ctx, Query{Text: q}); err != nil && !strings.Contains(err.Error(), "no word") {
			t.Errorf("query %q: %v", q, err)
		}
	}
}

func TestFeeds(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.AddFeed(ctx, "ftp://x/feed"); err == nil {
		t.Fatal("non-http feed accepted")
	}
	f, err := s.AddFeed(ctx, "https://news.example/rss")
	if err != nil {
		t.Fatal(err)
	}
	if g, _ := s.AddFeed(ctx, "https://news.example/rss"); g.ID != f.ID {
		t.Fatal("adding a feed twice made two feeds")
	}
	f.ETag, f.Errors, f.LastError = `"v1"`, 2, "HTTP 500"
	f.NextPoll = time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	if err := s.UpdateFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	fs, _ := s.Feeds(ctx)
	if len(fs) != 1 || fs[0].ETag != `"v1"` || fs[0].Errors != 2 || !fs[0].NextPoll.Equal(f.NextPoll) {
		t.Fatalf("feeds %+v", fs)
	}
	if err := s.RemoveFeed(ctx, "https://news.example/rss"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveFeed(ctx, "https://news.example/rss"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second remove: %v", err)
	}
}

func TestOpenRejectsForeignAndNewerFiles(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte(strings.Repeat("not sqlite ", 200)), 0o644)
	if _, err := OpenSQLite(context.Background(), junk); err == nil || !strings.Contains(err.Error(), "not a parley store") {
		t.Fatalf("junk file: %v", err)
	}
	p := filepath.Join(dir, "future.db")
	s, err := OpenSQLite(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec(`INSERT INTO schema_migrations(version, applied) VALUES (999, 'x')`)
	s.Close()
	if _, err := OpenSQLite(context.Background(), p); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("newer schema: %v", err)
	}
}
