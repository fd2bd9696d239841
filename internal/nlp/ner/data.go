package ner

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/conllu"
)

// Entity types.
const (
	PERSON = "PERSON"
	ORG    = "ORG"
	GPE    = "GPE"
	LOC    = "LOC"
	NORP   = "NORP"
)

// Mention is a gold or predicted entity: a token range [First, Last]
// (the whole mention, as GUM annotates it), a type and, for predicted
// mentions, the token range of the name in it (-1, -1 for a person
// mention without a name: "Professor of History at ...").
type Mention struct {
	First, Last         int
	Type                string
	NameFirst, NameLast int
}

// Sentence is an annotated sentence from a reference corpus.
type Sentence struct {
	Words []string
	UPOS  []string // gold UPOS when the corpus has it, else nil
	// Tokens carry the gold tags and dependency tree when the corpus has
	// them (GUM), else nil.
	Tokens   []model.Token
	Mentions []Mention // gold mentions; they may nest (GUM)
	// Described are the gold mentions headed by a common noun with a
	// name under it ("rapper Kanye West", GUM only): First and Last are
	// the mention, NameFirst and NameLast the name. They are not scored
	// (their head is not a proper noun), but the name is a mention the
	// recognizer should find.
	Described []Mention
	Doc       string // document id, when known
	Pos       string // "file:line" of the sentence, for messages
}

// ReadIOB2 reads a CoNLL-style IOB2 file (UNER): one token per line with
// the index, the word and the tag in the first three tab-separated
// columns, "#" comments, blank lines between sentences. PER, ORG and LOC
// map to PERSON, ORG and GPE/LOC (by PlaceType); other types are dropped.
// An I- tag that does not continue an entity of its type starts one, as in
// conlleval. Malformed lines give an error "name:line: reason".
func ReadIOB2(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), conllu.MaxLineBytes)
	var out []Sentence
	var cur Sentence
	var tags []string
	doc := ""
	lineNo := 0
	flush := func() {
		if len(cur.Words) > 0 {
			cur.Mentions = decodeIOB(cur.Words, tags)
			cur.Doc = doc
			out = append(out, cur)
		}
		cur, tags = Sentence{}, nil
	}
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(line) == "":
			flush()
			continue
		case strings.HasPrefix(line, "#"):
			if k, v, ok := strings.Cut(strings.TrimPrefix(line, "#"), "="); ok && strings.TrimSpace(k) == "newdoc id" {
				doc = strings.TrimSpace(v)
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			return nil, fmt.Errorf("%s:%d: expected at least 3 tab-separated columns, found %d", name, lineNo, len(cols))
		}
		if _, err := strconv.Atoi(cols[0]); err != nil {
			return nil, fmt.Errorf("%s:%d: bad token index %q", name, lineNo, cols[0])
		}
		tag := cols[2]
		if tag != "O" && !(len(tag) > 2 && (tag[:2] == "B-" || tag[:2] == "I-")) {
			return nil, fmt.Errorf("%s:%d: bad tag %q (want O, B-TYPE or I-TYPE)", name, lineNo, tag)
		}
		if cols[1] == "" {
			return nil, fmt.Errorf("%s:%d: empty word", name, lineNo)
		}
		if len(cur.Words) == 0 {
			cur.Pos = fmt.Sprintf("%s:%d", name, lineNo)
		}
		cur.Words = append(cur.Words, cols[1])
		tags = append(tags, tag)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("%s:%d: line longer than %d bytes", name, lineNo+1, conllu.MaxLineBytes)
		}
		return nil, fmt.Errorf("%s:%d: %w", name, lineNo, err)
	}
	flush()
	return out, nil
}

func decodeIOB(words, tags []string) []Mention {
	var ms []Mention
	open := -1
	typ := ""
	closeAt := func(end int) {
		if open >= 0 {
			if t := mapType(typ, words[open:end]); t != "" {
				ms = append(ms, Mention{First: open, Last: end - 1, Type: t})
			}
		}
		open = -1
	}
	for i, tag := range tags {
		switch {
		case tag == "O":
			closeAt(i)
		case tag[:2] == "B-" || open < 0 || tag[2:] != typ:
			closeAt(i)
			open, typ = i, tag[2:]
		}
	}
	closeAt(len(tags))
	return ms
}

// mapType maps corpus types (UNER PER/ORG/LOC, GUM person/organization/
// place) to ours; "" drops the mention.
func mapType(t string, words []string) string {
	switch t {
	case "PER", "person":
		return PERSON
	case "ORG", "organization":
		return ORG
	case "LOC", "place":
		return PlaceType(words)
	}
	return ""
}

// ReadIOB2File reads an IOB2 file.
func ReadIOB2File(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadIOB2(f, path)
}

// ReadGUM reads a GUM CoNLL-U file and keeps, as gold mentions, the
// entities of type person, organization and place whose head is a proper
// noun: the head is the first word of the mention whose syntactic head lies
// outside it, and it must have UPOS PROPN. Nested mentions that qualify are
// all kept. Those headed by another word with a name under it are kept
// apart, in Described.
func ReadGUM(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	doc := ""
	err := conllu.Read(r, name, func(s *conllu.Sentence) error {
		if id := s.Meta("newdoc id"); id != "" {
			doc = id
		}
		sent := Sentence{Doc: doc, Pos: fmt.Sprintf("%s:%d", name, s.Line), Tokens: s.Tokens()}
		for _, w := range s.Words {
			sent.Words = append(sent.Words, w.Form)
			sent.UPOS = append(sent.UPOS, w.UPOS)
		}
		spans, err := gumEntities(s)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, s.Line, err)
		}
		for _, sp := range spans {
			t := mapType(sp.Type, sent.Words[sp.First:sp.Last+1])
			if t == "" {
				continue
			}
			if HeadedByProperNoun(sent.Tokens, sp.First, sp.Last) {
				sent.Mentions = append(sent.Mentions, Mention{First: sp.First, Last: sp.Last, Type: t})
			} else if first, last := describedName(sent.Tokens, sp.First, sp.Last); first >= 0 {
				sent.Described = append(sent.Described, Mention{First: sp.First, Last: sp.Last, Type: t, NameFirst: first, NameLast: last})
			}
		}
		out = append(out, sent)
		return nil
	})
	return out, err
}

// ReadGUMFile reads a GUM CoNLL-U file.
func ReadGUMFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadGUM(f, path)
}

// gumEntities parses the Entity= annotations of a sentence. An entity
// opens with "(id-type-..." and closes with "id)" (or ")" right after the
// opening fields for a one-word mention). Mentions are returned with the
// GUM type.
func gumEntities(s *conllu.Sentence) ([]Mention, error) {
	type open struct {
		id    string
		first int
		typ   string
	}
	var stack []open
	var out []Mention
	for i, w := range s.Words {
		v := conllu.MiscValue(w.Misc, "Entity")
		for j := 0; j < len(v); {
			if v[j] == '(' {
				k := j + 1
				for k < len(v) && v[k] != '(' && v[k] != ')' {
					k++
				}
				fields := strings.Split(v[j+1:k], "-")
				if len(fields) < 2 || fields[0] == "" {
					return nil, fmt.Errorf("word %d: bad entity opening %q", w.ID, v[j:k])
				}
				if k < len(v) && v[k] == ')' {
					out = append(out, Mention{First: i, Last: i, Type: fields[1]})
					k++
				} else {
					stack = append(stack, open{id: fields[0], first: i, typ: fields[1]})
				}
				j = k
				continue
			}
			k := j
			for k < len(v) && v[k] >= '0' && v[k] <= '9' {
				k++
			}
			if k == j || k >= len(v) || v[k] != ')' {
				return nil, fmt.Errorf("word %d: bad entity annotation %q", w.ID, v)
			}
			id := v[j:k]
			found := false
			for n := len(stack) - 1; n >= 0; n-- {
				if stack[n].id == id {
					out = append(out, Mention{First: stack[n].first, Last: i, Type: stack[n].typ})
					stack = append(stack[:n], stack[n+1:]...)
					found = true
					break
				}
			}
			if !found {
				return nil, fmt.Errorf("word %d: entity %s closed but not open", w.ID, id)
			}
			j = k + 1
		}
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("entity %s opened at word %d is not closed", stack[0].id, stack[0].first+1)
	}
	return out, nil
}

// describedName returns the name under the head of the mention [first,
// last]: its first proper noun attached to the head as flat or appos
// ("Biologist Nick Bos", "the physician Yang Buwei") with the flat words
// after it ("Bos", "Buwei"); or -1, -1. Other proper nouns under a common
// noun are not its name ("speakers of Kujireray", "Wave 4 respondents").
func describedName(toks []model.Token, first, last int) (int, int) {
	h := MentionHead(toks, first, last)
	for i := first; i <= last; i++ {
		if toks[i].Head-1 != h || toks[i].UPOS != "PROPN" || !hasRel(toks[i], "flat", "appos") {
			continue
		}
		end := i
		for end < last {
			n := toks[end+1]
			if g := n.Head - 1; !hasRel(n, "flat") || g != h && (g < i || g > end) {
				break
			}
			end++
		}
		return i, end
	}
	return -1, -1
}

// hasRel reports whether t's relation, without subtype, is one of rels.
func hasRel(t model.Token, rels ...string) bool {
	rel, _, _ := strings.Cut(t.Deprel, ":")
	return slices.Contains(rels, rel)
}

// MentionHead returns the head of the mention [first, last] in the tree
// of toks: its first word attached outside it.
func MentionHead(toks []model.Token, first, last int) int {
	for i := first; i <= last; i++ {
		if h := toks[i].Head - 1; h < first || h > last {
			return i
		}
	}
	return first
}

// HeadedByProperNoun reports whether the head of the mention [first,
// last] is a proper noun, by the tags and tree of toks. It defines the
// mentions GUM is scored on: a gold mention by the gold analysis, a
// predicted one by the recognizer's own ("the rapper Kanye West" is
// headed by "rapper" in GUM and not scored).
func HeadedByProperNoun(toks []model.Token, first, last int) bool {
	return toks[MentionHead(toks, first, last)].UPOS == "PROPN"
}

// ReadGUMSplits reads GUM's splits.md ("## dev" headings followed by
// "  * GUM_news_iodine" items) into a map from document name to split.
func ReadGUMSplits(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	split := ""
	for n, line := range strings.Split(string(b), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, "## "):
			split = strings.TrimSpace(t[3:])
		case strings.HasPrefix(t, "* "):
			if split == "" {
				return nil, fmt.Errorf("%s:%d: document listed before any split heading", path, n+1)
			}
			out[strings.TrimSpace(t[2:])] = split
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no documents listed", path)
	}
	return out, nil
}
