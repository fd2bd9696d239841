// Package nlptest provides test and benchmark input for the NLP packages:
// sentences of real news text from the Wikinews reference data.
package nlptest

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/refdata"
)

// Wikinews returns the sentences of the Wikinews articles in the reference
// data, split into tokens by Split. It skips tb when the data is missing.
func Wikinews(tb testing.TB) [][]model.Token {
	tb.Helper()
	dir, err := refdata.Path("wikinews")
	if err != nil {
		tb.Skipf("no reference data: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if len(files) == 0 {
		tb.Skipf("no Wikinews CSV files in %s", dir)
	}
	var out [][]model.Token
	for _, f := range files {
		texts, err := readTexts(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, t := range texts {
			out = append(out, Split(t)...)
		}
	}
	return out
}

// readTexts returns the text column of a url,date,title,text CSV file.
func readTexts(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var texts []string
	for i, r := range rows {
		if i == 0 || len(r) < 4 {
			continue // header
		}
		texts = append(texts, r[3])
	}
	return texts, nil
}

// Split is a simple stand-in for the real tokenizer, good enough for
// benchmarks: words are runs of letters, digits and inner . ' - characters
// (with the final dot of abbreviations like "U.S."),
// "n't" and "'s"-style clitics are split off as in UD English, any other
// character is a token of its own, and a sentence ends after . ! or ? when
// the next token starts with an upper-case letter or a line break follows.
func Split(text string) [][]model.Token {
	var sents [][]model.Token
	var cur []model.Token
	emit := func(start, end int) {
		cur = append(cur, model.Token{Text: text[start:end], Span: model.Span{Start: start, End: end}})
	}
	endSentence := func() {
		if len(cur) > 0 {
			sents = append(sents, cur)
			cur = nil
		}
	}
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' && len(cur) > 0 && isEnd(cur[len(cur)-1].Text):
			endSentence()
			i += size
		case unicode.IsSpace(r):
			i += size
		case isWord(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isWord(r2) {
					j += s2
					continue
				}
				if strings.ContainsRune(".'’-", r2) && j+s2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if isWord(r3) {
						j += s2
						continue
					}
				}
				if r2 == '.' && strings.Contains(text[i:j], ".") {
					j += s2 // the final dot of an abbreviation like U.S.
				}
				break
			}
			w := text[i:j]
			cut := len(w)
			lw := strings.ToLower(w)
			for _, cl := range []string{"n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "’s"} {
				if strings.HasSuffix(lw, cl) && len(w) > len(cl) {
					cut = len(w) - len(cl)
					break
				}
			}
			emit(i, i+cut)
			if cut < len(w) {
				emit(i+cut, j)
			}
			i = j
		default:
			if len(cur) > 0 && isEnd(cur[len(cur)-1].Text) && unicode.IsUpper(r) {
				endSentence()
			}
			emit(i, i+size)
			i += size
		}
		if len(cur) > 0 && i < len(text) && isEnd(cur[len(cur)-1].Text) {
			r2, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[i:], " \t"))
			if unicode.IsUpper(r2) {
				endSentence()
			}
		}
	}
	endSentence()
	return sents
}

func isEnd(s string) bool { return s == "." || s == "!" || s == "?" }

// CPUTime is the processor time (user and system) the process has used so
// far. Benchmarks report rates per CPU-second next to wall-clock rates,
// because on a shared machine wall-clock time also counts other programs.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
