package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/model"
)

// seedJSONL writes the seed article as a dated JSON-lines document, plus a
// second outlet's story that repeats one of its quotes.
func seedJSONL(t *testing.T) string {
	t.Helper()
	text, err := os.ReadFile("../../examples/zelensky-white-house-meeting.txt")
	if err != nil {
		t.Fatal(err)
	}
	docs := []map[string]string{
		{"id": "seed", "date": "2025-11-20", "title": "Zelensky Pursues White House Meeting",
			"url": "https://voa.example/zelensky-meeting", "text": string(text)},
		{"id": "wire", "date": "2025-11-21", "title": "Diplomats weigh peace push",
			"url": "https://wire.example/peace-push", "text": "Diplomats in Brussels weighed the latest peace push on Friday. " +
				"“This doesn’t signal abandonment of core principles, but rather recognition that creating viable off-ramps requires nuanced diplomacy,” " +
				"said William Taylor, former U.S. Ambassador to Ukraine."},
	}
	var b strings.Builder
	for _, d := range docs {
		line, _ := json.Marshal(d)
		b.Write(line)
		b.WriteByte('\n')
	}
	p := filepath.Join(t.TempDir(), "news.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func jsonLines[T any](t *testing.T, out string) []T {
	t.Helper()
	var rows []T
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var r T
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("not JSON: %q: %v", line, err)
		}
		rows = append(rows, r)
	}
	return rows
}

func TestStoredRecordsCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	if code, out, errs := run(t, "", "ingest", "--db", db, "--json", seedJSONL(t)); code != 0 {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, errs)
	}

	_, out, _ := run(t, "", "events", "--db", db, "--json", "--dyad", "UKR,USA")
	type event struct {
		CAMEO    string `json:"cameo"`
		Sentence string
		Source   struct{ Code string }
		Target   struct{ Code string }
		Plover   struct{ Type string }
	}
	evs := jsonLines[event](t, out)
	asks := 0
	for _, e := range evs {
		if !strings.HasPrefix(e.Source.Code, "UKR") || !strings.HasPrefix(e.Target.Code, "USA") {
			t.Fatalf("--dyad UKR,USA let through %+v", e)
		}
		if strings.HasPrefix(e.CAMEO, "02") || strings.HasPrefix(e.CAMEO, "03") {
			asks++
		}
	}
	if asks == 0 {
		t.Fatalf("no Ukraine -> United States request or intent in %+v", evs)
	}
	_, out, _ = run(t, "", "events", "--db", db, "--json", "--cameo", "19")
	if strings.TrimSpace(out) != "" {
		t.Fatalf("the seed has no fighting, yet --cameo 19 lists: %s", out)
	}

	type quote struct {
		Text    string
		Outlets int
		Speaker struct{ Name, Title, Affiliation string }
	}
	_, out, _ = run(t, "", "quotes", "--db", db, "--json", "--speaker", "Korosteleva")
	qs := jsonLines[quote](t, out)
	if len(qs) != 1 || qs[0].Speaker.Title != "Professor of International Relations" || qs[0].Speaker.Affiliation != "University of Warwick" || qs[0].Outlets != 1 {
		t.Fatalf("Korosteleva's quote: %+v", qs)
	}
	_, out, _ = run(t, "", "quotes", "--db", db, "--json", "--speaker", "Taylor")
	qs = jsonLines[quote](t, out)
	carried := 0
	for _, q := range qs {
		if strings.Contains(q.Text, "off-ramps") && q.Outlets == 2 {
			carried++
		}
	}
	if carried == 0 {
		t.Fatalf("Taylor's quote repeated by a second outlet is not counted as carried by 2: %+v", qs)
	}

	_, out, _ = run(t, "", "speakers", "--db", db, "--json")
	type speaker struct {
		Name              string
		Quotes, Documents int
	}
	sps := jsonLines[speaker](t, out)
	names := map[string]speaker{}
	for _, s := range sps {
		names[s.Name] = s
	}
	for _, n := range []string{"Elena Korosteleva", "William Taylor", "Catherine Wanner", "Michael Kimmage", "Marie Yovanovitch"} {
		if _, ok := names[n]; !ok {
			t.Errorf("speaker registry lacks %s: %+v", n, sps)
		}
	}
	if names["William Taylor"].Documents != 2 {
		t.Errorf("William Taylor quoted in %d documents, want 2", names["William Taylor"].Documents)
	}

	_, out, _ = run(t, "", "ledger", "--db", db, "--json", "--status", "open", "--actor", "UKR", "--as-of", "2025-11-27")
	type thread struct {
		Kind, Subject, Status string
		From, To              struct{ Key string }
		AgeDays               int `json:"age_days"`
		Outlook               struct{ Note string }
		Evidence              []struct {
			Role  string
			Event struct{ CAMEO string }
		}
	}
	ths := jsonLines[thread](t, out)
	open := false
	for _, th := range ths {
		if th.From.Key == "UKR" && th.To.Key == "USA" && th.Subject == "meeting" {
			open = true
			if th.AgeDays != 7 || !strings.HasPrefix(th.Outlook.Note, "not enough history") {
				t.Errorf("meeting thread %+v", th)
			}
			// The White House's non-confirmation is attached, and leaves it open.
			silent := false
			for _, s := range th.Evidence {
				silent = silent || (s.Role == "non-answer" && s.Event.CAMEO == "011")
			}
			if !silent {
				t.Errorf("the meeting thread lacks the White House's non-answer: %+v", th.Evidence)
			}
		}
	}
	if !open {
		t.Fatalf("no open Ukraine -> United States meeting thread: %s", out)
	}
	for _, bad := range [][]string{
		{"ledger", "--status", "pending"}, {"events", "--dyad", "UKR"}, {"events", "--since", "May"},
		{"quotes", "--limit", "-1"}, {"ledger", "--within", "0"},
	} {
		if code, _, _ := run(t, "", append(bad, "--db", db)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
}

func TestReanalyze(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	if code, _, errs := run(t, "", "ingest", "--db", db, "--no-analyze", seedJSONL(t)); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	if _, out, _ := run(t, "", "events", "--db", db, "--json"); strings.TrimSpace(out) != "" {
		t.Fatalf("events before analysis: %s", out)
	}
	type summary struct {
		Reanalyzed, Unchanged, Events int
	}
	_, out, errs := run(t, "", "reanalyze", "--db", db, "--json")
	s := jsonLines[summary](t, out)
	if len(s) != 1 || s[0].Reanalyzed != 2 || s[0].Events == 0 {
		t.Fatalf("first reanalyze: %s %s", out, errs)
	}
	_, out, _ = run(t, "", "events", "--db", db, "--json")
	if n := len(jsonLines[map[string]any](t, out)); n != s[0].Events {
		t.Fatalf("%d events stored, reanalyze reported %d", n, s[0].Events)
	}
	_, out, _ = run(t, "", "reanalyze", "--db", db, "--json")
	if s := jsonLines[summary](t, out); s[0].Reanalyzed != 0 || s[0].Unchanged != 2 {
		t.Fatalf("second reanalyze redid up-to-date documents: %s", out)
	}
	_, out, _ = run(t, "", "reanalyze", "--db", db, "--json", "--all")
	if s := jsonLines[summary](t, out); s[0].Reanalyzed != 2 {
		t.Fatalf("reanalyze --all: %s", out)
	}
	_, out, _ = run(t, "", "events", "--db", db, "--json")
	if n := len(jsonLines[map[string]any](t, out)); n != s[0].Events {
		t.Fatalf("re-analysing twice changed the events: %d, then %d", s[0].Events, n)
	}
}

func TestActorLabel(t *testing.T) {
	for _, tc := range []struct {
		a    model.Actor
		want string
	}{
		{model.Actor{Text: "Kyiv"}, "Kyiv"},
		{model.Actor{Text: "Zelensky", Name: "Volodymyr Zelensky", Code: "UKRGOV"}, "Volodymyr Zelensky [UKRGOV]"},
		{model.Actor{Text: "Congress", Code: "USALEG", CountryInferred: true}, "Congress [USALEG, country from the document]"},
	} {
		if got := actorLabel(tc.a); got != tc.want {
			t.Errorf("actorLabel(%+v) = %q, want %q", tc.a, got, tc.want)
		}
	}
}
