package actors

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/model"
)

// tokenize splits a sentence the way UD English EWT does, closely enough for
// these tests: punctuation is split off, a possessive 's is a token of its
// own, abbreviations with inner full stops ("U.S.", "Dr.") stay whole and so
// do hyphenated words. Spans are byte offsets into text, starting at base.
func tokenize(text string, base int) []model.Token {
	var toks []model.Token
	add := func(s string, start int) {
		toks = append(toks, model.Token{Text: s, Span: model.Span{Start: base + start, End: base + start + len(s)}, SpaceAfter: true})
	}
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += n2
		}
		word, start := text[i:j], i
		// Leading punctuation.
		for word != "" {
			r, n := utf8.DecodeRuneInString(word)
			if !strings.ContainsRune(`"“”‘(['`, r) || (r == '\'' && len(word) > 1 && word[1] == 's') {
				break
			}
			add(word[:n], start)
			word, start = word[n:], start+n
		}
		// Trailing punctuation, kept for after the word.
		var tail []string
		for word != "" {
			r, n := utf8.DecodeLastRuneInString(word)
			if !strings.ContainsRune(`"“”’),;:!?]`, r) && r != '.' {
				break
			}
			// Keep the full stop of abbreviations: "U.S.", "Dr.", "Mr.".
			if r == '.' && (strings.Count(word, ".") > 1 || abbrev[word]) {
				break
			}
			tail = append([]string{word[len(word)-n:]}, tail...)
			word = word[:len(word)-n]
		}
		for _, p := range []string{"'s", "’s"} {
			if strings.HasSuffix(word, p) && len(word) > len(p) {
				add(word[:len(word)-len(p)], start)
				add(word[len(word)-len(p):], start+len(word)-len(p))
				word = ""
			}
		}
		if word != "" {
			add(word, start)
		}
		off := start + len(word)
		if word == "" && len(toks) > 0 {
			off = toks[len(toks)-1].Span.End - base
		}
		for _, p := range tail {
			add(p, off)
			off += len(p)
		}
		i = j
	}
	for k := range toks {
		if k+1 < len(toks) && toks[k+1].Span.Start == toks[k].Span.End {
			toks[k].SpaceAfter = false
		}
	}
	return toks
}

var abbrev = map[string]bool{"Dr.": true, "Mr.": true, "Mrs.": true, "Ms.": true, "Prof.": true, "St.": true, "No.": true}

// newDoc builds a document of sentences; date is YYYY-MM-DD or "" for an
// undated document.
func newDoc(t testing.TB, date string, sentences ...string) *model.Document {
	t.Helper()
	d := &model.Document{}
	if date != "" {
		p, err := time.Parse("2006-01-02", date)
		if err != nil {
			t.Fatal(err)
		}
		d.Published = p
	}
	for i, s := range sentences {
		if i > 0 {
			d.Text += " "
		}
		base := len(d.Text)
		d.Text += s
		d.Sentences = append(d.Sentences, model.Sentence{Span: model.Span{Start: base, End: len(d.Text)}, Tokens: tokenize(s, base)})
	}
	return d
}

// withEntity marks the tokens spelling text in sentence si as an entity,
// the way the NER step does.
func withEntity(t testing.TB, d *model.Document, si int, typ, text string) {
	t.Helper()
	toks := d.Sentences[si].Tokens
	want := tokenize(text, 0)
	for i := 0; i+len(want) <= len(toks); i++ {
		ok := true
		for k := range want {
			if toks[i+k].Text != want[k].Text {
				ok = false
				break
			}
		}
		if ok {
			last := i + len(want) - 1
			d.Entities = append(d.Entities, model.Entity{Text: text, Type: typ, Sentence: si, First: i, Last: last,
				Span: model.Span{Start: toks[i].Span.Start, End: toks[last].Span.End}})
			return
		}
	}
	t.Fatalf("entity %q not found in sentence %d", text, si)
}

// spanText is the text a mention covers.
func spanText(d *model.Document, m Mention) string {
	toks := d.Sentences[m.Sentence].Tokens
	return d.Text[toks[m.First].Span.Start:toks[m.Last].Span.End]
}

func TestTokenizeHelper(t *testing.T) {
	text := `The U.S.-led push: Ukraine's army, "Dr. Korosteleva" said.`
	var got []string
	for _, tk := range tokenize(text, 0) {
		if text[tk.Span.Start:tk.Span.End] != tk.Text {
			t.Errorf("token %q has span text %q", tk.Text, text[tk.Span.Start:tk.Span.End])
		}
		got = append(got, tk.Text)
	}
	want := `The|U.S.-led|push|:|Ukraine|'s|army|,|"|Dr.|Korosteleva|"|said|.`
	if strings.Join(got, "|") != want {
		t.Errorf("tokens\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
}
