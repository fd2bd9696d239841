package quotes

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/refdata"
)

// checkQuotes asserts what must hold for any input: spans inside the text
// and on rune boundaries, a named or explicitly unnamed speaker, and no
// speaker name, title or affiliation that the text does not contain.
func checkQuotes(t *testing.T, text string, qs []model.Quote) {
	t.Helper()
	valid := utf8.ValidString(text)
	boundary := func(i int) bool { return !valid || i == len(text) || utf8.RuneStart(text[i]) }
	inText := func(s model.Span) bool {
		return 0 <= s.Start && s.Start <= s.End && s.End <= len(text) && boundary(s.Start) && boundary(s.End)
	}
	for _, q := range qs {
		if !inText(q.Span) || q.Span.Len() == 0 {
			t.Fatalf("quote span %+v outside the text (%d bytes)", q.Span, len(text))
		}
		for _, p := range q.Parts {
			if !inText(p) || p.Start < q.Span.Start || p.End > q.Span.End {
				t.Fatalf("part %+v outside quote %+v", p, q.Span)
			}
		}
		sp := q.Speaker
		if sp.Name == "" && !sp.Unnamed {
			t.Fatalf("quote %q without a speaker", q.Text)
		}
		if !inText(sp.Span) || sp.Span.Len() == 0 {
			t.Fatalf("speaker span %+v outside the text", sp.Span)
		}
		for _, f := range []string{sp.Name, sp.Title, sp.Affiliation, sp.Honorific} {
			if !strings.Contains(text, f) {
				t.Fatalf("speaker field %q is not in the text (invented)", f)
			}
		}
		if q.Kind != model.Direct && q.Kind != model.Indirect {
			t.Fatalf("kind %q", q.Kind)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"We will win," said Defence Minister Ben Wallace. "Always," he added.`,
		`He said "hello and "bye" now. "unclosed`,
		"\"First part.\n\"Second part,\" said Jane Doe.",
		`“Curly,” she said, ”reversed“ and «guillemets» „low“.`,
		`According to the UN, 2,000 fled. Sergei Lavrov told reporters the talks had failed.`,
		`"" "" """ "a" b "c`,
		`Mr. "X" said, ' "Y" ' — "Z" (said) — 'W'`,
		`‘’Yes,’’ says Amrullah Saleh. ''No'' ‘‘x’ ’’ ''' “mixed’’`,
	} {
		f.Add(s)
	}
	an, dict := pipelineModels(f)
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<14 {
			return
		}
		checkQuotes(t, text, Extract(&model.Document{Text: text}))
		// The same text analysed as the pipeline does: the parse path.
		doc := &model.Document{Text: text}
		an.Analyze(doc)
		checkQuotes(t, text, Extract(doc, WithActors(dict.Resolve(doc))))
		// The ranker's candidates: each must be a well-formed speaker.
		checkQuotes(t, text, Extract(doc, WithActors(dict.Resolve(doc)), func(c *config) {
			c.rank = func(q *quoteCase, _ model.Speaker, _ bool) (model.Speaker, bool) {
				if len(q.cands) == 0 {
					return model.Speaker{}, false
				}
				return q.cands[len(q.cands)-1].sp, true
			}
		}))
	})
}

// TestHostileInput: unbalanced and nested quotes, a quote thousands of
// characters long and a document with hundreds of quotes all come back
// without a crash and with well-formed records.
func TestHostileInput(t *testing.T) {
	long := `Jane Doe said: "` + strings.Repeat("word, and more words. ", 2000) + `"`
	var many strings.Builder
	for i := 0; i < 500; i++ {
		many.WriteString(`"Point taken," said Anna Smith. `)
	}
	tests := []struct {
		name string
		text string
		min  int // at least this many direct quotes
	}{
		{"unbalanced", strings.Repeat(`He said "no. `, 200), 0},
		{"nested", `"a "b "c "d "e "f "g "h "i "j" i" h" g" f" e" d" c" b" a," said Jane Doe.`, 1},
		{"long quote", long, 1},
		{"many quotes", many.String(), 500},
		{"only marks", strings.Repeat(`"`, 10000), 0},
		{"no spaces", strings.Repeat(`a"b`, 3000), 0},
		{"only single marks", strings.Repeat(`'’‘`, 5000), 0},
		{"apostrophes and doubled marks", strings.Repeat(`the students' union ''said'' ‘’no’’ it's `, 500), 0},
	}
	an, dict := pipelineModels(t)
	for _, tt := range tests {
		for _, analysed := range []bool{false, true} {
			name := tt.name
			doc := &model.Document{Text: tt.text}
			var opts []Option
			if analysed {
				name += "/analysed"
				an.Analyze(doc)
				opts = append(opts, WithActors(dict.Resolve(doc)))
			}
			t.Run(name, func(t *testing.T) {
				qs := Extract(doc, opts...)
				checkQuotes(t, tt.text, qs)
				n := 0
				for _, q := range qs {
					if q.Kind == model.Direct {
						n++
					}
				}
				if n < tt.min {
					t.Errorf("%d direct quotes, want at least %d", n, tt.min)
				}
			})
		}
	}
}

func BenchmarkExtractSeed(b *testing.B) {
	doc := seedDocB(b)
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		Extract(doc)
	}
}

func BenchmarkExtractManyQuotes(b *testing.B) {
	var s strings.Builder
	for i := 0; i < 500; i++ {
		s.WriteString(`Foreign Minister Sergei Lavrov spoke. "Point taken," he said, "and noted." The minister said the talks were "useful". `)
	}
	doc := &model.Document{Text: s.String()}
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		Extract(doc)
	}
}

// BenchmarkExtractWikinews runs Extract over all 295 Wikinews articles
// (bare text, no NLP analysis) per iteration.
func BenchmarkExtractWikinews(b *testing.B) {
	as, err := refdata.Wikinews()
	if err != nil {
		b.Skipf("reference data not available: %v", err)
	}
	var n int64
	for _, a := range as {
		n += int64(len(a.Text))
	}
	b.SetBytes(n)
	for b.Loop() {
		for _, a := range as {
			Extract(&model.Document{Text: a.Text})
		}
	}
}
