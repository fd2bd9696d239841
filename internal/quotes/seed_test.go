package quotes

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/parleyhq/parley/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// seedDoc reads the article parley was built around (examples/ in the
// repository).
func seedDoc(t testing.TB) *model.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "zelensky-white-house-meeting.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return &model.Document{Text: string(b)}
}

func seedDocB(b *testing.B) *model.Document { return seedDoc(b) }

// TestSeedQuotes: the seed article's five direct quotes, each with its
// speaker, title and affiliation, and nothing else quoted directly, from the
// bare text and from the text analysed as the pipeline does.
func TestSeedQuotes(t *testing.T) {
	doc := seedDoc(t)
	qs := Extract(doc)
	checkSeed(t, qs)
	doc.Quotes = qs
	doc.FillOffsets()
	golden(t, "testdata/seed.golden", doc.Quotes)

	an, dict := pipelineModels(t)
	adoc := seedDoc(t)
	an.Analyze(adoc)
	aqs := Extract(adoc, WithActors(dict.Resolve(adoc)))
	checkSeed(t, aqs)
	adoc.Quotes = aqs
	adoc.FillOffsets()
	golden(t, "testdata/seed-analysed.golden", adoc.Quotes)
}

func checkSeed(t *testing.T, qs []model.Quote) {
	t.Helper()
	want := []model.Speaker{
		{Name: "Elena Korosteleva", Honorific: "Dr.", Title: "Professor of International Relations", Affiliation: "University of Warwick", Key: "elena korosteleva"},
		{Name: "William Taylor", Honorific: "Ambassador", Title: "former U.S. Ambassador to Ukraine", Key: "william taylor"},
		{Name: "Catherine Wanner", Honorific: "Dr.", Title: "Professor of History and Anthropology", Affiliation: "Pennsylvania State University", Key: "catherine wanner"},
		{Name: "Michael Kimmage", Honorific: "Dr.", Title: "Professor of History", Affiliation: "Catholic University of America", Key: "michael kimmage"},
		{Name: "Marie Yovanovitch", Honorific: "Ambassador", Title: "former U.S. Ambassador to Ukraine", Key: "marie yovanovitch"},
	}
	var direct []model.Quote
	for _, q := range qs {
		if q.Kind == model.Direct {
			direct = append(direct, q)
		}
	}
	if len(direct) != len(want) {
		t.Fatalf("got %d direct quotes, want %d: %+v", len(direct), len(want), direct)
	}
	for i, q := range direct {
		got := q.Speaker
		got.Text, got.Span, got.Offsets, got.Code = "", model.Span{}, model.Span{}, ""
		if got != want[i] {
			t.Errorf("quote %d %q...: speaker\n got %+v\nwant %+v", i, q.Text[:30], got, want[i])
		}
		if len(q.Parts) != 2 {
			t.Errorf("quote %d: %d parts, want 2 (a split quote)", i, len(q.Parts))
		}
	}
}

// golden compares v, as indented JSON, with a golden file (-update rewrites it).
func golden(t *testing.T, path string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", path, got)
	}
}
