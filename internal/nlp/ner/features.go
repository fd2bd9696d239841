package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/nlp/linear"
)

// Feature templates. The numbers are part of the model format: changing
// one requires retraining.
const (
	tBias = iota + 1
	tLower
	tShape
	tSuffix3
	tSuffix4
	tPrefix3
	tPrevWord
	tNextWord
	tPrev2Word
	tNext2Word
	tPrevShape
	tNextShape
	tBigramPrev
	tBigramNext
	tGaz
	tPrevGaz
	tNextGaz
	tPrevTag
	tPrev2Tags
	tPrevTagWord
	tPrevTagShape
	tFirst
	tShapeTrigram
	tForm
	tPrevTagGaz
	tNext2Gaz
	tPrev2Gaz
	tSuffix2
	tRunPos
	tRunFirst
	tRunLast
	tNextRunLast
	tRunPosGaz
	tCase
	tPrevCase
	tNextCase
	tCaseShape
	tCaseRun
)

// tokenInfo holds per-token hashes computed once per sentence, so that
// the per-tag features only mix integers.
type tokenInfo struct {
	lower, shape, form, suf2, suf3, suf4, pre3 uint64
	gaz                                        uint64
	lex                                        uint64 // Lexicon bucket
	// The capitalised run around the token ("Kennedy Space Center",
	// "Museum of Flight"): position (B, I, L, U; 0 outside) with the run
	// length (capped at 4), and the first and last words of the run. Name
	// boundaries follow runs, and their last word often gives the type.
	runPos, runFirst, runLast uint64
	nextRunLast               uint64 // last word of a run starting at the next token
}

// boundary hashes stand for the words before the start and after the end.
var (
	hStart = linear.HashString("<s>")
	hEnd   = linear.HashString("</s>")
)

func analyse(words []string, info []tokenInfo, lex *Lexicon) {
	for i, w := range words {
		low := strings.ToLower(w)
		info[i] = tokenInfo{
			lower: linear.HashString(low),
			shape: linear.HashString(shape(w)),
			form:  linear.HashString(w),
			suf2:  linear.HashString(suffix(low, 2)),
			suf3:  linear.HashString(suffix(low, 3)),
			suf4:  linear.HashString(suffix(low, 4)),
			pre3:  linear.HashString(prefix(low, 3)),
			gaz:   uint64(gazClass(w)),
			lex:   lex.bucket(low),
		}
	}
	for i := 0; i < len(words); {
		if !isCapitalized(words[i]) {
			i++
			continue
		}
		j := i
		for j+1 < len(words) && (isCapitalized(words[j+1]) ||
			j+2 < len(words) && isConnector(words[j+1]) && isCapitalized(words[j+2])) {
			j++
		}
		n := uint64(min(j-i+1, 4))
		for k := i; k <= j; k++ {
			p := uint64(2) // I
			switch {
			case i == j:
				p = 4 // U
			case k == i:
				p = 1 // B
			case k == j:
				p = 3 // L
			}
			info[k].runPos = p*8 + n
			info[k].runFirst = info[i].lower
			info[k].runLast = info[j].lower
		}
		if i > 0 {
			info[i-1].nextRunLast = info[j].lower
		}
		i = j + 1
	}
}

// isConnector reports words that may join a capitalised name run.
func isConnector(w string) bool {
	switch w {
	case "of", "and", "&", "for", "de", "-", "du", "la", "von", "van", "der", "al":
		return true
	}
	return false
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

func prefix(w string, n int) string {
	i := 0
	for ; n > 0 && i < len(w); n-- {
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
	}
	return w[:i]
}

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

// features appends the features of token i given the two previous tags
// (class ids; -1 before the start).
func features(buf []linear.Feature, info []tokenInfo, i, prev, prev2 int) []linear.Feature {
	t := func(id uint64) linear.Feature { return linear.Template(id) }
	cur := info[i]
	pw, nw, p2w, n2w := hStart, hEnd, hStart, hEnd
	ps, ns := hStart, hEnd
	var pg, ng, p2g, n2g uint64 = 100, 100, 100, 100
	var pl, nl uint64 = 100, 100
	if i > 0 {
		pw, ps, pg, pl = info[i-1].lower, info[i-1].shape, info[i-1].gaz, info[i-1].lex
	}
	if i > 1 {
		p2w, p2g = info[i-2].lower, info[i-2].gaz
	}
	if i+1 < len(info) {
		nw, ns, ng, nl = info[i+1].lower, info[i+1].shape, info[i+1].gaz, info[i+1].lex
	}
	if i+2 < len(info) {
		n2w, n2g = info[i+2].lower, info[i+2].gaz
	}
	pt, pt2 := uint64(prev+1), uint64(prev2+1)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	return append(buf,
		t(tBias),
		t(tLower).Int(cur.lower),
		t(tShape).Int(cur.shape),
		t(tSuffix2).Int(cur.suf2),
		t(tSuffix3).Int(cur.suf3),
		t(tSuffix4).Int(cur.suf4),
		t(tPrefix3).Int(cur.pre3),
		t(tForm).Int(cur.form),
		t(tPrevWord).Int(pw),
		t(tNextWord).Int(nw),
		t(tPrev2Word).Int(p2w),
		t(tNext2Word).Int(n2w),
		t(tPrevShape).Int(ps),
		t(tNextShape).Int(ns),
		t(tBigramPrev).Int(pw).Int(cur.lower),
		t(tBigramNext).Int(cur.lower).Int(nw),
		t(tGaz).Int(cur.gaz),
		t(tPrevGaz).Int(pg),
		t(tNextGaz).Int(ng),
		t(tPrev2Gaz).Int(p2g),
		t(tNext2Gaz).Int(n2g),
		t(tPrevTag).Int(pt),
		t(tPrev2Tags).Int(pt2).Int(pt),
		t(tPrevTagWord).Int(pt).Int(cur.lower),
		t(tPrevTagShape).Int(pt).Int(cur.shape),
		t(tPrevTagGaz).Int(pt).Int(cur.gaz),
		t(tFirst).Int(first).Int(cur.shape),
		t(tShapeTrigram).Int(ps).Int(cur.shape).Int(ns),
		t(tRunPos).Int(cur.runPos),
		t(tRunFirst).Int(cur.runFirst),
		t(tRunLast).Int(cur.runLast),
		t(tNextRunLast).Int(cur.nextRunLast),
		t(tRunPosGaz).Int(cur.runPos).Int(cur.gaz),
		t(tCase).Int(cur.lex),
		t(tPrevCase).Int(pl),
		t(tNextCase).Int(nl),
		t(tCaseShape).Int(cur.lex).Int(cur.shape),
		t(tCaseRun).Int(cur.lex).Int(cur.runPos),
	)
}
