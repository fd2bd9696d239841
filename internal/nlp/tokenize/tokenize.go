// Package tokenize splits English news text into sentences and tokens
// following the conventions of the UD English Web Treebank, which the tagger
// and parser are trained on: punctuation is split off, clitics become their
// own tokens ("don't" -> do n't, "Ukraine's" -> Ukraine 's), hyphens are
// split except after common prefixes ("anti-war") and inside numbers
// ("2019-01-04"), and abbreviations keep their period ("U.S.", "Dr.").
//
// Every token carries its byte span in the original text, and Text is always
// text[Span.Start:Span.End]. The tokenizer never panics and runs in linear
// time on any input, including invalid UTF-8.
package tokenize

import (
	"github.com/parleyhq/parley/internal/model"
)

// Limits that keep time and memory bounded on pathological input.
const (
	// MaxTokenBytes bounds one token; a longer run of non-space characters
	// is cut into pieces of at most this size (at rune boundaries).
	MaxTokenBytes = 512
	// MaxSentenceTokens bounds one sentence; text without sentence breaks
	// is cut into chunks of this many tokens so that later stages (tagger,
	// parser) see bounded input.
	MaxSentenceTokens = 200
)

// token kinds used by the sentence splitter.
const (
	kWord      uint8 = iota
	kTerminal        // . ! ? … ...
	kClosing         // ) ] ” ’ » and straight quotes
	kOpening         // ( [ “ ‘ «
	kPunct           // other punctuation and symbols
	kAbbrTitle       // "Dr.", "Feb.", initials: never end a sentence
	kAbbrOther       // "U.S.", "Inc.": may end a sentence
)

type tok struct {
	start, end int
	kind       uint8
	nl         uint8 // newlines in the whitespace before the token, capped at 2
}

// tokenizer holds the scan state for one text.
type tokenizer struct {
	text string
	toks []tok
	nl   uint8 // newlines seen since the last token
}

// Tokens returns the tokens of text without sentence structure.
func Tokens(text string) []model.Token {
	t := scan(text)
	out := make([]model.Token, len(t.toks))
	for i, k := range t.toks {
		out[i] = t.modelToken(k)
	}
	return out
}

// Sentences splits text into sentences of tokens. A blank line always ends
// a sentence; a single line break ends one unless the next line starts in
// lower case (a wrapped line), so headlines without final punctuation stand
// alone. Sentences longer than MaxSentenceTokens are cut.
func Sentences(text string) []model.Sentence {
	t := scan(text)
	if len(t.toks) == 0 {
		return nil
	}
	all := make([]model.Token, len(t.toks))
	for i, k := range t.toks {
		all[i] = t.modelToken(k)
	}
	var sents []model.Sentence
	first := 0
	for i := range t.toks {
		if i+1 < len(t.toks) && i+1-first < MaxSentenceTokens && !t.boundaryAfter(i) {
			continue
		}
		// Full slice expression: appending to one sentence must not
		// overwrite the next.
		toks := all[first : i+1 : i+1]
		sents = append(sents, model.Sentence{
			Span:   model.Span{Start: toks[0].Span.Start, End: toks[len(toks)-1].Span.End},
			Tokens: toks,
		})
		first = i + 1
	}
	return sents
}

func (t *tokenizer) modelToken(k tok) model.Token {
	space := k.end < len(t.text)
	if space {
		r, _ := decode(t.text, k.end)
		space = class(r)&cSpace != 0
	}
	return model.Token{Text: t.text[k.start:k.end], Span: model.Span{Start: k.start, End: k.end}, SpaceAfter: space}
}

// boundaryAfter reports whether a sentence ends after token i (i+1 exists).
func (t *tokenizer) boundaryAfter(i int) bool {
	next := t.toks[i+1]
	if next.nl >= 2 {
		return true
	}
	if next.nl == 1 && !t.startsLower(next) && t.toks[i].kind != kOpening {
		return true
	}
	if next.start == t.toks[i].end { // no space: "U.S.-led", "end.”"
		return false
	}
	// Closing quotes and brackets glued to a terminal stay in its sentence:
	// `“Yes.” He left.` ends after ”.
	j := i
	for j > 0 && t.toks[j].kind == kClosing && t.toks[j].start == t.toks[j-1].end {
		j--
	}
	cur := t.toks[j]
	switch cur.kind {
	case kTerminal:
		// A lower-case word after a plain terminal still starts a sentence
		// ("bet? really"), but not after an ellipsis or a closing quote:
		// `“Why?” he asked.`
		if !t.startsLower(next) {
			return true
		}
		if j != i {
			return false
		}
		switch t.text[cur.start:cur.end] {
		case ".", "?", "!":
			return true
		}
		return false
	case kAbbrOther:
		_, ok := sentenceOpeners[t.text[next.start:next.end]]
		return ok
	}
	return false
}

func (t *tokenizer) startsLower(k tok) bool {
	r, _ := decode(t.text, k.start)
	return class(r)&cLower != 0
}

func scan(text string) *tokenizer {
	// A token every 5 bytes is typical of English news.
	t := &tokenizer{text: text, toks: make([]tok, 0, len(text)/5+1)}
	i := 0
	for i < len(text) {
		k, size := classAt(text, i)
		if k&cSpace != 0 {
			if k&cNewline != 0 && t.nl < 2 {
				t.nl++
			}
			i += size
			continue
		}
		// A chunk is a run of non-space runes, at most MaxTokenBytes long.
		j := i + size
		for j < len(text) {
			k, size := classAt(text, j)
			if k&cSpace != 0 || j+size-i > MaxTokenBytes {
				break
			}
			j += size
		}
		t.chunk(i, j)
		i = j
	}
	return t
}

func (t *tokenizer) emit(start, end int, kind uint8) {
	t.toks = append(t.toks, tok{start: start, end: end, kind: kind, nl: t.nl})
	t.nl = 0
}

// chunk tokenizes text[s:e], a run without spaces: leading punctuation,
// the middle (words), trailing punctuation.
func (t *tokenizer) chunk(s, e int) {
	text := t.text
	if e-s <= 3 && isEmoticon(text[s:e]) {
		t.emit(s, e, kPunct)
		return
	}
	// Leading: opening quotes, brackets and symbols that cannot start a
	// word. '@' and '#' start handles and hashtags and so stay.
	ms := s
	for ms < e {
		r, size := decode(text, ms)
		if isWordClass(class(r)) || r == '@' || r == '#' || r == '.' && ms+size < e && text[ms+size] >= '0' && text[ms+size] <= '9' {
			break
		}
		if isApostrophe(r) && t.cliticAt(ms, e) > 0 {
			break // "'s" after a space, as in "Jones 's"
		}
		n := runLen(text, ms, e, r)
		t.emit(ms, n, punctKind(r, true))
		ms = n
	}
	if ms == e {
		return
	}
	// Trailing: closing punctuation, commas, terminals; a period stays on
	// an abbreviation.
	me := e
	abbr := abbrNone
	for me > ms {
		r, size := decodeLast(text, me)
		if isWordClass(class(r)) {
			break
		}
		if r == '.' {
			if me-size > ms && text[me-2] == '.' {
				me = runStart(text, ms, me, '.')
				continue
			}
			abbr = abbrevKind(lastWord(text, ms, me-1))
			if abbr != abbrNone {
				break
			}
		}
		me -= size
	}
	if me > ms {
		t.middle(ms, me, abbr)
	}
	for i := me; i < e; {
		r, _ := decode(text, i)
		n := runLen(text, i, e, r)
		t.emit(i, n, punctKind(r, false))
		i = n
	}
}

// runLen returns the end of the run of r starting at i (at least one rune).
// Runs of the same punctuation ("...", "!!", "--") are one token.
func runLen(text string, i, e int, r rune) int {
	_, size := decode(text, i)
	j := i + size
	if r == '.' || r == '!' || r == '?' || r == '-' || r == '*' || r == '=' || r == '_' {
		for j < e {
			r2, size := decode(text, j)
			if r2 != r {
				break
			}
			j += size
		}
	}
	return j
}

// runStart returns the start of the run of b that ends at me.
func runStart(text string, ms, me int, b byte) int {
	for me > ms && text[me-1] == b {
		me--
	}
	return me
}

// lastWord returns the part of text[ms:me] after the last hyphen, slash or
// dash: the word an abbreviation period would belong to.
func lastWord(text string, ms, me int) string {
	i := me
	for i > ms {
		r, size := decodeLast(text, i)
		if isDash(r) || r == '/' || r == '(' || r == '"' {
			break
		}
		i -= size
	}
	return text[i:me]
}

func punctKind(r rune, leading bool) uint8 {
	switch {
	case isTerminal(r):
		return kTerminal
	case (r == '"' || r == '\'') && leading:
		return kOpening
	case isClosing(r):
		return kClosing
	case isOpening(r):
		return kOpening
	}
	return kPunct
}

// middle splits the word part of a chunk. abbr tells whether it ends in an
// abbreviation period.
func (t *tokenizer) middle(s, e int, abbr int) {
	text := t.text
	if isURLOrEmail(text[s:e]) {
		t.emitWord(s, e, abbr)
		return
	}
	start := s
	for i := s; i < e; {
		r, size := decode(text, i)
		k := class(r)
		if isWordClass(k) || r == '@' || r == '#' || r == '_' || isApostrophe(r) && i > start {
			i += size
			continue
		}
		keep := false
		switch {
		case r == '.':
			// Inside a word ("U.S", "3.5"); a run of periods is an ellipsis.
			// The final period of an abbreviation stays too.
			keep = i > start && (i+size < e && text[i+size] != '.' || i+size == e && abbr != abbrNone)
		case r == ',' || r == ':':
			keep = i > start && i+size < e && isDigitAt(text, i-1) && isDigitAt(text, i+size)
		case r == '&':
			keep = i > start && i+size < e && class(rune(text[i-1]))&cLetter != 0 && class(rune(text[i+size]))&cLetter != 0
		case r == '-':
			keep = i > start && i+size < e && text[i+size] != '-' && t.keepHyphen(start, i)
		case r == '/':
			keep = i > start && i+size < e && t.keepSlash(start, i, e)
		}
		if keep {
			i += size
			continue
		}
		if i > start {
			t.word(start, i, abbrNone)
		}
		n := runLen(text, i, e, r)
		t.emit(i, n, punctKind(r, false))
		i = n
		start = n
	}
	if start < e {
		t.word(start, e, abbr)
	}
}

func isDigitAt(text string, i int) bool { return text[i] >= '0' && text[i] <= '9' }

// keepHyphen decides for a hyphen after text[start:i]: numbers stay whole
// ("2019-01-04", "713-853-3242") and EWT's prefixes stay attached.
func (t *tokenizer) keepHyphen(start, i int) bool {
	text := t.text
	if isDigitAt(text, i-1) && isDigitAt(text, i+1) {
		for j := start; j < i; j++ {
			if c := text[j]; !(c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
		return true
	}
	w := text[start:i]
	if len(w) > 8 {
		return false
	}
	var buf [8]byte
	for j := 0; j < len(w); j++ {
		c := w[j]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[j] = c
	}
	_, ok := hyphenPrefixes[string(buf[:len(w)])]
	return ok
}

// keepSlash decides for a slash after text[start:i]: dates and numbers
// ("9/11", "07/06/2000") and short abbreviations ("b/c", "w/o") stay whole.
func (t *tokenizer) keepSlash(start, i, e int) bool {
	text := t.text
	if isDigitAt(text, i-1) && isDigitAt(text, i+1) {
		return true
	}
	if i-start != 1 || class(rune(text[start]))&cLetter == 0 {
		return false
	}
	n := 0
	for j := i + 1; j < e && class(rune(text[j]))&cLetter != 0; j++ {
		n++
	}
	return n >= 1 && n <= 2 && (i+1+n == e || !isWordClass(class(rune(text[i+1+n]))))
}

// word emits text[s:e], splitting clitics ("do|n't", "Ukraine|'s"),
// "cannot" and similar fused forms, and "6|am".
func (t *tokenizer) word(s, e int, abbr int) {
	text := t.text
	if n := t.cliticStart(s, e); n > s {
		t.word(s, n, abbrNone)
		t.emit(n, e, kWord)
		return
	}
	if e-s >= 5 && e-s <= 6 {
		if cut := fusedCut(text[s:e]); cut > 0 {
			t.emit(s, s+cut, kWord)
			t.emit(s+cut, e, kWord)
			return
		}
	}
	if e-s >= 3 && isDigitAt(text, s) {
		if cut := meridiemCut(text[s:e]); cut > 0 {
			t.emit(s, s+cut, kWord)
			t.emit(s+cut, e, kWord)
			return
		}
	}
	t.emitWord(s, e, abbr)
}

func (t *tokenizer) emitWord(s, e int, abbr int) {
	kind := kWord
	switch abbr {
	case abbrTitle:
		kind = kAbbrTitle
	case abbrOther:
		kind = kAbbrOther
	}
	t.emit(s, e, kind)
}

// cliticStart returns where a clitic suffix of text[s:e] begins, or s.
func (t *tokenizer) cliticStart(s, e int) int {
	text := t.text
	for i := e - 1; i > s && i >= e-5; i-- {
		if text[i] == '\'' || text[i] == 0x99 && i >= 2 && text[i-2] == 0xe2 && text[i-1] == 0x80 {
			a := i
			if text[i] == 0x99 {
				a = i - 2
			}
			if a > s && t.cliticAt(a, e) == e {
				// n't: the n belongs to the clitic ("do|n't", "ca|n't").
				if (text[a-1] == 'n' || text[a-1] == 'N') && (e-a == 2 || e-a == 4) && (text[e-1] == 't' || text[e-1] == 'T') {
					if a-1 > s {
						return a - 1
					}
					return s
				}
				return a
			}
			return s
		}
	}
	return s
}

// cliticAt returns the end of a clitic starting with an apostrophe at a
// ("'s", "'re", "'ve", "'ll", "'d", "'m", "'t" after n) if it runs exactly
// to e, else 0.
func (t *tokenizer) cliticAt(a, e int) int {
	_, size := decode(t.text, a)
	rest := t.text[a+size : e]
	switch len(rest) {
	case 1:
		switch rest[0] {
		case 's', 'S', 'd', 'D', 'm', 'M', 't', 'T':
			return e
		}
	case 2:
		switch rest {
		case "re", "RE", "ve", "VE", "ll", "LL", "Re", "Ve", "Ll":
			return e
		}
	}
	return 0
}

// fusedCut splits the fused forms EWT writes as two words.
func fusedCut(w string) int {
	switch w {
	case "cannot", "Cannot", "CANNOT":
		return 3
	case "gonna", "Gonna", "wanna", "Wanna", "gotta", "Gotta":
		return 3
	}
	return 0
}

// meridiemCut splits "6am", "11pm" into number and am/pm.
func meridiemCut(w string) int {
	n := len(w)
	if n < 3 {
		return 0
	}
	suffix := w[n-2:]
	if suffix != "am" && suffix != "pm" && suffix != "AM" && suffix != "PM" {
		return 0
	}
	for i := 0; i < n-2; i++ {
		if !(w[i] >= '0' && w[i] <= '9' || w[i] == ':' || w[i] == '.') {
			return 0
		}
	}
	return n - 2
}

// isURLOrEmail reports web addresses and e-mail addresses, kept whole.
func isURLOrEmail(w string) bool {
	if len(w) < 5 {
		return false
	}
	if hasPrefixFold(w, "http://") || hasPrefixFold(w, "https://") || hasPrefixFold(w, "www.") || hasPrefixFold(w, "ftp://") {
		return true
	}
	at := -1
	for i := 1; i < len(w); i++ {
		if w[i] == '@' {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	for i := at + 2; i < len(w)-1; i++ {
		if w[i] == '.' {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
