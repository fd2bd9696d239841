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
// its base span.
func typerFeatures(buf []linear.Feature, t *tree, c candidate) []linear.Feature {
	return candidateFeatures(buf, t, c)
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
	nf, nl := c.head, c.head
	for nf > c.first && t.nameWord[nf-1] {
		nf--
	}
	for nl < c.last && t.nameWord[nl+1] {
		nl++
	}
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

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
