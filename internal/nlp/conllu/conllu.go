// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies (https://universaldependencies.org/format.html).
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/parleyhq/parley/internal/model"
)

// Word is one syntactic word (a CoNLL-U line with an integer ID).
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // 0 = root, -1 = not given ("_")
	Deprel string
	Deps   string
	Misc   string
}

// MultiWord is a multiword token line such as "3-4 don't".
type MultiWord struct {
	First, Last int
	Form        string
	Misc        string
}

// Sentence is one CoNLL-U sentence block.
type Sentence struct {
	Comments   []string // raw comment lines without the leading "# "
	Words      []Word
	MultiWords []MultiWord
	Line       int // line number of the sentence's first line, for messages
}

// Meta returns the value of a "# key = value" comment, or "".
func (s *Sentence) Meta(key string) string {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// MiscValue returns the value of key in a MISC field ("A=1|B=2"), or "".
func MiscValue(misc, key string) string {
	if misc == "_" {
		return ""
	}
	for _, kv := range strings.Split(misc, "|") {
		k, v, ok := strings.Cut(kv, "=")
		if ok && k == key {
			return v
		}
	}
	return ""
}

// MaxLineBytes bounds one input line; longer lines are reported as errors
// rather than read into memory without limit.
const MaxLineBytes = 1 << 20

// Read streams the sentences of r to fn. name is used in error messages,
// which have the form "name:line: reason". Reading stops at the first
// malformed line or at the first error returned by fn.
func Read(r io.Reader, name string, fn func(*Sentence) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), MaxLineBytes)
	var cur *Sentence
	lineNo := 0
	flush := func() error {
		if cur == nil {
			return nil
		}
		s := cur
		cur = nil
		if len(s.Words) == 0 {
			return fmt.Errorf("%s:%d: sentence has no words", name, s.Line)
		}
		return fn(s)
	}
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		if cur == nil {
			cur = &Sentence{Line: lineNo}
		}
		if strings.HasPrefix(line, "#") {
			cur.Comments = append(cur.Comments, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		}
		if err := parseLine(cur, line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, lineNo, err)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("%s:%d: line longer than %d bytes", name, lineNo+1, MaxLineBytes)
		}
		return fmt.Errorf("%s:%d: %w", name, lineNo, err)
	}
	return flush()
}

// ReadFile reads all sentences of a CoNLL-U file.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*Sentence
	err = Read(f, path, func(s *Sentence) error {
		out = append(out, s)
		return nil
	})
	return out, err
}

func parseLine(s *Sentence, line string) error {
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return fmt.Errorf("expected 10 tab-separated columns, found %d", len(cols))
	}
	id := cols[0]
	if strings.Contains(id, ".") {
		return nil // empty node of the enhanced graph; not part of the basic tree
	}
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || first < 1 || last < first {
			return fmt.Errorf("bad multiword token range %q", id)
		}
		s.MultiWords = append(s.MultiWords, MultiWord{First: first, Last: last, Form: cols[1], Misc: cols[9]})
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil {
		return fmt.Errorf("bad word id %q", id)
	}
	if n != len(s.Words)+1 {
		return fmt.Errorf("word id %d out of sequence (expected %d)", n, len(s.Words)+1)
	}
	head := -1
	if cols[6] != "_" {
		head, err = strconv.Atoi(cols[6])
		if err != nil || head < 0 {
			return fmt.Errorf("bad head %q", cols[6])
		}
	}
	s.Words = append(s.Words, Word{
		ID: n, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4],
		Feats: cols[5], Head: head, Deprel: cols[7], Deps: cols[8], Misc: cols[9],
	})
	return nil
}

// Validate checks that heads point inside the sentence. Read does not do
// this itself because a sentence's length is only known at its end.
func (s *Sentence) Validate() error {
	for _, w := range s.Words {
		if w.Head > len(s.Words) {
			return fmt.Errorf("word %d: head %d beyond sentence length %d", w.ID, w.Head, len(s.Words))
		}
	}
	return nil
}

// Write writes s in CoNLL-U, ending with the blank separator line.
func Write(w io.Writer, s *Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		fmt.Fprintf(bw, "# %s\n", c)
	}
	mw := 0
	for _, word := range s.Words {
		for mw < len(s.MultiWords) && s.MultiWords[mw].First == word.ID {
			m := s.MultiWords[mw]
			fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", m.First, m.Last, m.Form, orUnderscore(m.Misc))
			mw++
		}
		head := "_"
		if word.Head >= 0 {
			head = strconv.Itoa(word.Head)
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", word.ID, word.Form,
			orUnderscore(word.Lemma), orUnderscore(word.UPOS), orUnderscore(word.XPOS),
			orUnderscore(word.Feats), head, orUnderscore(word.Deprel),
			orUnderscore(word.Deps), orUnderscore(word.Misc))
	}
	bw.WriteString("\n")
	return bw.Flush()
}

func orUnderscore(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// Tokens returns the words of s as document tokens with their gold
// annotation. Spans index the text obtained by joining the forms with a
// space wherever MISC lacks SpaceAfter=No.
func (s *Sentence) Tokens() []model.Token {
	toks := make([]model.Token, len(s.Words))
	off := 0
	for i, w := range s.Words {
		space := MiscValue(w.Misc, "SpaceAfter") != "No"
		toks[i] = model.Token{
			Text: w.Form, Span: model.Span{Start: off, End: off + len(w.Form)},
			Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS, Head: w.Head, Deprel: w.Deprel,
			SpaceAfter: space,
		}
		off += len(w.Form)
		if space {
			off++
		}
	}
	return toks
}
