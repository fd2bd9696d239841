package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/nlp/linear"
)

// Feature templates. The numbers are part of the model format: changing
// one requires retraining.
const (
	tBias = iota + 1
	tKind
	tKindRel
	tHeadLower
	tHeadForm
	tHeadShape
	tHeadSuffix3
	tHeadPOS
	tHeadGaz
	tHeadCase
	tSpanLen
	tFirstWord
	tLastWord
	tSpanWord
	tSpanGaz
	tRel
	tGovWord
	tGovPOS
	tRelGov
	tCaseWord
	tPrevWord
	tNextWord
	tPrevShape
	tNextShape
	tChildRel
	tNameLen
	tNameFirst
	tNameLast
	tNameCase
	tSentStart
	tKindPOS
	tHeadline
	tCapitals
	tPrevWordRel
	tType
	tTypeKind
	tTypeKindRel
	tTypeLast
	tTypeNext
	tDictHead
	tDictMatch
	tDictFirst
	tDictLast
	tDictGov
	tConvRel
	tConvGov
	tConvCase
	tConvNext
)

// shape maps a word to its character classes with runs collapsed:
// "Zelensky" -> "Xx", "U.S." -> "X.X.", "2019" -> "d", "al-Sudani" -> "x-Xx".
func shape(w string) string {
	var b [16]byte
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		if n == len(b) {
			break
		}
		b[n] = c
		n++
	}
	return string(b[:n])
}

// suffix returns the last n runes of w (all of w if shorter).
func suffix(w string, n int) string {
	i := len(w)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return w[i:]
}

// maxSpanWords bounds the per-word features of long spans.
const maxSpanWords = 8

// typerFeatures appends the features for typing the head of candidate c,
// its base span: those of the candidate, what the dictionaries know of its
// name, and the name's role in the sentence when it is a listed place.
func typerFeatures(buf []linear.Feature, t *tree, c candidate) []linear.Feature {
	buf = candidateFeatures(buf, t, c)
	buf, cls := dictFeatures(buf, t, c)
	return conventionFeatures(buf, t, c, cls)
}

// spanFeatures appends the features for choosing span c for a head of
// class typ: those of the span, alone and with the type.
func spanFeatures(buf []linear.Feature, t *tree, c candidate, typ int) []linear.Feature {
	f := linear.Template
	ty, kind := uint64(typ), uint64(c.kind)
	buf = candidateFeatures(buf, t, c)
	next := "</s>"
	if c.last+1 < len(t.toks) {
		next = t.lower[c.last+1]
	}
	return append(buf,
		f(tType).Int(ty),
		f(tTypeKind).Int(ty).Int(kind),
		f(tTypeKindRel).Int(ty).Int(kind).Str(t.rel[c.head]),
		f(tTypeLast).Int(ty).Str(t.lower[c.last]),
		f(tTypeNext).Int(ty).Str(next),
	)
}

// candidateFeatures appends the features of candidate c: the head word,
// the span and the name in it, the head's place in the tree (relation,
// governor, preposition, dependents) and the words around the span.
func candidateFeatures(buf []linear.Feature, t *tree, c candidate) []linear.Feature {
	f := linear.Template
	toks := t.toks
	h := &toks[c.head]
	kind := uint64(c.kind)
	buf = append(buf,
		f(tBias),
		f(tKind).Int(kind),
		f(tKindRel).Int(kind).Str(t.rel[c.head]),
		f(tKindPOS).Int(kind).Str(h.UPOS),
		f(tHeadLower).Str(t.lower[c.head]),
		f(tHeadForm).Str(h.Text),
		f(tHeadShape).Str(shape(h.Text)),
		f(tHeadSuffix3).Str(suffix(t.lower[c.head], 3)),
		f(tHeadPOS).Str(h.XPOS).Str(h.UPOS),
		f(tHeadGaz).Int(uint64(gazClass(h.Text))),
		f(tHeadCase).Int(t.lex.bucket(t.lower[c.head])),
		f(tSpanLen).Int(uint64(min(c.last-c.first+1, 6))).Int(kind),
		f(tFirstWord).Str(t.lower[c.first]),
		f(tLastWord).Str(t.lower[c.last]),
		f(tRel).Str(toks[c.head].Deprel),
		f(tHeadline).Int(b2u(t.headline)).Int(t.lex.bucket(t.lower[c.head])),
	)
	if c.first == 0 {
		buf = append(buf, f(tSentStart).Str(shape(h.Text)))
	}
	caps := 0
	for i := c.first; i <= c.last && i < c.first+maxSpanWords; i++ {
		if i != c.head {
			buf = append(buf, f(tSpanWord).Str(t.lower[i]))
		}
		if g := gazClass(toks[i].Text); g != gzNone {
			buf = append(buf, f(tSpanGaz).Int(uint64(g)))
		}
		if t.nameWord[i] {
			caps++
		}
	}
	buf = append(buf, f(tCapitals).Int(uint64(min(caps, 5))).Int(uint64(min(c.last-c.first+1, 6))))
	nf, nl := t.nameRange(c)
	buf = append(buf,
		f(tNameLen).Int(uint64(min(nl-nf+1, 4))),
		f(tNameFirst).Str(t.lower[nf]),
		f(tNameLast).Str(t.lower[nl]),
		f(tNameCase).Int(t.lex.bucket(t.lower[nf])).Int(t.lex.bucket(t.lower[nl])),
	)
	if g := toks[c.head].Head - 1; g >= 0 && g < len(toks) {
		buf = append(buf,
			f(tGovWord).Str(t.lower[g]),
			f(tGovPOS).Str(toks[g].UPOS),
			f(tRelGov).Str(t.rel[c.head]).Str(t.lower[g]),
		)
	} else {
		buf = append(buf, f(tGovWord).Str("<root>"))
	}
	for _, d := range t.children[c.head] {
		buf = append(buf, f(tChildRel).Str(toks[d].Deprel).Int(b2u(d >= c.first && d <= c.last)))
		if t.rel[d] == "case" && d < c.head {
			buf = append(buf, f(tCaseWord).Str(t.lower[d]))
		}
	}
	prev, next, prevShape, nextShape := "<s>", "</s>", "<s>", "</s>"
	if c.first > 0 {
		prev, prevShape = t.lower[c.first-1], shape(toks[c.first-1].Text)
	}
	if c.last+1 < len(toks) {
		next, nextShape = t.lower[c.last+1], shape(toks[c.last+1].Text)
	}
	return append(buf,
		f(tPrevWord).Str(prev),
		f(tNextWord).Str(next),
		f(tPrevShape).Str(prevShape),
		f(tNextShape).Str(nextShape),
		f(tPrevWordRel).Str(prev).Str(t.rel[c.head]),
	)
}

// dictFeatures appends what the dictionaries say about candidate c: the
// classes of its head word, of the longest listed phrase in its name that
// holds the head (and whether that is the whole name), of the name's first
// and last words, and whether the head modifies a sector or title word
// ("Russia 's government", "the Kyiv authorities"). It returns the
// classes of the name: of that longest phrase, or of the head word alone.
func dictFeatures(buf []linear.Feature, t *tree, c candidate) ([]linear.Feature, dictClass) {
	f := linear.Template
	name := phraseClass(t.toks[c.head].Text)
	buf = appendClasses(buf, f(tDictHead), name)
	if nf, nl := t.nameRange(c); nf < nl {
		var mf, ml int
		mf, ml, name = t.longestPhrase(nf, nl, c.head)
		buf = appendClasses(buf, f(tDictMatch).Int(b2u(mf == nf && ml == nl)), name)
		buf = appendClasses(buf, f(tDictFirst), phraseClass(t.toks[nf].Text))
		buf = appendClasses(buf, f(tDictLast), phraseClass(t.toks[nl].Text))
	}
	if g := t.toks[c.head].Head - 1; g >= 0 && g < len(t.toks) && dictPhrases[t.toks[g].Lemma]&dAgent != 0 {
		buf = append(buf, f(tDictGov).Str(t.rel[c.head]))
	}
	return buf, name
}

// appendClasses appends one feature per class in cls.
func appendClasses(buf []linear.Feature, f linear.Feature, cls dictClass) []linear.Feature {
	for k := range numDictClasses {
		if cls&(1<<k) != 0 {
			buf = append(buf, f.Int(uint64(k)))
		}
	}
	return buf
}

// longestPhrase returns the longest run of tokens in [first, last] that
// holds h and is a listed phrase, with its classes (cls 0 if none).
func (t *tree) longestPhrase(first, last, h int) (mf, ml int, cls dictClass) {
	best := -1
	for i := first; i <= h; i++ {
		t.buf = t.buf[:0]
		for j := i; j <= last; j++ {
			if j > i {
				t.buf = append(t.buf, ' ')
			}
			t.buf = append(t.buf, t.toks[j].Text...)
			if j < h || j-i <= best {
				continue
			}
			// Indexing with string(t.buf) does not allocate.
			c, ok := dictPhrases[string(t.buf)]
			if _, org := orgNames[string(t.buf)]; org {
				c, ok = c|dOrg, true
			}
			if ok {
				mf, ml, cls, best = i, j, c, j-i
			}
		}
	}
	return mf, ml, cls
}

// conventionFeatures appends, for a name the gazetteers list as a place
// (or the dictionaries as anything: classes name), its class with its relation, its
// governor, its preposition and the next word: GUM types a country by
// its role, a place "in Sweden" but an organization when it acts
// ("Sweden defeated Panama").
func conventionFeatures(buf []linear.Feature, t *tree, c candidate, name dictClass) []linear.Feature {
	nf, nl := t.nameRange(c)
	kind := uint64(name) << 8
	for i := nf; i <= nl; i++ {
		switch gazClass(t.toks[i].Text) {
		case gzCountry:
			kind |= 1
		case gzContinent:
			kind |= 2
		}
	}
	if kind == 0 {
		return buf
	}
	f := linear.Template
	gov := "<root>"
	if g := t.toks[c.head].Head - 1; g >= 0 && g < len(t.toks) {
		gov = t.toks[g].Lemma
	}
	next := "</s>"
	if nl+1 < len(t.toks) {
		next = t.lower[nl+1]
	}
	buf = append(buf,
		f(tConvRel).Int(kind).Str(t.toks[c.head].Deprel),
		f(tConvGov).Int(kind).Str(t.rel[c.head]).Str(gov),
		f(tConvNext).Int(kind).Str(next),
	)
	for _, d := range t.children[c.head] {
		if t.rel[d] == "case" {
			buf = append(buf, f(tConvCase).Int(kind).Str(t.lower[d]))
		}
	}
	return buf
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
