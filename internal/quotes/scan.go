package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/model"
)

type itemKind uint8

const (
	itWord  itemKind = iota
	itPunct          // one punctuation character
	itQuote          // a whole quoted segment
	itPara           // a paragraph break
)

// item is one unit of the text as the attribution rules see it: words and
// punctuation outside quotes, and each quoted segment as a single item.
type item struct {
	kind itemKind
	s, e int    // byte span in the document text
	text string // the text of the span
	low  string // lowercased text (for quotes: "")
	seg  int    // segment index, for itQuote
	cap  bool   // word starting with an upper-case letter
	upos string // UPOS from the document's tokens, when analysed
	// Entity types covering the word, from the document's entities when
	// analysed (entities may nest). ORG tags are not used: on the
	// development articles they cost more speakers than they gained.
	person, place bool
	org           bool // an ORG entity: only "the company" is resolved with it
}

// scan turns the document into items and sentences. Sentence boundaries
// outside quotes come from the document's sentences when it has been
// analysed, else from punctuation; boundaries inside quotes are ignored, so a
// quote of several sentences stays one item in one sentence.
type scan struct {
	text  string
	segs  []segment
	items []item
	sents [][2]int // item ranges [from, to)
	para  []int    // paragraph number of each sentence
	deps  *deps    // the dependency parse, nil when the document has none
}

func newScan(doc *model.Document) *scan {
	sc := &scan{text: doc.Text, segs: findSegments(doc.Text), deps: newDeps(doc)}
	pos := 0
	for i, sg := range sc.segs {
		sc.tokenize(pos, sg.start)
		sc.items = append(sc.items, item{kind: itQuote, s: sg.start, e: sg.end, text: doc.Text[sg.start:sg.end], seg: i})
		pos = sg.end
	}
	sc.tokenize(pos, len(doc.Text))
	sc.annotate(doc)
	sc.split(doc)
	return sc
}

// abbreviations keep their final period.
var abbreviations = set(`dr mr mrs ms st jr sr prof gen col lt sgt rep sen gov inc ltd co corp no vs etc
	mt ft capt cmdr adm maj rev hon jan feb mar apr jun jul aug sep sept oct nov dec fr mme`)

func (sc *scan) tokenize(from, to int) {
	t := sc.text
	i := from
	for i < to {
		r, n := utf8.DecodeRuneInString(t[i:])
		switch {
		case r == '\n':
			if len(sc.items) == 0 || sc.items[len(sc.items)-1].kind != itPara {
				sc.items = append(sc.items, item{kind: itPara, s: i, e: i + n})
			}
			i += n
		case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
			i += n // format characters (zero-width joiners) are not words
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := wordEnd(t, i, to)
			// Possessive 's is its own item so that noun phrases can see it;
			// so is the verb of "I'm", "they're", whose pronoun speaks in
			// "I'm like, "..."".
			if k := possessiveAt(t, i, j); k > 0 {
				sc.addWord(i, k)
				sc.items = append(sc.items, item{kind: itWord, s: k, e: j, text: t[k:j], low: "'s"})
			} else if k, low := pronounVerbAt(t, i, j); k > 0 {
				sc.addWord(i, k)
				sc.items = append(sc.items, item{kind: itWord, s: k, e: j, text: t[k:j], low: low})
			} else {
				sc.addWord(i, j)
			}
			// "Bishops' Conference": the plural possessive too.
			if n := pluralPossessive(t, j, to); n > 0 {
				sc.items = append(sc.items, item{kind: itWord, s: j, e: j + n, text: t[j : j+n], low: "'s"})
				j += n
			}
			i = j
		default:
			sc.items = append(sc.items, item{kind: itPunct, s: i, e: i + n, text: t[i : i+n], low: t[i : i+n]})
			i += n
		}
	}
}

func (sc *scan) addWord(s, e int) {
	w := sc.text[s:e]
	r, _ := utf8.DecodeRuneInString(w)
	sc.items = append(sc.items, item{kind: itWord, s: s, e: e, text: w, low: strings.ToLower(w), cap: unicode.IsUpper(r) || particleName(w)})
}

// wordEnd returns the end of the word starting at i: letters, digits and
// marks, joined by inner apostrophes, hyphens and periods (U.S.), with a
// final period when the word is an abbreviation or an initial.
func wordEnd(t string, i, to int) int {
	j := i
	inner := false // saw an inner period
	for j < to {
		r, n := utf8.DecodeRuneInString(t[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += n
			continue
		}
		if (r == '\'' || r == '’' || r == '-' || r == '‐' || r == '.' || r == '&') && j+n < to {
			nr, _ := utf8.DecodeRuneInString(t[j+n:])
			if unicode.IsLetter(nr) || (r != '.' && unicode.IsDigit(nr)) {
				if r == '.' {
					inner = true
				}
				j += n
				continue
			}
		}
		break
	}
	if j < to && t[j] == '.' {
		w := strings.ToLower(t[i:j])
		if inner || abbreviations[w] || utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(t[i:j])[0]) {
			j++
		}
	}
	return j
}

// pluralPossessive returns the length of an apostrophe at j that makes
// the word before it (ending in s) possessive, or 0.
func pluralPossessive(t string, j, to int) int {
	if j == 0 || j >= to || t[j-1] != 's' && t[j-1] != 'S' {
		return 0
	}
	r, n := utf8.DecodeRuneInString(t[j:])
	if r != '\'' && r != '’' {
		return 0
	}
	if j+n < to {
		if next, _ := utf8.DecodeRuneInString(t[j+n:]); !unicode.IsSpace(next) {
			return 0
		}
	}
	return n
}

// possessiveAt returns the offset of a final "'s" / "’s" in t[i:j], or 0.
func possessiveAt(t string, i, j int) int {
	w := t[i:j]
	for _, p := range []string{"'s", "’s"} {
		if strings.HasSuffix(w, p) && len(w) > len(p) {
			return j - len(p)
		}
	}
	return 0
}

// pronounVerbAt returns where "'m" or "'re" starts in a pronoun's
// contraction between i and j ("I'm", "they’re") and the verb's lower-case
// form with a straight apostrophe, or 0.
func pronounVerbAt(t string, i, j int) (int, string) {
	w := strings.ToLower(t[i:j])
	for _, v := range []string{"'m", "’m", "'re", "’re"} {
		if stem, ok := strings.CutSuffix(w, v); ok && isPronoun(stem) {
			return j - len(v), strings.Replace(v, "’", "'", 1)
		}
	}
	return 0, ""
}

// annotate copies UPOS tags and entity types from an analysed document.
func (sc *scan) annotate(doc *model.Document) {
	upos := map[int]string{}
	for _, s := range doc.Sentences {
		for _, tk := range s.Tokens {
			switch {
			case tk.XPOS == "NNP" || tk.XPOS == "NNPS":
				// A proper noun by its Penn tag is one, whatever the
				// treebank convention for its UPOS ("United" in "the
				// United Nations": ADJ in EWT, VERB in GUM).
				upos[tk.Span.Start] = "PROPN"
			case tk.UPOS != "":
				upos[tk.Span.Start] = tk.UPOS
			}
		}
	}
	ents := append([]model.Entity(nil), doc.Entities...)
	sort.Slice(ents, func(i, j int) bool { return ents[i].Span.Start < ents[j].Span.Start })
	for i := range sc.items {
		if sc.items[i].kind == itWord {
			sc.items[i].upos = upos[sc.items[i].s]
		}
	}
	for _, e := range ents {
		// items are in text order: find the first one inside the entity
		k := sort.Search(len(sc.items), func(k int) bool { return sc.items[k].s >= e.Span.Start })
		for ; k < len(sc.items) && sc.items[k].e <= e.Span.End; k++ {
			it := &sc.items[k]
			switch e.Type {
			case "PERSON":
				it.person = true
			case "GPE", "LOC":
				it.place = true
			case "ORG":
				it.org = true
			}
		}
	}
}

// split cuts the items into sentences.
func (sc *scan) split(doc *model.Document) {
	docEnds := map[int]bool{} // sentence ends given by the document's analysis
	for _, s := range doc.Sentences {
		docEnds[s.Span.End] = true
	}
	para := 0
	start := 0
	flush := func(end int) {
		if end > start {
			sc.sents = append(sc.sents, [2]int{start, end})
			sc.para = append(sc.para, para)
		}
		start = end
	}
	for i, it := range sc.items {
		switch {
		case it.kind == itPara:
			flush(i)
			start = i + 1
			para++
		case len(doc.Sentences) > 0:
			if docEnds[it.e] && it.kind != itQuote || it.kind == itQuote && sc.quoteEndsSentence(i) {
				flush(i + 1)
			}
		case it.kind == itPunct && (it.text == "." || it.text == "!" || it.text == "?"):
			if sc.startsSentence(i + 1) {
				flush(i + 1)
			}
		case it.kind == itQuote && sc.quoteEndsSentence(i):
			flush(i + 1)
		}
	}
	flush(len(sc.items))
}

// startsSentence reports whether item i can begin a sentence.
func (sc *scan) startsSentence(i int) bool {
	if i >= len(sc.items) {
		return true
	}
	it := sc.items[i]
	return it.kind == itPara || it.kind == itQuote || it.cap || it.kind == itWord && unicode.IsDigit([]rune(it.text)[0])
}

// quoteEndsSentence: a quote whose content ends with . ! or ? and that is
// followed by a capitalised word or another quote closes its sentence.
func (sc *scan) quoteEndsSentence(i int) bool {
	q := strings.TrimRightFunc(quoteInner(sc.items[i].text), func(r rune) bool { return r == ')' || r == ']' || unicode.IsSpace(r) })
	if !strings.HasSuffix(q, ".") && !strings.HasSuffix(q, "!") && !strings.HasSuffix(q, "?") {
		return false
	}
	return sc.startsSentence(i + 1)
}

// quoteInner strips the outer quote marks of a segment's text.
func quoteInner(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	s = s[n:]
	if singleMark(r) {
		_, n = utf8.DecodeRuneInString(s) // the second of a doubled mark
		s = s[n:]
	}
	r, m := utf8.DecodeLastRuneInString(s)
	switch {
	case r == '"' || r == '”' || r == '»':
		s = s[:len(s)-m]
	case singleMark(r) && len(s) > m:
		if r2, m2 := utf8.DecodeLastRuneInString(s[:len(s)-m]); singleMark(r2) {
			s = s[:len(s)-m-m2]
		}
	}
	return s
}

// particleName: "al-Amr", "el-Sisi", "bin-Laden": a name after a
// lower-case Arabic particle, capitalised as a name.
func particleName(w string) bool {
	p, rest, ok := strings.Cut(w, "-")
	if !ok || !nameParticles[p] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

var nameParticles = set(`al el ad ar as at az an ash bin ibn abu`)
