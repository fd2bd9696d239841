package dedup

import (
	"fmt"
	"strings"
	"testing"
)

const story = `Foreign ministers from twelve countries met in Geneva on Tuesday to discuss a
ceasefire proposal, officials said. The talks, hosted by the Swiss government, lasted
six hours and ended without a joint statement. Delegates agreed to meet again next
month, according to a spokesperson for the conference. Humanitarian groups urged the
parties to open corridors for civilians trapped near the front line.`

func TestContentHashNormalises(t *testing.T) {
	a := ContentHash("He said: “Yes.”\n\nThen   he LEFT.")
	b := ContentHash(`he said "yes" then he left`)
	if a != b {
		t.Fatalf("normalised texts hash differently: %s vs %s", a, b)
	}
	if a == ContentHash("he said no then he left") {
		t.Fatal("different texts hash the same")
	}
}

func TestSimilarity(t *testing.T) {
	base, _ := Sign(story)
	cases := []struct {
		name     string
		text     string
		nearDupe bool
	}{
		{"identical", story, true},
		{"wire reprint with byline and one word changed",
			"GENEVA (Wire) — " + strings.Replace(story, "six hours", "seven hours", 1), true},
		{"extra closing sentence", story + " The next round is expected in Vienna.", true},
		{"unrelated story", `The central bank raised interest rates by half a point on Thursday,
			citing persistent inflation in services and a tight labour market. Markets fell.`, false},
		{"same topic, rewritten", `Twelve nations sent their top diplomats to Geneva, where a
			proposed truce was debated for six hours; no communique followed, and another
			meeting is planned. Aid agencies asked for safe passage for trapped civilians.`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sig, ok := Sign(c.text)
			if !ok {
				t.Fatal("no signature")
			}
			sim := Similarity(&base, &sig)
			t.Logf("similarity %.2f", sim)
			if got := sim >= Threshold; got != c.nearDupe {
				t.Fatalf("similarity %.2f, near-duplicate=%v, want %v", sim, got, c.nearDupe)
			}
			shared := 0
			bk, ck := BandKeys(&base), BandKeys(&sig)
			for i := range bk {
				if bk[i] == ck[i] {
					shared++
				}
			}
			if c.nearDupe && shared == 0 {
				t.Fatalf("near-duplicate shares no LSH band (similarity %.2f)", sim)
			}
		})
	}
}

func TestSignEmptyAndShort(t *testing.T) {
	if _, ok := Sign(" ... !!! "); ok {
		t.Fatal("text without words got a signature")
	}
	a, ok := Sign("ceasefire talks")
	if !ok {
		t.Fatal("short text got no signature")
	}
	b, _ := Sign("Ceasefire talks!")
	if Similarity(&a, &b) != 1 {
		t.Fatal("short texts differing only in case and punctuation are not identical")
	}
}

func TestSignatureBytesRoundTrip(t *testing.T) {
	s, _ := Sign(story)
	back, ok := ParseSignature(s.Bytes())
	if !ok || back != s {
		t.Fatal("round trip changed the signature")
	}
	if _, ok := ParseSignature([]byte{1, 2, 3}); ok {
		t.Fatal("short blob accepted")
	}
}

func BenchmarkSign(b *testing.B) {
	text := strings.Repeat(story+" ", 8) // ~ 600 words, a long news article
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Sign(fmt.Sprint(text))
	}
}
