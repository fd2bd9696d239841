package export

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/model"
)

func TestGDELTActorColumns(t *testing.T) {
	cases := []struct {
		code string
		want []string // Code, CountryCode, KnownGroupCode, Type1Code, Type2Code
	}{
		{"UKRGOV", []string{"UKRGOV", "UKR", "", "GOV", ""}},
		{"RUSMILREB", []string{"RUSMILREB", "RUS", "", "MIL", "REB"}},
		{"USA", []string{"USA", "USA", "", "", ""}},
		{"IGOUNO", []string{"IGOUNO", "", "UNO", "IGO", ""}},
		{"", []string{"", "", "", "", ""}},
	}
	for _, c := range cases {
		cols := gdeltActor(model.Actor{Code: c.code, Text: "x"})
		got := []string{cols[0], cols[2], cols[3], cols[7], cols[8]}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: %v, want %v", c.code, got, c.want)
		}
	}
}

func TestGDELTTable(t *testing.T) {
	var buf bytes.Buffer
	g, err := NewGDELT(&buf, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	e := model.Event{DocumentDate: "2020-01-05", CAMEO: "1823", QuadClass: 4, Goldstein: -9,
		Source: model.Actor{Code: "USAMIL", Name: "United States"}, Target: model.Actor{Code: "IRNMIL", Text: "Quds Force"}}
	if err := g.Write(7, e, "https://news.example/a"); err != nil {
		t.Fatal(err)
	}
	if err := g.Flush(); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || len(rows[0]) != 61 || len(rows[1]) != 61 {
		t.Fatalf("want a header and one row of 61 columns, got %d rows", len(rows))
	}
	row := map[string]string{}
	for i, name := range rows[0] {
		row[name] = rows[1][i]
	}
	for k, v := range map[string]string{
		"GLOBALEVENTID": "7", "SQLDATE": "20200105", "MonthYear": "202001", "Year": "2020",
		"Actor1Code": "USAMIL", "Actor1Name": "UNITED STATES", "Actor2Name": "QUDS FORCE",
		"EventCode": "1823", "EventBaseCode": "182", "EventRootCode": "18", "QuadClass": "4",
		"GoldsteinScale": "-9.0", "DATEADDED": "20260102030405", "SOURCEURL": "https://news.example/a",
	} {
		if row[k] != v {
			t.Errorf("%s = %q, want %q", k, row[k], v)
		}
	}
}

func TestPlover(t *testing.T) {
	at := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	e := model.Event{Date: "2025-06-01", CAMEO: "036", Modality: model.Intended, Verb: "agreed",
		Plover: model.Plover{Type: "AGREE", Mode: "meet", Context: "diplomatic,economic"},
		Source: model.Actor{Code: "UKRGOV", Text: "Kyiv"}, Target: model.Actor{Code: "TUR", Text: "Ankara"},
		Offsets: model.Span{Start: 3, End: 9}, SentenceIdx: 2, Sentence: "..."}
	r, ok := Plover("p-1", e, "u", at)
	if !ok {
		t.Fatal("event with a PLOVER type not exported")
	}
	if r.Actor[0].Code != "UKR" || r.Actor[0].Sector != "GOV" || r.Recipient[0].Code != "TUR" ||
		!slices.Equal(r.Event, []string{"AGREE"}) || !slices.Equal(r.Context, []string{"diplomatic", "economic"}) ||
		r.TextInfo != (PloverTextInfo{Sequence: 2, Start: 3, End: 9}) || r.CodedDate != "2026-01-02" {
		t.Fatalf("record %+v", r)
	}
	if _, ok := Plover("p-2", model.Event{CAMEO: "010"}, "", at); ok {
		t.Fatal("a plain statement (no PLOVER type) was exported")
	}
}
