package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/export"
	"github.com/parleyhq/parley/internal/model"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// analyzed is the part of `parley analyze` output these tests read.
type analyzed struct {
	ID     string        `json:"id"`
	Date   string        `json:"date"`
	Events []model.Event `json:"events"`
	Quotes []model.Quote `json:"quotes"`
	Notes  []string      `json:"notes"`
}

func analyzeLines(t *testing.T, out string) []analyzed {
	t.Helper()
	var docs []analyzed
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var d analyzed
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("output line %q: %v", line, err)
		}
		docs = append(docs, d)
	}
	return docs
}

// TestAnalyzeSeed runs `parley analyze` on the seed article through the
// real pipeline and checks the events the design asks for, then compares
// the whole output with testdata/seed-analyze.golden (run with -update
// after a deliberate change and review the diff).
func TestAnalyzeSeed(t *testing.T) {
	code, out, stderr := run(t, "", "analyze", "../../examples/zelensky-white-house-meeting.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	docs := analyzeLines(t, out)
	if len(docs) != 1 {
		t.Fatalf("%d documents, want 1", len(docs))
	}
	d := docs[0]
	has := func(what string, ok func(e model.Event) bool) {
		t.Helper()
		for _, e := range d.Events {
			if ok(e) {
				return
			}
		}
		t.Errorf("no event: %s", what)
	}
	country := func(a model.Actor, c string) bool { return strings.HasPrefix(a.Code, c) }
	has("Zelensky/Ukraine requests a meeting with the United States in the first paragraph", func(e model.Event) bool {
		return (e.CAMEO == "026" || e.CAMEO == "036") && country(e.Source, "UKR") && country(e.Target, "USA") &&
			(e.Plover.Type == "REQUEST" || e.Plover.Type == "CONSULT") && strings.Contains(e.Sentence, "actively seeking a high-level meeting")
	})
	has("the White House declines comment towards Ukraine", func(e model.Event) bool {
		return e.CAMEO == "011" && country(e.Source, "USA") && country(e.Target, "UKR")
	})
	has("the United States consults European allies", func(e model.Event) bool {
		return e.CAMEO == "040" && country(e.Source, "USA") && strings.Contains(e.Target.Text, "European")
	})
	has("Turkey mediated", func(e model.Event) bool { return e.CAMEO == "045" && country(e.Source, "TUR") })
	for _, e := range d.Events {
		for _, a := range []model.Actor{e.Source, e.Target} {
			if strings.Contains(a.Text, "University") || strings.HasSuffix(a.Code, "EDU") {
				t.Errorf("event %s with a university: %+v", e.CAMEO, a)
			}
		}
		if strings.HasPrefix(e.CAMEO, "14") {
			t.Errorf("protest event %s in %q", e.Verb, e.Sentence)
		}
		for _, q := range d.Quotes {
			if q.Kind == model.Direct && e.Offsets.Start >= q.Offsets.Start && e.Offsets.End <= q.Offsets.End {
				t.Errorf("event %s (%s) inside the quote %q", e.CAMEO, e.Verb, q.Text)
			}
		}
	}
	if len(d.Notes) != 1 || !strings.Contains(d.Notes[0], "no document date") {
		t.Errorf("undated seed: notes %q", d.Notes)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, []byte(strings.TrimSpace(out)), "", "  "); err != nil {
		t.Fatal(err)
	}
	pretty.WriteByte('\n')
	golden := filepath.Join("testdata", "seed-analyze.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, pretty.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(pretty.Bytes(), want) {
		t.Errorf("analysis of the seed differs from %s (run go test ./cmd/parley -run AnalyzeSeed -update and review the diff)", golden)
	}
}

// Two small documents of our own: one dated (JSON lines), one not.
const ownDocs = `{"id":"a1","date":"2024-03-13","title":"Strike","text":"Russian forces shelled Kyiv on Friday. The Kremlin declined to comment.","url":"https://example.org/a1"}
{"id":"a2","text":"Ukraine and Poland signed a security agreement."}
`

func TestAnalyzeOwnDocuments(t *testing.T) {
	code, out, stderr := run(t, ownDocs, "analyze")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	docs := analyzeLines(t, out)
	if len(docs) != 2 || docs[0].ID != "a1" || docs[1].ID != "a2" {
		t.Fatalf("documents %+v", docs)
	}
	var got []string
	for _, d := range docs {
		for _, e := range d.Events {
			got = append(got, d.ID+" "+e.Source.Code+">"+e.Target.Code+" "+e.CAMEO+" "+e.Date)
		}
	}
	want := "a1 RUSMIL>UKR 194 2024-03-08|a1 RUSGOV> 011 |a2 UKR>POL 057 |a2 POL>UKR 057 "
	if strings.Join(got, "|") != want {
		t.Errorf("events\n got %q\nwant %q", strings.Join(got, "|"), want)
	}
	if len(docs[0].Notes) != 0 {
		t.Errorf("dated document with notes %q", docs[0].Notes)
	}
	if len(docs[1].Notes) != 1 || docs[1].Notes[0] != "no document date: event dates not resolved" {
		t.Errorf("undated document: notes %q", docs[1].Notes)
	}
}

func TestCodeFormats(t *testing.T) {
	// JSON: one event a line, stamped with its document.
	code, out, stderr := run(t, ownDocs, "code")
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("json: %d events, want 4:\n%s", len(lines), out)
	}
	var e model.Event
	if err := json.Unmarshal([]byte(lines[0]), &e); err != nil {
		t.Fatal(err)
	}
	if e.CAMEO != "194" || e.DocumentURL != "https://example.org/a1" || e.DocumentDate != "2024-03-13" ||
		e.Plover.Type != "ASSAULT" || e.Goldstein >= 0 || e.Sentence != "Russian forces shelled Kyiv on Friday." {
		t.Errorf("json: first event %+v", e)
	}
	// GDELT CSV: a header and a row per event, 61 columns.
	code, out, stderr = run(t, ownDocs, "code", "--format", "csv")
	if code != 0 {
		t.Fatalf("csv: exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || strings.Join(rows[0], ",") != strings.Join(export.GDELTColumns, ",") {
		t.Fatalf("csv: %d rows, header %q", len(rows), rows[0])
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	r := rows[1]
	if r[col["SQLDATE"]] != "20240308" || r[col["Actor1Code"]] != "RUSMIL" || r[col["Actor1CountryCode"]] != "RUS" ||
		r[col["Actor2Code"]] != "UKR" || r[col["EventCode"]] != "194" || r[col["EventRootCode"]] != "19" ||
		r[col["QuadClass"]] != "4" || r[col["SOURCEURL"]] != "https://example.org/a1" {
		t.Errorf("csv: first row %q", r)
	}
	// The decline to comment has no date expression: the document's day.
	if rows[2][col["SQLDATE"]] != "20240313" || rows[2][col["EventCode"]] != "011" {
		t.Errorf("csv: second row %q", rows[2])
	}
	if rows[3][col["SQLDATE"]] != "" || rows[3][col["EventCode"]] != "057" {
		t.Errorf("csv: undated row %q", rows[3])
	}
	// PLOVER JSON: statements (01x: the decline to comment) have no PLOVER
	// reading; the rest do.
	code, out, stderr = run(t, ownDocs, "code", "--format", "plover")
	if code != 0 {
		t.Fatalf("plover: exit %d: %s", code, stderr)
	}
	var recs []export.PloverRecord
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var p export.PloverRecord
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			t.Fatalf("plover line %q: %v", line, err)
		}
		recs = append(recs, p)
	}
	if len(recs) != 3 || recs[0].Event[0] != "ASSAULT" || recs[0].Actor[0].Code != "RUS" || recs[0].Actor[0].Sector != "MIL" ||
		recs[0].Recipient[0].Code != "UKR" || recs[0].Date != "2024-03-08" || recs[1].Event[0] != "SUPPORT" || recs[1].Date != "" {
		t.Errorf("plover: %+v", recs)
	}
	if code, _, stderr := run(t, ownDocs, "code", "--format", "xml"); code != 2 || !strings.Contains(stderr, `--format "xml": want json, csv or plover`) {
		t.Errorf("bad format: exit %d, stderr %q", code, stderr)
	}
}
