package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/model"
)

// analysed builds a small analysed document whose spans point at its text.
func analysed(outlet, extra string) *model.Document {
	text := "Zelensky seeks a meeting with the White House. “We are ready,” said Volodymyr Zelensky. " + extra
	at := func(s string) model.Span {
		i := strings.Index(text, s)
		return model.Span{Start: i, End: i + len(s)}
	}
	return &model.Document{
		Title: "t " + outlet, Text: text, Outlet: outlet, Analyzed: "test-1",
		Published: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
		Entities:  []model.Entity{{Text: "Zelensky", Type: "PERSON", Span: at("Zelensky")}},
		Events: []model.Event{{
			Sentence: "Zelensky seeks a meeting with the White House.", Span: at("seeks a meeting"),
			Source: model.Actor{Text: "Zelensky", Code: "UKRGOV", Name: "Volodymyr Zelensky", Span: at("Zelensky")},
			Target: model.Actor{Text: "the White House", Code: "USAGOV", Name: "United States", Span: at("the White House"),
				CountryInferred: true},
			CAMEO: "026", Plover: model.Plover{Type: "REQUEST", Mode: "meet"}, Goldstein: 4, QuadClass: 1,
			Modality: model.Intended, Date: "2025-02-28", Issues: []string{"peace_plan"},
		}},
		Quotes: []model.Quote{{
			Text: "“We are ready,”", Kind: model.Direct, Cue: "said", Span: at("“We are ready,”"), Sentence: 1,
			Speaker: model.Speaker{Text: "Volodymyr Zelensky", Name: "Volodymyr Zelensky", Key: "zelensky volodymyr",
				Code: "UKRGOV", Span: at("Volodymyr Zelensky")},
			Issues: []string{"peace_plan"},
		}},
		Issues: []string{"peace_plan"},
	}
}

func TestAnalysisRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a := analysed("kyivindependent.example", "")
	if _, err := s.AddDocument(ctx, a); err != nil {
		t.Fatal(err)
	}
	// The same quote in another outlet's (different) story.
	b := analysed("wire.example", strings.Repeat("Officials elsewhere discussed grain exports and shipping insurance at length. ", 5))
	b.Quotes[0].Speaker.Name, b.Quotes[0].Speaker.Text = "Zelenskyy", "Zelenskyy"
	if res, err := s.AddDocument(ctx, b); err != nil || res.Outcome != New {
		t.Fatalf("second document: %v %v", res.Outcome, err)
	}

	evs, err := s.Events(ctx, EventQuery{Source: "UKR", Target: "USA", CAMEO: "02", Plover: "request"})
	if err != nil || len(evs) != 2 {
		t.Fatalf("dyad query: %d events, %v", len(evs), err)
	}
	e := evs[0]
	runes := []rune(a.Text)
	if got := string(runes[e.Offsets.Start:e.Offsets.End]); got != "seeks a meeting" {
		t.Fatalf("stored event span reads %q", got)
	}
	if got := string(runes[e.Target.Offsets.Start:e.Target.Offsets.End]); got != "the White House" {
		t.Fatalf("stored target span reads %q", got)
	}
	if e.Modality != model.Intended || e.Date != "2025-02-28" || e.DocumentDate != "2025-02-28" || len(e.Issues) != 1 ||
		e.Source.CountryInferred || !e.Target.CountryInferred {
		t.Fatalf("event fields lost: %+v", e)
	}
	for _, q := range []EventQuery{
		{Actor: "Zelensky"}, {Actor: "USAGOV"}, {CAMEO: "026"},
		{Since: time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC), Until: time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC)},
	} {
		if evs, _ := s.Events(ctx, q); len(evs) != 2 {
			t.Errorf("%+v: %d events, want 2", q, len(evs))
		}
	}
	for _, q := range []EventQuery{
		{Source: "USA"}, {CAMEO: "19"}, {Plover: "ASSAULT"}, {Actor: "Putin"},
		{Since: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)},
	} {
		if evs, _ := s.Events(ctx, q); len(evs) != 0 {
			t.Errorf("%+v: %d events, want none", q, len(evs))
		}
	}

	qs, err := s.Quotes(ctx, QuoteQuery{Speaker: "Zelensk"})
	if err != nil || len(qs) != 2 {
		t.Fatalf("quotes: %d, %v", len(qs), err)
	}
	if qs[0].Outlets != 2 {
		t.Fatalf("quote carried by %d outlets, want 2", qs[0].Outlets)
	}
	if got := string(runes[qs[0].Offsets.Start:qs[0].Offsets.End]); got != "“We are ready,”" {
		t.Fatalf("stored quote span reads %q", got)
	}
	if qs, _ := s.Quotes(ctx, QuoteQuery{Issue: "sanctions"}); len(qs) != 0 {
		t.Fatalf("issue filter let %d quotes through", len(qs))
	}
	sp, err := s.Speakers(ctx)
	if err != nil || len(sp) != 1 {
		t.Fatalf("speakers: %+v, %v", sp, err)
	}
	if sp[0].Quotes != 2 || sp[0].Documents != 2 || sp[0].Outlets != 2 || sp[0].Name != "Volodymyr Zelensky" ||
		len(sp[0].Variants) != 1 || sp[0].Variants[0] != "Zelenskyy" {
		t.Fatalf("speaker registry entry %+v", sp[0])
	}

	// Re-analysis replaces, never accumulates.
	a.Events = nil
	a.Quotes = a.Quotes[:0]
	if err := s.SaveAnalysis(ctx, a); err != nil {
		t.Fatal(err)
	}
	if evs, _ := s.Events(ctx, EventQuery{}); len(evs) != 1 {
		t.Fatalf("after re-analysis: %d events, want 1", len(evs))
	}
	n := 0
	err = s.EachDocument(ctx, func(d *model.Document) error {
		n++
		if d.Analyzed != "test-1" || d.Text == "" || d.Published.IsZero() {
			t.Errorf("document read back incompletely: %+v", d)
		}
		return nil
	})
	if err != nil || n != 2 {
		t.Fatalf("EachDocument: %d documents, %v", n, err)
	}
}

func TestAnalysisFailureLeavesNoDocument(t *testing.T) {
	s := openTemp(t)
	if _, err := s.db.Exec(`CREATE TRIGGER fail_quote BEFORE INSERT ON quotes
		BEGIN SELECT RAISE(ABORT, 'quote table broken'); END`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddDocument(context.Background(), analysed("x.example", "")); err == nil {
		t.Fatal("no error from a failing analysis write")
	}
	for _, table := range []string{"documents", "events", "entities", "clusters"} {
		var n int
		s.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n)
		if n != 0 {
			t.Errorf("%s has %d rows after the failed write", table, n)
		}
	}
}
