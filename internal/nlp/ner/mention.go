package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/lemma"
)

// Span kinds: the ways a candidate's mention span is cut from the tree.
// GUM mentions are the projection of their head under GUM's conventions;
// where those conventions vary (a trailing "of ..." or "in ..." phrase, a
// coordination, an apposition) each reading is a candidate and the typer,
// which sees the kind, picks.
const (
	spanBase  = iota // the head's nominal dependents (spanRel)
	spanShort        // base without the modifiers after the name
	spanCoord        // base with the coordinated conjuncts
	spanAppos        // base with the appositions
	spanRun          // the run of capitalised words around the head, as a fallback for parse errors
	numSpanKinds
)

// candidate is a possible mention: a head token and one span around it.
type candidate struct {
	head        int
	first, last int // the mention span, inclusive
	kind        int
}

// tree is a sentence prepared for finding mentions: its dependency
// structure and which words may be part of a name.
type tree struct {
	toks     []model.Token
	lex      *Lexicon
	children [][]int  // children[i] lists the dependents of token i in order
	rel      []string // deprel without subtype
	lower    []string
	// nameWord[i]: token i is capitalised or a proper noun; in a
	// title-cased headline, only if it is not a word mostly written in
	// lower case ("Zelensky Pursues White House Meeting").
	nameWord []bool
	headline bool
	buf      []byte // scratch for dictionary lookups
}

func (t *tree) reset(toks []model.Token, lex *Lexicon) {
	n := len(toks)
	t.toks, t.lex = toks, lex
	if cap(t.children) < n {
		t.children = make([][]int, n)
		t.rel = make([]string, n)
		t.lower = make([]string, n)
		t.nameWord = make([]bool, n)
	}
	t.children, t.rel, t.lower, t.nameWord = t.children[:n], t.rel[:n], t.lower[:n], t.nameWord[:n]
	for i := range t.children {
		t.children[i] = t.children[i][:0]
	}
	t.headline = isHeadline(toks)
	for i, tk := range toks {
		rel, _, _ := strings.Cut(tk.Deprel, ":")
		t.rel[i] = rel
		if h := tk.Head - 1; h >= 0 && h < n && h != i {
			t.children[h] = append(t.children[h], i)
		}
		t.lower[i] = strings.ToLower(tk.Text)
		t.nameWord[i] = isCapitalized(tk.Text) || tk.UPOS == "PROPN" && isWordLike(tk.Text)
		if t.headline && t.nameWord[i] && t.commonWord(i) {
			t.nameWord[i] = false
		}
	}
}

// commonWord reports a word mostly written in lower case, or whose base
// form as a verb or plural noun is ("Pursues", "Efforts"), that is not a
// title or a listed given name ("Will", "Mark"). (The tagger takes most
// capitalised headline words for proper nouns, so their lemma is no help.)
func (t *tree) commonWord(i int) bool {
	tk := &t.toks[i]
	if inSet(givenNames, tk.Text) || gazClass(tk.Text) == gzTitle {
		return false
	}
	if t.lex.mostlyLower(t.lower[i]) {
		return true
	}
	for _, xpos := range [...]string{"VBZ", "VBD", "VBG", "NNS"} {
		upos := "VERB"
		if xpos == "NNS" {
			upos = "NOUN"
		}
		if b := lemma.Lemma(t.lower[i], upos, xpos); b != t.lower[i] && t.lex.mostlyLower(b) {
			return true
		}
	}
	return false
}

// hasCommonCapital reports a capitalised word in [first, last] that is
// not a name word.
func (t *tree) hasCommonCapital(first, last int) bool {
	for i := first; i <= last; i++ {
		if !t.nameWord[i] && isCapitalized(t.toks[i].Text) {
			return true
		}
	}
	return false
}

// isTitle reports a title before a person's name: listed ("President"),
// or a capitalised common noun ("Administrator", "Professor").
func (t *tree) isTitle(i int) bool {
	w := t.toks[i].Text
	return gazClass(w) == gzTitle || isCapitalized(w) && t.lex.mostlyLower(t.lower[i]) && !inSet(givenNames, w)
}

// isHeadline reports title-cased text: at least four words of four
// letters or more, three quarters of them capitalised.
func isHeadline(toks []model.Token) bool {
	n, caps := 0, 0
	for _, tk := range toks {
		if !isWordLike(tk.Text) || len(tk.Text) < 4 {
			continue
		}
		n++
		if isCapitalized(tk.Text) {
			caps++
		}
	}
	return n >= 4 && caps*4 >= n*3
}

// isNameHead reports whether token i may head a name: a proper noun, or a
// capitalised word the tagger took for another part of speech (taggers
// trained on other text miss many names), that is not the continuation of
// another name (flat: "Lee" in "Ann Lee").
func (t *tree) isNameHead(i int) bool {
	if !t.nameWord[i] {
		return false
	}
	switch t.toks[i].UPOS {
	case "PROPN", "NOUN", "ADJ", "X", "VERB", "ADV":
	default:
		return false
	}
	switch t.rel[i] {
	case "flat", "fixed", "goeswith":
		return false
	}
	return true
}

// spanRel says how a dependent of a mention's head enters its span: GUM
// mentions are noun phrases, so the clause around the head (subject,
// copula, coordination, apposition) and a preposition before it stay out;
// everything else, with its whole subtree, is in.
func spanRel(rel string, before bool) int {
	switch rel {
	case "case":
		if before {
			return relOut // "in Paris"; a possessive "'s" after the head is in
		}
	case "conj", "cc":
		return relCoord
	case "appos":
		return relAppos
	case "nmod", "acl":
		if !before {
			return relPost
		}
	case "advmod", "cop", "nsubj", "csubj", "aux", "mark", "obl", "obj", "iobj", "expl", "parataxis",
		"discourse", "orphan", "list", "vocative", "dep", "reparandum", "advcl", "ccomp", "xcomp":
		return relOut
	}
	return relIn
}

// Relations of a head's dependent to its mention span.
const (
	relIn    = iota
	relOut   // never in the span
	relPost  // in, except in the short span
	relCoord // in the coordination span only
	relAppos // in the apposition span only
)

// candidates appends the candidate mentions of the sentence: for each name
// head, its base span and each distinct variant.
func (t *tree) candidates(out []candidate, mark []bool) []candidate {
	for h := range t.toks {
		if !t.isNameHead(h) {
			continue
		}
		has := [numSpanKinds]bool{spanBase: true, spanRun: true}
		for _, c := range t.children[h] {
			switch spanRel(t.rel[c], c < h) {
			case relPost:
				has[spanShort] = true
			case relCoord:
				has[spanCoord] = has[spanCoord] || t.rel[c] == "conj"
			case relAppos:
				has[spanAppos] = true
			}
		}
		base := candidate{first: -1}
		for kind, ok := range has {
			if !ok {
				continue
			}
			first, last := t.span(h, kind, mark)
			// In a title-cased headline, capitals do not mark names, and
			// its tree is unreliable: no span may hold a capitalised
			// common word ("Zelensky Pursues White House Meeting").
			if t.headline && t.hasCommonCapital(first, last) || first == base.first && last == base.last {
				continue // the second: e.g. a short span when the modifier is inside the name
			}
			c := candidate{head: h, first: first, last: last, kind: kind}
			if kind == spanBase {
				base = c
			}
			out = append(out, c)
		}
	}
	return out
}

// span returns the span of kind around head h: the contiguous run of
// tokens around h that belong to its subtree through the dependents the
// kind admits, without punctuation at the edges. mark is scratch of the
// sentence's length.
func (t *tree) span(h, kind int, mark []bool) (first, last int) {
	if kind == spanRun {
		return t.run(h)
	}
	clear(mark)
	mark[h] = true
	for _, c := range t.children[h] {
		in := false
		switch spanRel(t.rel[c], c < h) {
		case relIn:
			in = true
		case relPost:
			in = kind != spanShort
		case relCoord:
			in = kind == spanCoord
		case relAppos:
			in = kind == spanAppos
		}
		if in {
			t.markSubtree(c, mark, 0)
		}
	}
	first, last = h, h
	for first > 0 && mark[first-1] {
		first--
	}
	for last+1 < len(mark) && mark[last+1] {
		last++
	}
	for first < h && t.toks[first].UPOS == "PUNCT" {
		first++
	}
	for last > h && t.toks[last].UPOS == "PUNCT" {
		last--
	}
	return first, last
}

// markSubtree marks i and its descendants; depth bounds the recursion on
// malformed (cyclic) trees.
func (t *tree) markSubtree(i int, mark []bool, depth int) {
	if mark[i] || depth > len(mark) {
		return
	}
	mark[i] = true
	for _, c := range t.children[i] {
		t.markSubtree(c, mark, depth+1)
	}
}

// run returns the run of name words around h, joined by hyphens and "of",
// with a "the" before it and a possessive after it.
func (t *tree) run(h int) (first, last int) {
	toks := t.toks
	capital := func(i int) bool { return i >= 0 && i < len(toks) && t.nameWord[i] }
	first, last = h, h
	for {
		switch {
		case capital(first - 1):
			first--
			continue
		case first >= 2 && (toks[first-1].Text == "-" || toks[first-1].Text == "of") && capital(first-2):
			first -= 2
			continue
		}
		break
	}
	for {
		switch {
		case capital(last + 1):
			last++
			continue
		case last+2 < len(toks) && (toks[last+1].Text == "-" || toks[last+1].Text == "of") && capital(last+2):
			last += 2
			continue
		}
		break
	}
	if first > 0 && isDeterminer(toks[first-1].Text) {
		first--
	}
	if last+1 < len(toks) && isPossessive(toks[last+1].Text) {
		last++
	}
	return first, last
}

// mention returns candidate c as a mention of class typ (PERSON, ORG or
// place), with its name: the name words around the head inside the span,
// without a leading determiner; for a person, the last of them that are
// not titles, nationalities or descriptions ("Ukrainian President
// Volodymyr Zelensky" -> "Volodymyr Zelensky"); for other types, without
// listed titles after the head ("U.S. Ambassador" -> "U.S."). A person
// mention that holds no name ("Professor of History at ...") gets
// NameFirst = NameLast = -1.
func (t *tree) mention(c candidate, typ string) Mention {
	// A person's name holds particles ("bin", "van"), not "of": "Martin
	// Smith of PBS".
	connector := func(i int) bool { return t.toks[i].Text == "-" || t.lower[i] == "of" }
	if typ == PERSON {
		connector = func(i int) bool { return t.toks[i].Text == "-" || isParticle(t.lower[i]) }
	}
	first, last := c.head, c.head
	for first > c.first && (t.nameWord[first-1] || first-2 >= c.first && connector(first-1) && t.nameWord[first-2]) {
		first--
	}
	for last < c.last && (t.nameWord[last+1] || last+2 <= c.last && connector(last+1) && t.nameWord[last+2]) {
		last++
	}
	if typ == PERSON {
		i := last
		for i >= first && !t.isTitle(i) && gazClass(t.toks[i].Text) != gzNORP {
			i--
		}
		first = i + 1
		if first > last {
			return Mention{First: c.first, Last: c.last, NameFirst: -1, NameLast: -1, Type: PERSON}
		}
	} else if last > c.head && gazClass(t.toks[c.head+1].Text) == gzTitle {
		last = c.head // "U.S. Ambassador"
	}
	for first < last && isDeterminer(t.toks[first].Text) {
		first++
	}
	words := make([]string, 0, last-first+1)
	for i := first; i <= last; i++ {
		words = append(words, t.toks[i].Text)
	}
	switch typ {
	case place:
		typ = PlaceType(words)
	case PERSON:
		typ = personOrPlace(words)
	}
	return Mention{First: c.first, Last: c.last, NameFirst: first, NameLast: last, Type: typ}
}

// isParticle reports lower-case words inside personal names.
func isParticle(w string) bool {
	switch w {
	case "bin", "ibn", "al", "de", "da", "di", "du", "la", "le", "von", "van", "der", "den", "del":
		return true
	}
	return false
}

// nameRange returns the run of name words around c's head inside its
// span.
func (t *tree) nameRange(c candidate) (first, last int) {
	first, last = c.head, c.head
	for first > c.first && t.nameWord[first-1] {
		first--
	}
	for last < c.last && t.nameWord[last+1] {
		last++
	}
	return first, last
}

// nameAround returns the name words around c's head inside its span,
// joined by spaces: the name a document-level pass looks up.
func (t *tree) nameAround(c candidate) string {
	first, last := t.nameRange(c)
	for first < last && isDeterminer(t.toks[first].Text) {
		first++
	}
	var b strings.Builder
	for i := first; i <= last; i++ {
		if i > first {
			b.WriteByte(' ')
		}
		b.WriteString(t.toks[i].Text)
	}
	return b.String()
}

// personOrPlace corrects a PERSON that is just a listed country, state or
// city (GPE) or continent (LOC): the typer, trained on little news,
// sometimes calls "Russia" a person. ORG is left alone: GUM calls a
// country acting as a government ("Canada said") an organization.
func personOrPlace(name []string) string {
	if len(name) != 1 || inSet(givenNames, name[0]) || name[0] == "Washington" || name[0] == "Jordan" {
		return PERSON // also a person's name
	}
	switch gazClass(name[0]) {
	case gzCountry:
		return GPE
	case gzContinent:
		return LOC
	}
	return PERSON
}

func isDeterminer(w string) bool { return w == "the" || w == "The" }

func isPossessive(w string) bool { return w == "'s" || w == "’s" || w == "'" || w == "’" }

func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
