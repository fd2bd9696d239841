package tokenize

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/refdata"
)

// render shows sentences as "tok tok tok" lines joined by " || ".
func render(ss []model.Sentence) string {
	var lines []string
	for _, s := range ss {
		var w []string
		for _, t := range s.Tokens {
			w = append(w, t.Text)
		}
		lines = append(lines, strings.Join(w, " "))
	}
	return strings.Join(lines, " || ")
}

func TestSentences(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"empty", "", ""},
		{"spaces only", " \n\t ", ""},
		{"titles and initials", "Dr. Smith met Gen. Jones and George W. Bush in Feb. 2019.",
			"Dr. Smith met Gen. Jones and George W. Bush in Feb. 2019 ."},
		{"abbreviations mid-sentence", "The U.S. and the U.N. met Acme Inc. officials.",
			"The U.S. and the U.N. met Acme Inc. officials ."},
		{"abbreviation ends sentence", "He talked with the U.S. The talks failed.",
			"He talked with the U.S. || The talks failed ."},
		{"closing quote stays", "“Yes.” He left.", "“ Yes . ” || He left ."},
		{"straight quotes", `He said "no." She agreed.`, `He said " no . " || She agreed .`},
		{"quote then said", `“Why?” he asked.`, `“ Why ? ” he asked .`},
		{"dateline", "KYIV, Ukraine (VOA) — Talks began.", "KYIV , Ukraine ( VOA ) — Talks began ."},
		{"clitics", "Ukraine's leader doesn't know; they're sure I'm right.",
			"Ukraine 's leader does n't know ; they 're sure I 'm right ."},
		{"curly clitics", "Ukraine’s envoy can’t go.", "Ukraine ’s envoy ca n’t go ."},
		{"fused", "We cannot wait.", "We can not wait ."},
		{"possessive plural", "The parents' rights.", "The parents ' rights ."},
		{"hyphenated names", "al-Sudani met von der Leyen.", "al - Sudani met von der Leyen ."},
		{"hyphen prefixes", "An anti-war e-mail, face-to-face.", "An anti-war e-mail , face - to - face ."},
		{"numbers", "On 2019-01-04 at 6am, 1,000 troops and 3.5% more cost $5.",
			"On 2019-01-04 at 6 am , 1,000 troops and 3.5 % more cost $ 5 ."},
		{"dates with slashes", "Since 9/11 and 07/06/2000 and/or b/c.", "Since 9/11 and 07/06/2000 and / or b/c ."},
		{"web", "See https://example.com/a?b=c, mail x.y@example.org or @user #peace.",
			"See https://example.com/a?b=c , mail x.y@example.org or @user #peace ."},
		{"ellipsis", "Well... maybe not. Then... Nothing.", "Well ... maybe not . || Then ... || Nothing ."},
		{"unicode ellipsis", "Wait… what?", "Wait … what ?"},
		{"parentheses", "(The U.N. agreed.) Next.", "( The U.N. agreed . ) || Next ."},
		{"dashes", "Peace—if it comes–matters.", "Peace — if it comes – matters ."},
		{"headline", "Zelensky Seeks Meeting\nKYIV — Talks began.", "Zelensky Seeks Meeting || KYIV — Talks began ."},
		{"wrapped line", "Talks with\nthe envoy began.", "Talks with the envoy began ."},
		{"blank line always ends", "A title\n\nand more text", "A title || and more text"},
		{"lower case after period", "It works. iPhone sales rose.", "It works . || iPhone sales rose ."},
		{"exclamation", "Stop! Now.", "Stop ! || Now ."},
		{"other scripts", "Путин сказал: «Нет». 和平", "Путин сказал : « Нет » . || 和平"},
		{"U.S.-led", "The U.S.-led plan.", "The U.S. - led plan ."},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := render(Sentences(c.in)); got != c.want {
				t.Errorf("Sentences(%q)\n got %s\nwant %s", c.in, got, c.want)
			}
		})
	}
}

func TestSpaceAfter(t *testing.T) {
	toks := Tokens("Hi, you.")
	want := []bool{false, true, false, false}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(toks), len(want))
	}
	for i, tk := range toks {
		if tk.SpaceAfter != want[i] {
			t.Errorf("token %d %q: SpaceAfter %v, want %v", i, tk.Text, tk.SpaceAfter, want[i])
		}
	}
}

// TestLimits checks the documented bounds on pathological input.
func TestLimits(t *testing.T) {
	long := strings.Repeat("word ", 1<<18) // 1.3 MB, one "sentence"
	ss := Sentences(long)
	for _, s := range ss {
		if len(s.Tokens) > MaxSentenceTokens {
			t.Fatalf("sentence of %d tokens exceeds MaxSentenceTokens", len(s.Tokens))
		}
	}
	if n := len(ss); n != (1<<18+MaxSentenceTokens-1)/MaxSentenceTokens {
		t.Errorf("got %d chunks for %d words", n, 1<<18)
	}
	blob := strings.Repeat("é", MaxTokenBytes) // no spaces at all
	for _, tk := range Tokens(blob) {
		if tk.Span.Len() > MaxTokenBytes || !utf8.ValidString(tk.Text) {
			t.Fatalf("token of %d bytes (valid UTF-8 %v)", tk.Span.Len(), utf8.ValidString(tk.Text))
		}
	}
}

// checkInvariants verifies what every caller relies on: spans in order,
// non-overlapping, inside the text, Text == text[span], and sentence spans
// covering their tokens.
func checkInvariants(t *testing.T, text string, ss []model.Sentence) {
	t.Helper()
	prev := 0
	for si, s := range ss {
		if len(s.Tokens) == 0 || len(s.Tokens) > MaxSentenceTokens {
			t.Fatalf("sentence %d has %d tokens", si, len(s.Tokens))
		}
		if s.Span.Start != s.Tokens[0].Span.Start || s.Span.End != s.Tokens[len(s.Tokens)-1].Span.End {
			t.Fatalf("sentence %d span %v does not cover its tokens", si, s.Span)
		}
		for _, tk := range s.Tokens {
			sp := tk.Span
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("bad span %v after offset %d (text length %d)", sp, prev, len(text))
			}
			if tk.Text != text[sp.Start:sp.End] {
				t.Fatalf("token text %q != text[span] %q", tk.Text, text[sp.Start:sp.End])
			}
			if sp.Len() > MaxTokenBytes {
				t.Fatalf("token of %d bytes", sp.Len())
			}
			prev = sp.End
		}
	}
}

func TestInvalidInput(t *testing.T) {
	for _, in := range []string{"\xff\xfe abc\x00def \x80.", "a\u200bb\ufeff", "\x01\x02\x03", "...", "'", "’’’s", "n't"} {
		checkInvariants(t, in, Sentences(in))
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"Dr. Smith met the U.S. envoy. “Yes.” He left.",
		"KYIV, Ukraine (VOA) — al-Sudani's 6am talks (2019-01-04) cost $1,000...",
		"a\n\nb\nc", "\xff\xfe\x00", "don't can’t cannot", "http://x.org/a. x@y.com", "9/11 b/c",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, Sentences(text))
	})
}

// wikinewsText returns the concatenated article texts of the Wikinews CSVs.
func wikinewsText(b *testing.B) string {
	dir, err := refdata.Path("wikinews")
	if err != nil {
		b.Skip(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	var sb strings.Builder
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			b.Fatalf("%s: %v", p, err)
		}
		for _, r := range recs[1:] {
			sb.WriteString(r[3])
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

// BenchmarkSentences measures tokenize+split throughput (MB/s) on Wikinews.
func BenchmarkSentences(b *testing.B) {
	text := wikinewsText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Sentences(text)
	}
}

// BenchmarkPathological measures throughput on 1 MB inputs built to hit
// the slow paths (long runs without spaces or sentence ends); compare with
// BenchmarkSentences to see that time stays linear.
func BenchmarkPathological(b *testing.B) {
	for _, c := range []struct{ name, unit string }{
		{"no-spaces", "a"},
		{"no-punctuation", "word "},
		{"dotted", "x."},
		{"digit-hyphens", "1-"},
		{"quotes", "'\""},
		{"dots", "."},
		{"invalid-utf8", "\xff\xfe "},
	} {
		text := strings.Repeat(c.unit, (1<<20)/len(c.unit))
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				Sentences(text)
			}
		})
	}
}
