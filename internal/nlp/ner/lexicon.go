package ner

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Lexicon records, for words seen in running text, how often they are
// capitalised away from the start of a sentence and how frequent they are.
// "museum" or "center" are mostly lower case, "Johnson" always capitalised:
// that tells a name from a capitalised common noun even for words the
// annotated data never showed. It is built from unannotated text by
// CountCase and stored beside the models.
type Lexicon struct {
	buckets map[string]uint8 // lower-cased word -> caseBucket*4 + freqBucket
}

// minLexCount is how often a word must occur to enter the lexicon.
const minLexCount = 3

// CountCase builds a lexicon from sentences given as words.
func CountCase(sentences [][]string) *Lexicon {
	type count struct{ upper, total int }
	counts := map[string]*count{}
	for _, s := range sentences {
		for i, w := range s {
			if i == 0 || !isWordLike(w) || !isWordLike(s[i-1]) && s[i-1] != "," {
				continue // sentence or clause starts capitalise anything
			}
			k := strings.ToLower(w)
			c := counts[k]
			if c == nil {
				c = &count{}
				counts[k] = c
			}
			c.total++
			if isCapitalized(w) {
				c.upper++
			}
		}
	}
	l := &Lexicon{buckets: map[string]uint8{}}
	for w, c := range counts {
		if c.total < minLexCount {
			continue
		}
		r := float64(c.upper) / float64(c.total)
		cb := 0
		switch {
		case r >= 0.95:
			cb = 3
		case r >= 0.6:
			cb = 2
		case r >= 0.1:
			cb = 1
		}
		fb := 0
		switch {
		case c.total >= 100:
			fb = 2
		case c.total >= 10:
			fb = 1
		}
		l.buckets[w] = uint8(cb*4 + fb)
	}
	return l
}

// isWordLike reports words that start with a letter.
func isWordLike(w string) bool {
	return w != "" && (w[0] >= 'a' && w[0] <= 'z' || w[0] >= 'A' && w[0] <= 'Z' || w[0] >= 0x80)
}

// bucket returns the word's class for features: 1 + bucket, or 0 when
// the word is unknown.
func (l *Lexicon) bucket(lower string) uint64 {
	if l == nil {
		return 0
	}
	b, ok := l.buckets[lower]
	if !ok {
		return 0
	}
	return uint64(b) + 1
}

// mostlyLower reports words seen in lower case at least 90% of the time.
func (l *Lexicon) mostlyLower(lower string) bool {
	b := l.bucket(lower)
	return b > 0 && (b-1)/4 == 0
}

// WriteTo writes the lexicon as sorted "word<TAB>bucket" lines.
func (l *Lexicon) WriteTo(w io.Writer) (int64, error) {
	words := make([]string, 0, len(l.buckets))
	for k := range l.buckets {
		words = append(words, k)
	}
	slices.Sort(words)
	bw := bufio.NewWriter(w)
	var n int64
	for _, k := range words {
		m, err := fmt.Fprintf(bw, "%s\t%d\n", k, l.buckets[k])
		n += int64(m)
		if err != nil {
			return n, err
		}
	}
	return n, bw.Flush()
}

// ReadLexicon reads a lexicon written by WriteTo. name is used in error
// messages ("name:line: reason").
func ReadLexicon(r io.Reader, name string) (*Lexicon, error) {
	l := &Lexicon{buckets: map[string]uint8{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		w, b, ok := strings.Cut(sc.Text(), "\t")
		if !ok || w == "" {
			return nil, fmt.Errorf("%s:%d: want word<TAB>bucket", name, line)
		}
		v, err := strconv.ParseUint(b, 10, 8)
		if err != nil || v >= 16 {
			return nil, fmt.Errorf("%s:%d: bad bucket %q", name, line, b)
		}
		l.buckets[w] = uint8(v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	return l, nil
}
