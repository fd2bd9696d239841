package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFillOffsets(t *testing.T) {
	text := "Ukraine’s leader met Erdoğan in Kyiv — “talks went well,” he said."
	find := func(s string) Span {
		i := strings.Index(text, s)
		return Span{Start: i, End: i + len(s)}
	}
	d := &Document{
		Text:     text,
		Entities: []Entity{{Text: "Erdoğan", Span: find("Erdoğan")}, {Text: "Kyiv", Span: find("Kyiv")}},
		Events:   []Event{{Span: find("met Erdoğan"), Source: Actor{Span: find("Ukraine")}, Target: Actor{Span: find("Erdoğan")}}},
		Quotes:   []Quote{{Span: find("“talks went well,”"), Speaker: Speaker{Span: find("he")}}},
	}
	d.FillOffsets()
	runes := []rune(text)
	check := func(what string, bytes, chars Span) {
		t.Helper()
		want := text[bytes.Start:bytes.End]
		if got := string(runes[chars.Start:chars.End]); got != want {
			t.Errorf("%s: code-point span %v reads %q, want %q", what, chars, got, want)
		}
	}
	for _, e := range d.Entities {
		check("entity", e.Span, e.Offsets)
	}
	check("event", d.Events[0].Span, d.Events[0].Offsets)
	check("target", d.Events[0].Target.Span, d.Events[0].Target.Offsets)
	check("quote", d.Quotes[0].Span, d.Quotes[0].Offsets)
	check("speaker", d.Quotes[0].Speaker.Span, d.Quotes[0].Speaker.Offsets)
}

func TestRuneIndexMidRuneAndBounds(t *testing.T) {
	text := "aé€😀b"
	ri := newRuneIndex(text)
	// Every byte of a rune maps to that rune's index; the end maps to the count.
	var want []int
	i := 0
	for _, r := range text {
		for range utf8.RuneLen(r) {
			want = append(want, i)
		}
		i++
	}
	want = append(want, i)
	for b := 0; b <= len(text); b++ {
		if got := ri.offset(b); got != want[b] {
			t.Errorf("byte %d: offset %d, want %d", b, got, want[b])
		}
	}
	if ri.offset(-3) != 0 || ri.offset(999) != utf8.RuneCountInString(text) {
		t.Error("out-of-range offsets not clamped")
	}
	if a := newRuneIndex("plain ascii"); a.runes != nil || a.offset(5) != 5 {
		t.Error("ASCII text should need no table")
	}
}
