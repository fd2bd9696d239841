package nlptest

import (
	"testing"
)

func TestWikinews(t *testing.T) {
	docs := Documents(t)
	sents := Wikinews(t)
	words := 0
	for _, s := range sents {
		if len(s) == 0 {
			t.Fatal("empty sentence")
		}
		words += len(s)
	}
	// 295 articles of a few hundred words each.
	if len(docs) < 200 || len(sents) < 5*len(docs) || words < 10*len(sents) {
		t.Errorf("%d documents, %d sentences, %d words: too few", len(docs), len(sents), words)
	}
	t.Logf("%d documents, %d sentences, %d words, %.1f words/sentence", len(docs), len(sents), words, float64(words)/float64(len(sents)))
}

func TestCPUTime(t *testing.T) {
	t0 := CPUTime()
	x := 0
	for i := range 20_000_000 {
		x ^= i * i
	}
	if t1 := CPUTime(); t1 <= t0 || x == 1 {
		t.Errorf("CPU time did not advance: %v then %v", t0, t1)
	}
}

func TestTiny(t *testing.T) {
	trees := Tiny(t)
	if len(trees) == 0 {
		t.Fatal("no hand-written trees")
	}
	for i, s := range trees {
		if len(s) == 0 || s[0].Text == "" || s[0].UPOS == "" {
			t.Fatalf("tree %d: %+v", i, s)
		}
	}
	if c := OwnClusters(t, trees); c == nil {
		t.Fatal("no clusters")
	}
}
