package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// How a quote got its speaker, for tests and debugging.
const (
	viaPost      = "post"      // "...," said X / "...," X said
	viaPre       = "pre"       // X said, "..."
	viaAccording = "according" // according to X
	viaColon     = "colon"     // X justified the strike: "..."
	viaNext      = "next"      // "...!" X told reporters.
	viaCont      = "cont"      // a quote continuing the previous speaker's words
	viaNone      = "none"      // the parse shows speech that did not happen: no speaker
	viaFail      = "fail"      // no rule found a speaker (seen by the ranker only)
)

// maxReach bounds how many items from a quote its cue may stand, so that
// a sentence of thousands of quotes costs linear time.
const maxReach = 80

// attribution links a quote segment to the phrase naming its speaker.
type attribution struct {
	m   mention
	cue string
	via string
	// end is the item after a post-posed attribution ("said X, Professor
	// at Y."), so that a quote right after it continues the same speech.
	end int
}

// sentOf returns the index of the sentence holding item i.
func (sc *scan) sentOf(i int) int {
	lo, hi := 0, len(sc.sents)
	for lo < hi {
		m := (lo + hi) / 2
		if sc.sents[m][1] <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// attribute finds the speaker of the quote item qi in sentence si. prev
// holds the attributions of earlier quotes (by item index).
func (sc *scan) attribute(si, qi int, prev map[int]attribution) (attribution, bool) {
	ss := sc.sents[si][0]
	if sc.isNaming(qi, ss) {
		return attribution{}, false
	}
	// "I say if "Allah is straight", nobody would care": a supposition.
	if p, ok := sc.word(qi - 1); ok && qi-1 >= ss && (p.low == "if" || p.low == "unless") {
		return attribution{}, false
	}
	if a, ok := sc.ownerWords(qi, ss); ok {
		return a, true
	}
	if r, ok := sc.postPosed(qi, sc.sents[si][1]); ok {
		// ""...," said X" right after the quote settles the verb; the
		// parse reads the phrase of X when both see it ("said UCL
		// astronomer Angelos Tsiaras").
		if p, ok := sc.parseAttribution(qi); ok && p.m.around[0] < r.m.to && r.m.from < p.m.around[1] {
			r.m = p.m
		}
		return r, true
	}
	// "she's like "you need to pray more"", "people were like, "..."": the
	// quotative is right before the quote, nearer than any speech verb
	// ("I told my mom I have anxiety, and she's like "..."").
	if c := sc.quotativeLike(qi, ss); c >= 0 {
		// "All of these things made me wonder, "..."": the one made to.
		if p, ok := sc.word(c - 1); ok && (p.low == "me" || p.low == "us") {
			return attribution{m: mention{from: c - 1, to: c, kind: mPronoun}, cue: sc.items[c].text, via: viaPre}, true
		}
		if m, ok := sc.subjectBefore(c, ss); ok {
			return attribution{m: m, cue: "like", via: viaPre}, true
		}
		return attribution{}, false
	}
	if c, ok := sc.colonStatement(qi); ok {
		return c, true
	}
	if a, ok := sc.attributedTo(qi, ss); ok {
		return a, true
	}
	if p, ok := sc.parseAttribution(qi); ok || p.via == viaNone {
		return p, ok
	}
	if r, ok := sc.ruleAttribution(si, qi, prev); ok {
		return r, true
	}
	return sc.afterReport(si, qi)
}

// attributedTo reads "a wonderful quote attributed to Einstein — "..."" or
// "a quote from Virgil — "..."": the one the words are attributed to
// speaks.
func (sc *scan) attributedTo(qi, ss int) (attribution, bool) {
	k := qi - 1
	if !sc.isPunct(k, "—–:,") {
		return attribution{}, false
	}
	start, ok := sc.npLeft(k, ss)
	if !ok {
		return attribution{}, false
	}
	// The phrase may hold its head: "a quote from Virgil", or end before
	// it: "attributed to | Einstein".
	for j := k - 1; j > start-2 && j > ss; j-- {
		p, w := sc.items[j].low, sc.items[j-1].low
		if !(p == "to" && w == "attributed" || (p == "from" || p == "of" || p == "by") && citedWords[w]) {
			continue
		}
		m, ok := sc.analyse(j+1, k, 0, 0)
		if !ok || m.kind != mName {
			return attribution{}, false
		}
		return attribution{m: m, cue: sc.items[j-1].text, via: viaPre}, true
	}
	return attribution{}, false
}

// afterReport: a paragraph that is only a quote, after a paragraph ending
// in someone's report ("Zenghelis described her as the most outstanding
// pupil he ever taught." then ""We called her the inventor of the 89
// degrees.""), goes on with that speaker's words.
func (sc *scan) afterReport(si, qi int) (attribution, bool) {
	d := sc.deps
	if d == nil || si == 0 || qi != sc.sents[si][0] || qi == 0 || sc.items[qi-1].kind != itPara {
		return attribution{}, false
	}
	if e := sc.sents[si][1]; qi+1 < e && !sc.isPunct(qi+1, ".") || qi+2 < e {
		return attribution{}, false
	}
	prev := sc.items[sc.sents[si-1][0]]
	for _, ps := range d.sentencesOver(prev.s, prev.e) {
		for ti, t := range d.sents[ps].Tokens {
			v := tokRef{ps, ti}
			if t.Deprel != "root" || !d.isReportVerb(v) || d.hypothetical(v) {
				continue
			}
			if m, ok := sc.verbSubject(v, qi, 0); ok && m.kind == mName {
				return attribution{m: m, cue: t.Text, via: viaNext}, true
			}
		}
	}
	return attribution{}, false
}

// ownerWords: "Trump's "mini-strokes" tweet" quotes the owner.
func (sc *scan) ownerWords(qi, ss int) (attribution, bool) {
	n, ok := sc.word(qi + 1)
	if !ok || !docNouns[n.low] || qi-1 <= ss || sc.items[qi-1].low != "'s" {
		return attribution{}, false
	}
	b := qi - 1
	for b > ss && isNameWord(sc.items[b-1]) {
		b--
	}
	if b < qi-1 {
		if m, ok := sc.analyse(b, qi-1, 0, 0); ok && m.kind == mName {
			return attribution{m: m, via: viaPre}, true
		}
		// A lone name the reader takes for a place: an owner is a source.
		if b == qi-2 && sc.items[b].upos == "PROPN" {
			return attribution{m: mention{from: b, to: b + 1, kind: mName, name: sc.items[b].text}, via: viaPre}, true
		}
	}
	return attribution{}, false
}

// ruleAttribution applies the hand-written attribution rules to the quote
// item qi of sentence si: the fallback when the document has no parse or
// the parse links the quote to no speech verb.
func (sc *scan) ruleAttribution(si, qi int, prev map[int]attribution) (attribution, bool) {
	ss, se := sc.sents[si][0], sc.sents[si][1]
	for c := qi - 1; c >= ss && c >= qi-maxReach; c-- {
		it := sc.items[c]
		// Skip "— which the BBC noted as unusual —" and "(...)".
		if sc.isPunct(c, "—)") {
			open := "—"
			if it.text == ")" {
				open = "("
			}
			k := c - 1
			for k > ss && !sc.isPunct(k, open) && sc.items[k].kind != itQuote {
				k--
			}
			if k > ss && sc.isPunct(k, open) {
				c = k
			}
			continue
		}
		// "When Trump tweeted ..., Twitter placed a disclaimer "..."": a
		// new clause with its own subject ends the search.
		if sc.isPunct(c, ",") && c+2 < qi {
			if n, ok := sc.word(c + 1); ok && isNameWord(n) && !sc.isPunct(c+2, ",") {
				if v, ok := sc.word(c + 2); ok && !v.cap && !cues[v.low].isSpeech() && !stopWords[v.low] && !isLink(v) {
					break
				}
			}
		}
		if !sc.isCue(c, ss) {
			continue
		}
		a, ok, decided := sc.preCue(c, qi, ss, se)
		if ok {
			return a, true
		}
		if decided {
			return attribution{}, false
		}
	}
	standalone := sc.onlyPunctAfter(qi, se)
	if qi > ss && sc.isPunct(qi-1, ":;") && standalone {
		if m, ok := sc.colonSubject(ss, qi); ok {
			return attribution{m: m, via: viaColon}, true
		}
	}
	if m, ok := sc.documentSpeaker(qi, ss); ok {
		return attribution{m: m, via: viaColon}, true
	}
	// "X said:" closing the paragraph before a quote paragraph.
	if qi == ss && si > 0 && sc.para[si-1] != sc.para[si] && standalone {
		ps, pe := sc.sents[si-1][0], sc.sents[si-1][1]
		// "Rathbun stated," ends its paragraph as well as "stated:", and
		// "he was quoted ... on his assessment;" too.
		if pe-1 > ps && sc.isPunct(pe-1, ":,;") && sc.items[pe-2].kind == itWord {
			if m, ok := sc.colonSubject(ps, pe-1); ok {
				return attribution{m: m, via: viaColon}, true
			}
		}
	}
	if a, ok := sc.according(ss, se); ok {
		return a, true
	}
	// "X gave its "deepest sympathies" and said ...": a coordinated speech verb.
	for c := qi + 1; c+1 < se && c < qi+maxReach; c++ {
		if sc.items[c].kind == itQuote {
			break
		}
		if sc.items[c].low == "and" && cues[sc.items[c+1].low] == cueSay && !isParticiple(sc.items[c+1].low) {
			if m, ok := sc.sentenceSubject(ss, qi); ok {
				return attribution{m: m, cue: sc.items[c+1].text, via: viaPre}, true
			}
			break
		}
	}
	if qi > ss && sc.isPunct(qi-1, ":") && standalone {
		if m, ok := sc.sentenceSubject(ss, qi); ok {
			return attribution{m: m, via: viaColon}, true
		}
	}
	// "her "passion" for the hobby": the owner's word.
	if p, ok := sc.word(qi - 1); ok && qi-1 >= ss && (p.low == "his" || p.low == "her" || p.low == "their") {
		if n, ok := sc.word(qi + 1); !ok || !namedNouns[n.low] && !namingWords[n.low] {
			g := possessives[p.low]
			if g == "-" {
				g = ""
			}
			return attribution{m: mention{from: qi - 1, to: qi, kind: mPronoun, gender: g}, via: viaPre}, true
		}
	}
	// A sentence that is only a quote, maybe after an adverbial ("During
	// the premiere, "..."") or before words that say nothing of who
	// speaks (""This is not what I wanted ..." to place at ...").
	if opens := qi == ss || sc.introOnly(ss, qi); opens && (standalone || firstPerson(quoteInner(sc.items[qi].text)) && !sc.cueWithin(qi+1, se)) {
		if standalone {
			if a, ok := sc.nextAttribution(si); ok {
				return a, true
			}
		}
		if a, ok := sc.continuation(si, prev); ok {
			return a, true
		}
	}
	// A quote in the first person inside a sentence about someone ("She
	// typically chooses "to portray characters I love"") is that person's.
	if firstPerson(quoteInner(sc.items[qi].text)) {
		if m, ok := sc.sentenceSubject(ss, qi); ok && (m.kind == mPronoun && m.gender != "" || m.kind == mName && !m.org) {
			return attribution{m: m, via: viaPre}, true
		}
		// "Chapman told Wikinews ... The costume "is very warm [...] so I
		// have to stay hydrated"": the speaker of the sentence before.
		if a, ok := sc.continuation(si, prev); ok {
			return a, true
		}
	}
	return attribution{}, false
}

// firstPerson: the text speaks in the first person.
func firstPerson(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		switch strings.ToLower(strings.NewReplacer("’", "'").Replace(w)) {
		case "i", "i'm", "i've", "i'd", "i'll", "my", "me", "mine", "myself":
			return true
		}
	}
	return false
}

// isCue: item c is a speech verb used as a verb (lower-case unless it opens
// the sentence, not after an article: "the report said" is a noun).
func (sc *scan) isCue(c, ss int) bool {
	it := sc.items[c]
	if it.kind != itWord || cues[it.low] == 0 || it.cap && c != ss || sc.isNounUse(c) {
		return false
	}
	if needsOut[it.low] {
		n, ok := sc.word(c + 1)
		return ok && n.low == "out"
	}
	return true
}

// relativeSubject: the verb at c has its own subject right before it, after
// a relative pronoun or at the start of the sentence ("which the New York
// Times called", "he called"), so a quote right after it is the object's
// description, not a name.
func (sc *scan) relativeSubject(c, ss int) bool {
	if p, ok := sc.word(c - 1); ok && isPronoun(p.low) {
		return true
	}
	start, ok := sc.npLeft(c, ss)
	if !ok {
		return false
	}
	if start == ss {
		return true
	}
	p, ok := sc.word(start - 1)
	return ok && (p.low == "which" || p.low == "that" || p.low == "whom")
}

// onlyPunctAfter: nothing but punctuation follows item i in its sentence.
func (sc *scan) onlyPunctAfter(i, se int) bool {
	for k := i + 1; k < se; k++ {
		if sc.items[k].kind != itPunct {
			return false
		}
	}
	return true
}

// isNounUse: "the report said" uses report as a noun, "his remarks" too.
func (sc *scan) isNounUse(c int) bool {
	p, ok := sc.word(c - 1)
	if !ok {
		return false
	}
	switch p.low {
	case "the", "a", "an", "his", "her", "their", "its", "our", "'s", "this", "that":
		return true
	}
	return false
}

// isNaming reports quotes that name or mention rather than quote: "known
// as "X"", "the word "X"", "a program called "X"", "Franowska of "Have no fear"".
func (sc *scan) isNaming(qi, ss int) bool {
	// "life", "liberty", and "happiness": a list of quoted words
	if oneWord(sc.items[qi].text) {
		for _, d := range []int{-1, 1} {
			k := qi + d
			comma := false
			for k > ss && k < len(sc.items) && (sc.isPunct(k, ",") || sc.items[k].low == "and" || sc.items[k].low == "or") {
				comma = comma || sc.isPunct(k, ",")
				k += d
			}
			if comma && k >= 0 && k < len(sc.items) && sc.items[k].kind == itQuote && oneWord(sc.items[k].text) {
				return true
			}
		}
	}
	// the NOAA's "Hurricane Hunters": an owned thing with a title-case name
	if qi-1 > ss && sc.items[qi-1].low == "'s" && titleCase(sc.items[qi].text) {
		if n, ok := sc.word(qi + 1); !ok || !docNouns[n.low] {
			return true
		}
	}
	// "the theme of which is "Each for Equal"", "and "Democracy 2.0"": a
	// short title-case quote inside a sentence is a name, not speech,
	// unless someone's words describe something with it ("referred to the
	// vote as "The Impeachment Hoax"").
	if p, _ := sc.word(qi - 1); qi > ss && p.low != "as" && cues[p.low] == 0 && titleCase(sc.items[qi].text) && !clausePunct(strings.TrimRight(quoteInner(sc.items[qi].text), ".,")) {
		if n := len(strings.Fields(quoteInner(sc.items[qi].text))); n >= 2 && n <= 5 {
			return true
		}
	}
	// "say anything about "software-as-a-service"": a term talked about.
	if p, ok := sc.word(qi - 1); ok && qi-1 >= ss && p.low == "about" && oneWord(sc.items[qi].text) {
		return true
	}
	// ""Document found on street not secret, say feds" — The Canadian
	// Press, August 15, 2008": a headline cited as a source.
	if sc.isPunct(qi+1, "—–-") && sc.datedCitation(qi+2) {
		return true
	}
	// anti-Brexit ("British exit"): a gloss in brackets.
	if qi > ss && sc.isPunct(qi-1, "(") && sc.isPunct(qi+1, ")") && !sentenceLike(sc.items[qi].text) {
		return true
	}
	// the "outward investment" strategy: a quoted modifier of a noun, not
	// a judgement ("called the disappearance an "interesting" case")
	if n, ok := sc.word(qi + 1); ok && !n.cap && (namedNouns[n.low] || namingWords[n.low]) && !sc.judgedBefore(qi, ss) {
		return true
	}
	// "((hu))Hungarian language: ..." glosses in the original language
	for k := qi - 1; k > ss && k >= qi-12; k-- {
		if sc.items[k].low == "language" && sc.isPunct(k+1, ":") {
			return true
		}
	}
	// "his event, "Storm Area 51", was posted": a title in apposition.
	if sc.isPunct(qi-1, ",") && sc.isPunct(qi+1, ",") {
		if b, ok := sc.word(qi - 2); ok && namingWords[b.low] {
			return true
		}
	}
	if n, ok := sc.word(qi + 1); ok && termVerbs[n.low] && (qi == ss || sc.isPunct(qi-1, ":")) {
		return true
	}
	// "proclaimed himself "Emperor of the United States"": a title taken,
	// where "declared himself "immune"" is a claim.
	if r, ok := sc.word(qi - 1); ok && qi-1 > ss && reflexives[r.low] {
		if v, ok := sc.word(qi - 2); ok && selfNaming[v.low] && startsUpper(quoteInner(sc.items[qi].text)) {
			return true
		}
	}
	p := qi - 1
	if w, ok := sc.word(p); ok && (w.low == "the" || w.low == "a" || w.low == "an") {
		p--
	}
	w, ok := sc.word(p)
	if !ok || p < ss {
		return false
	}
	if namingWords[w.low] && !(titleNouns[w.low] && sentenceLike(sc.items[qi].text)) {
		return true
	}
	if w.low == "as" {
		if b, ok := sc.word(p - 1); ok && (b.low == "known" || b.low == "such" || b.low == "termed" || b.low == "identified" || b.low == "only" || b.low == "listed") {
			return true
		}
		// "often referred to as "The Lion Man"": the passive names, where
		// "referred to the vote as "..."" quotes the one referring.
		if b, ok := sc.word(p - 1); ok && b.low == "to" {
			if r, ok := sc.word(p - 2); ok && (r.low == "referred" || r.low == "refered") && titleCase(sc.items[qi].text) {
				return true
			}
		}
	}
	// "Anna Franowska of "Have no fear", a charity": a name in apposition.
	if (w.low == "of" || w.low == "from") && sc.isPunct(qi+1, ",)") {
		if b, ok := sc.word(p - 1); ok && b.cap {
			return true
		}
	}
	return false
}

// judgedBefore: a verb of judgement ("called", "described") stands
// shortly before quote item qi in its sentence.
func (sc *scan) judgedBefore(qi, ss int) bool {
	for k := qi - 1; k >= ss && k >= qi-6; k-- {
		if sc.items[k].kind == itQuote {
			return false
		}
		if w, ok := sc.word(k); ok && cues[w.low] == cueStance {
			return true
		}
	}
	return false
}

// postPosed handles `"...," said X` and `"...," X said`.
func (sc *scan) postPosed(qi, se int) (attribution, bool) {
	// A pull quote signed with a dash: ""..." — Aparna Garg, Divisional
	// Railway Manager".
	if sc.isPunct(qi+1, "—–") {
		if m, end, ok := sc.mentionRight(qi+2, se); ok && m.kind == mName {
			return attribution{m: m, via: viaPost, end: end}, true
		}
	}
	// ""So far, it's the Internet: 1, Scientology: 0." - Matthew Ingram",
	// a paragraph of its own signed with a hyphen.
	if sc.isPunct(qi+1, "-") && (qi == 0 || sc.items[qi-1].kind == itPara) {
		if m, end, ok := sc.mentionRight(qi+2, se); ok && m.kind == mName && (end >= len(sc.items) || sc.items[end].kind == itPara) {
			return attribution{m: m, via: viaPost, end: end}, true
		}
	}
	j := qi + 1
	if sc.isPunct(j, ",") {
		j++
	}
	if a, ok := sc.asPutIt(j, se); ok {
		return a, true
	}
	w, ok := sc.word(j)
	if !ok {
		return attribution{}, false
	}
	if k := cues[w.low]; (k == cueSay || k == cueRead) && !isParticiple(w.low) && !nounTitle(w) {
		m, end, ok := sc.mentionRight(j+1, se)
		if !ok {
			// ""...," read the warning."
			e := j + 1
			for e < se && e < j+5 && sc.items[e].kind == itWord {
				e++
			}
			m, ok = sc.docMention(j+1, e)
			end = e
		}
		if ok {
			return attribution{m: m, cue: w.text, via: viaPost, end: sc.adjunctsEnd(end, se)}, true
		}
		return attribution{}, false
	}
	m, end, ok := sc.mentionRight(j, se)
	if !ok {
		// ""...", the letter read."
		end = j
		for end < se && end < j+4 && sc.items[end].kind == itWord && cues[sc.items[end].low] == 0 {
			end++
		}
		if m, ok = sc.docMention(j, end); !ok {
			return attribution{}, false
		}
	}
	c := end
	for c < se && adverbs[sc.items[c].low] && sc.items[c].kind == itWord {
		// ""...", people will say": speech that has not happened ("would"
		// also narrates: "Smith would later say").
		if w := sc.items[c].low; w != "would" && hypotheticalModals[w] {
			return attribution{}, false
		}
		c++
	}
	cw, ok := sc.word(c)
	// ""...," X was quoted as saying"
	if k, ok := sc.quotedAsSaying(c); ok {
		return attribution{m: m, cue: "quoted", via: viaPost, end: sc.adjunctsEnd(k, se)}, true
	}
	if !ok || !(cues[cw.low] == cueSay || m.doc && cues[cw.low] == cueRead) || isParticiple(cw.low) {
		return attribution{}, false
	}
	// `"...," X said that ...` reports something else.
	if n, ok := sc.word(c + 1); ok && n.low == "that" {
		return attribution{}, false
	}
	return attribution{m: m, cue: cw.text, via: viaPost, end: sc.adjunctsEnd(c+1, se)}, true
}

// quotedAsSaying reads "(was) quoted as saying" (or "quoted saying") at
// item c and returns the item after it.
func (sc *scan) quotedAsSaying(c int) (int, bool) {
	if w, ok := sc.word(c); ok && beForms[w.low] {
		c++
	}
	if w, ok := sc.word(c); !ok || w.low != "quoted" {
		return 0, false
	}
	k := c + 1
	if w, ok := sc.word(k); ok && w.low == "as" {
		k++
	}
	if w, ok := sc.word(k); ok && w.low == "saying" {
		return k + 1, true
	}
	return 0, false
}

// asPutIt reads "as the Supreme Court decision put it" or "as Smith
// wrote" at item j, after a quote ("traffic "ground to a halt" — as the
// Supreme Court decision put it —").
func (sc *scan) asPutIt(j, se int) (attribution, bool) {
	if sc.isPunct(j, "—–") {
		j++
	}
	if w, ok := sc.word(j); !ok || w.low != "as" {
		return attribution{}, false
	}
	verb := func(end int) (item, bool) {
		v, ok := sc.word(end)
		if !ok {
			return v, false
		}
		it, _ := sc.word(end + 1)
		return v, (v.low == "put" || v.low == "puts") && it.low == "it" || cues[v.low] == cueSay && !isParticiple(v.low)
	}
	m, end, ok := sc.mentionRight(j+1, se)
	v, isVerb := verb(end)
	if !ok || !isVerb {
		// "as the Supreme Court decision put it": a document.
		end = j + 1
		for end < se && end < j+6 && sc.items[end].kind == itWord && sc.items[end].low != "put" && cues[sc.items[end].low] == 0 {
			end++
		}
		if m, ok = sc.docMention(j+1, end); !ok {
			return attribution{}, false
		}
		v, isVerb = verb(end)
	}
	if !isVerb {
		return attribution{}, false
	}
	return attribution{m: m, cue: v.text, via: viaPost, end: sc.adjunctsEnd(end+1, se)}, true
}

// adjunctsEnd skips what follows an attribution up to the end of its
// clause ("in a statement on Friday."), returning the item after it.
func (sc *scan) adjunctsEnd(i, se int) int {
	for ; i < se; i++ {
		it := sc.items[i]
		if it.kind == itQuote {
			return i
		}
		if it.kind == itPunct && (it.text == "." || it.text == "," || it.text == ";" || it.text == ":") {
			return i + 1
		}
	}
	return i
}

// mentionRight reads a speaker phrase starting at item i, with its
// appositive, returning the mention and the item after it.
func (sc *scan) mentionRight(i, se int) (mention, int, bool) {
	end, ok := sc.npRight(i, se)
	if !ok {
		return mention{}, 0, false
	}
	af, at, hasApp := sc.appositiveRight(end, se)
	if !hasApp {
		af, at = 0, 0
	}
	m, ok := sc.analyse(i, end, af, at)
	if !ok {
		return mention{}, 0, false
	}
	// "a protester using the pseudonym Katya": the name the source goes by.
	if m.kind == mNominal && !hasApp {
		if n, e, ok := sc.alias(end, se); ok {
			n.title = m.desc
			return n, e, true
		}
	}
	next := end
	if hasApp {
		next = at
		// "University of California, San Diego's chancellor, Pradeep
		// Khosla": a second appositive that is a person's name wins.
		if f2, t2, ok := sc.appositiveRight(at, se); ok {
			if n, ok := sc.analyse(f2, t2, 0, 0); ok && n.kind == mName && !n.org && strings.Contains(n.name, " ") && n.title == "" {
				n.from, n.title = i, strings.TrimSpace(sc.textOf(i, at))
				m, next = n, t2
			}
		}
		if sc.isPunct(next, ",") {
			next++
		}
	}
	return m, next, true
}

// alias reads "using the pseudonym X" (or name, alias) at item i.
func (sc *scan) alias(i, se int) (mention, int, bool) {
	u, ok := sc.word(i)
	if !ok || u.low != "using" && u.low != "under" {
		return mention{}, 0, false
	}
	k := i + 1
	if w, ok := sc.word(k); ok && (w.low == "the" || w.low == "a") {
		k++
	}
	if w, ok := sc.word(k); !ok || w.low != "pseudonym" && w.low != "name" && w.low != "alias" {
		return mention{}, 0, false
	}
	e := k + 1
	for e < se && isNameWord(sc.items[e]) {
		e++
	}
	if e == k+1 {
		return mention{}, 0, false
	}
	return mention{from: k + 1, to: e, kind: mName, name: sc.textOf(k+1, e)}, e, true
}

// preCue tries the cue at item c for the quote at qi. decided is true when
// the cue settles that qi is not a quote ("was called "X"").
func (sc *scan) preCue(c, qi, ss, se int) (a attribution, ok, decided bool) {
	w := sc.items[c]
	kind := cues[w.low]
	if p, ok := sc.word(c - 1); ok && c-1 >= ss && hypotheticalModals[p.low] {
		return a, false, true // "I would say "..."": not said
	}
	// "Trump was said to be suffering "...": no one is named as speaking.
	if p, ok := sc.word(c - 1); ok && kind == cueSay && passiveOnly[p.low] && !isParticiple(w.low) {
		if m, ok := sc.byAgent(qi+1, se); ok {
			return attribution{m: m, cue: w.text, via: viaPre}, true, true
		}
		return a, false, false
	}
	if kind == cueStance {
		if namingCues[w.low] && (c == qi-1 || c == qi-2 && sc.isPunct(qi-1, ",")) && !sc.relativeSubject(c, ss) {
			return a, false, true // "a program called "X"" names
		}
		// "a pattern described by Marine Bulletin as "...""
		if b, ok := sc.word(c + 1); ok && b.low == "by" {
			if m, end, ok := sc.mentionRight(c+2, qi); ok && end+1 == qi && sc.items[end].low == "as" {
				return attribution{m: m, cue: w.text, via: viaPre}, true, true
			}
		}
		if p, ok := sc.word(c - 1); ok && passiveAux[p.low] {
			if m, ok := sc.byAgent(qi+1, se); ok {
				return attribution{m: m, cue: w.text, via: viaPre}, true, true
			}
			return a, false, true
		}
	}
	if isParticiple(w.low) {
		// "Calling it "X", the archbishop said": the subject follows.
		if c == ss || c == ss+1 && adverbs[sc.items[ss].low] {
			k := qi + 1
			for j := qi + 1; j < se && sc.items[j].kind != itQuote; j++ {
				if sc.isPunct(j, ",") {
					k = j + 1
					break
				}
			}
			if m, _, ok := sc.mentionRight(k, se); ok {
				return attribution{m: m, cue: w.text, via: viaPre}, true, true
			}
			return a, false, false
		}
		// "Politico quoted Tim Manning as saying "X"": the one quoted
		// speaks, not the subject.
		if p, ok := sc.word(c - 1); ok && p.low == "as" {
			for k := c - 2; k > ss; k-- {
				if quotingVerbs[sc.items[k].low] {
					if m, _, ok := sc.mentionRight(k+1, c-1); ok {
						return attribution{m: m, cue: w.text, via: viaPre}, true, true
					}
					break
				}
			}
		}
		// "with Steve Scalise calling the probe "X"": the phrase right
		// before the participle is its subject.
		e := c
		for e-1 > ss && sc.items[e-1].kind == itWord && strings.HasSuffix(sc.items[e-1].low, "ly") && !sc.items[e-1].cap {
			e-- // "the media falsely describing him"
		}
		if e-1 > ss && sc.items[e-1].kind == itWord && !adverbs[sc.items[e-1].low] {
			if start, ok := sc.npLeft(e, ss); ok && !sc.prepObject(start, ss) {
				m, ok := sc.analyse(start, e, 0, 0)
				if !ok || m.kind != mName {
					for k := e - 1; k > start; k-- {
						if sc.items[k].low == "of" {
							// "an example of the media describing": the media
							m, ok = sc.analyse(k+1, e, 0, 0)
							break
						}
					}
				}
				if ok && (m.kind == mName || m.kind == mNominal && sc.phrase(m.from, m.to).person) {
					return attribution{m: m, cue: w.text, via: viaPre}, true, true
				}
				// "signed a letter saying": who signed it
				if last, _ := sc.word(e - 1); docNouns[last.low] && start-1 > ss && !sc.items[start-1].cap && sc.items[start-1].kind == itWord {
					if m, ok := sc.subjectBefore(start-1, ss); ok {
						return attribution{m: m, cue: w.text, via: viaPre}, true, true
					}
				}
			}
		}
		// "..., adding "X"": the subject of the main clause.
		for k := c - 1; k >= ss; k-- {
			it := sc.items[k]
			if sc.isCue(k, ss) && cues[it.low] == cueSay && !isParticiple(it.low) {
				if m, ok := sc.cueSubject(k, ss, se); ok {
					return attribution{m: m, cue: w.text, via: viaPre}, true, true
				}
			}
		}
		if m, ok := sc.sentenceSubject(ss, c); ok {
			return attribution{m: m, cue: w.text, via: viaPre}, true, true
		}
		// "In the filing itself Ford also made this point, writing "...""
		for k := c - 1; k > ss; k-- {
			if it := sc.items[k]; isNameWord(it) && sc.subjectLike(k) && !isNameWord(sc.items[k+1]) {
				if start, ok := sc.npLeft(k+1, ss); ok {
					if m, ok := sc.analyse(start, k+1, 0, 0); ok && m.kind == mName {
						return attribution{m: m, cue: w.text, via: viaPre}, true, true
					}
				}
			}
		}
		return a, false, false
	}
	m, ok := sc.cueSubject(c, ss, se)
	if !ok {
		return a, false, false
	}
	return attribution{m: m, cue: w.text, via: viaPre}, true, true
}

// quotativeLike returns the item of the verb "be" or "go" of a quotative
// "like" right before quote qi ("she's like "..."", "I'm like: "..."",
// "people went like "...""), or of the verb of a first person's thought
// ("I was thinking, "..."", "Then I thought: "...""), or -1.
func (sc *scan) quotativeLike(qi, ss int) int {
	k := qi - 1
	if sc.isPunct(k, ",:") {
		k--
	}
	w, ok := sc.word(k)
	if ok && thinkForms[w.low] {
		// Only the speaker's own thoughts: others' are not words said.
		for j := k - 1; j > ss-1 && j >= k-3; j-- {
			p, ok := sc.word(j)
			if !ok {
				break
			}
			if p.low == "i" || p.low == "we" || p.low == "me" || p.low == "us" {
				return k
			}
			if !beForms[p.low] && !adverbs[p.low] && p.low != "so" {
				break
			}
		}
		return -1
	}
	if !ok || w.low != "like" {
		return -1
	}
	k--
	for k > ss && (sc.items[k].low == "just" || sc.items[k].low == "all" || sc.items[k].low == "totally") {
		k--
	}
	if w, ok := sc.word(k); ok && k > ss && (beForms[w.low] || goForms[w.low]) {
		return k
	}
	return -1
}

var thinkForms = set(`thought thinking wonder wondered wondering`)

var goForms = set(`go goes went going`)

var beForms = set(`is are was were 's 're 'm am be been`)

// datedCitation: from item i, a source's name, a comma and a date ending
// the paragraph ("CBC.ca, August 15, 2008").
func (sc *scan) datedCitation(i int) bool {
	for k := i; k < len(sc.items) && k < i+8; k++ {
		it := sc.items[k]
		if it.kind == itPara || it.kind == itQuote {
			return false
		}
		if sc.isPunct(k, ",") {
			n, ok := sc.word(k + 1)
			return ok && (months[n.low] || unicode.IsDigit(rune(n.text[0])))
		}
	}
	return false
}

var months = set(`january february march april may june july august september october november december`)

// prepObject: the phrase starting at item start is the object of a
// preposition ("decided not to play for the Federation saying"), so it
// cannot be the subject of a participle after it; "with X saying" and "an
// order by X directing" can.
func (sc *scan) prepObject(start, ss int) bool {
	p, ok := sc.word(start - 1)
	return ok && start-1 >= ss && prepositions[p.low] && p.low != "with" && p.low != "by"
}

// cueSubject finds who does the speaking of the cue verb at c: the phrase
// before it, or after it when inverted ("tweeted Johnson").
func (sc *scan) cueSubject(c, ss, se int) (mention, bool) {
	if m, ok := sc.subjectBefore(c, ss); ok {
		return m, true
	}
	// "told Discover Magazine": the listener follows, not the speaker.
	if (c == ss || sc.items[c-1].kind == itQuote || sc.isPunct(c-1, ",")) && !tellCues[sc.items[c].low] {
		if m, _, ok := sc.mentionRight(c+1, se); ok {
			return m, true
		}
	}
	return mention{}, false
}

// subjectBefore reads the subject phrase ending before the verb at c.
func (sc *scan) subjectBefore(c, ss int) (mention, bool) {
	j := c - 1
	for j >= ss && sc.items[j].kind == itWord && adverbs[sc.items[j].low] {
		j--
	}
	if j < ss {
		return mention{}, false
	}
	// "Fifty former officials, including John Brennan, Leon Panetta, and
	// Michael Hayden, signed": the group speaks, not the last of its list.
	if sc.isPunct(j, ",") {
		for k := j - 1; k > ss && j-k < 30; k-- {
			if w, ok := sc.word(k); ok && w.low == "including" && sc.isPunct(k-1, ",") {
				if start, ok := sc.npLeft(k-1, ss); ok {
					return sc.analyse(start, k-1, 0, 0)
				}
				break
			}
		}
	}
	// "X, the Speaker of the House, said" / "X, speaking to the BBC, said"
	if sc.isPunct(j, ",)") {
		open := ",("
		if sc.items[j].text == ")" {
			open = "("
		}
		k := j - 1
		for k >= ss && !sc.isPunct(k, open+"—") && j-k < 30 {
			k--
		}
		if k <= ss || j-k >= 30 {
			return mention{}, false
		}
		start, ok := sc.npLeft(k, ss)
		if !ok {
			return mention{}, false
		}
		// "Anderson Cooper, of CNN, one of Vanderbilt's sons, stated"
		if p, ok := sc.word(start - 1); ok && (p.low == "of" || p.low == "from") && sc.isPunct(start-2, ",") {
			if n, ok := sc.nameBeforeCommas(start-1, ss); ok {
				return n, true
			}
		}
		if m, ok := sc.analyse(start, k, 0, 0); ok && m.kind == mNominal && sc.isPunct(start-1, ",") {
			if n, ok := sc.nameBeforeCommas(start, ss); ok {
				return n, true
			}
		}
		af, at := k+1, j
		if f, ok := sc.word(af); !ok || f.low == "who" || f.low == "which" || strings.HasSuffix(f.low, "ing") || cues[f.low] != 0 || prepositions[f.low] || f.low == "also" {
			af, at = 0, 0 // a clause, not a title
		}
		return sc.analyse(start, k, af, at)
	}
	w, ok := sc.word(j)
	if !ok {
		return mention{}, false
	}
	// "X opposed the withdrawal and said": the subject of the verb before
	// "and", i.e. the nearest name followed by a verb, else the sentence's.
	if w.low == "and" {
		for k := j - 2; k >= ss; k-- {
			n, v := sc.items[k], sc.items[k+1]
			if isNameWord(n) && v.kind == itWord && pastVerb(v.low) && sc.subjectLike(k) {
				if start, ok := sc.npLeft(k+1, ss); ok {
					if m, ok := sc.analyse(start, k+1, 0, 0); ok && m.kind == mName {
						return m, true
					}
				}
			}
		}
		return sc.sentenceSubject(ss, j)
	}
	// "led Biden to express": the name before "to" speaks.
	if w.low == "to" {
		if n, ok := sc.word(j - 1); ok && isNameWord(n) {
			if start, ok := sc.npLeft(j, ss); ok {
				if m, ok := sc.analyse(start, j, 0, 0); ok && m.kind == mName {
					return m, true
				}
			}
		}
	}
	// "She went on to say", "he continued to say"
	if w.low == "to" {
		k := j - 1
		if p, ok := sc.word(k); ok && p.low == "on" {
			k--
		}
		if v, ok := sc.word(k); ok && k > ss && !v.cap && !stopWords[v.low] {
			return sc.subjectBefore(k, ss)
		}
		return mention{}, false
	}
	if w.low == "which" || w.low == "that" || w.low == "who" {
		return sc.relativeAntecedent(j, ss)
	}
	if isPronoun(w.low) {
		return sc.analyse(j, j+1, 0, 0)
	}
	// "Their statement read", "his letter said": the owner, a pronoun.
	if p, ok := sc.word(j - 1); ok && docNouns[w.low] && possessives[p.low] != "-" && possessives[p.low] != "" || ok && docNouns[w.low] && possessives[p.low] == "-" {
		if g := possessives[p.low]; g != "" {
			if g == "-" {
				g = ""
			}
			return mention{from: j - 1, to: j, kind: mPronoun, gender: g}, true
		}
	}
	start, ok := sc.npLeft(j+1, ss)
	if !ok {
		return mention{}, false
	}
	m, ok := sc.analyse(start, j+1, 0, 0)
	// "and on Twitter referred": a lone name after a preposition is not
	// the subject; look further left.
	if p, okp := sc.word(start - 1); okp && start-1 > ss && prepositions[p.low] && p.low != "of" && p.low != "for" &&
		!(ok && m.kind == mName && !m.org && strings.Contains(m.name, " ")) {
		return sc.subjectBefore(start-1, ss)
	}
	if ok && m.kind == mNominal {
		if n, ok := sc.nameBeforeCommas(start, ss); ok {
			n.title, n.to = m.desc, m.to
			return n, true
		}
	}
	if !ok {
		// "Facebook's statement said": the owner speaks; "The study
		// reports": the document, an unnamed source.
		if last, _ := sc.word(j); docNouns[last.low] {
			if o, ok := sc.ownerOf(start, j+1); ok {
				return o, true
			}
			if f, _ := sc.word(start); f.low == "the" && j+1-start == 2 {
				return mention{from: start, to: j + 1, kind: mNominal, desc: sc.textOf(start+1, j+1), definite: true, doc: true}, true
			}
		}
	}
	return m, ok
}

// nameBeforeCommas finds the name that a comma-separated chain of phrases
// ending at item start describes: "Colin Sutherland, Lord Carloway, [the
// Lord President]". The leftmost name of the chain wins.
func (sc *scan) nameBeforeCommas(start, ss int) (mention, bool) {
	var found mention
	ok := false
	for hops := 0; hops < 3 && start-1 > ss && sc.isPunct(start-1, ","); hops++ {
		s, okl := sc.npLeft(start-1, ss)
		if !okl {
			break
		}
		m, okm := sc.analyse(s, start-1, 0, 0)
		if !okm || m.kind != mName || m.org {
			break
		}
		found, ok = m, true
		start = s
	}
	return found, ok
}

// ownerOf finds "X's" inside [from, to) and returns X.
func (sc *scan) ownerOf(from, to int) (mention, bool) {
	for k := from; k < to; k++ {
		if (sc.items[k].low == "'s" || sc.items[k].low == "'") && k > from {
			return sc.analyse(from, k, 0, 0)
		}
	}
	return mention{}, false
}

// relativeAntecedent: "a statement which read" -> who made the statement;
// "Smith, who said" -> Smith.
func (sc *scan) relativeAntecedent(j, ss int) (mention, bool) {
	k := j - 1
	if sc.isPunct(k, ",") {
		k--
	}
	start, ok := sc.npLeft(k+1, ss)
	if !ok {
		return mention{}, false
	}
	if last, _ := sc.word(k); docNouns[last.low] || last.low == "signs" || last.low == "sign" {
		if m, ok := sc.ownerOf(start, k+1); ok {
			return m, true
		}
		// "They released a statement which said": the subject of released.
		v := start - 1
		if v > ss {
			return sc.subjectBefore(v, ss)
		}
		return mention{}, false
	}
	m, ok := sc.analyse(start, k+1, 0, 0)
	if ok && m.kind == mName && !m.org {
		return m, true
	}
	// "the home of Prime Minister Tuilaepa, who told the press": who is
	// the person the phrase ends with.
	if sc.items[j].low == "who" {
		for o := k; o > start; o-- {
			if sc.items[o].low == "of" {
				if n, ok := sc.analyse(o+1, k+1, 0, 0); ok && n.kind == mName && !n.org {
					return n, true
				}
				break
			}
		}
	}
	// "Mark Hay, a marine ecologist and Regents Professor at GT, who said"
	for b := start - 1; b > ss && b >= start-20; b-- {
		if sc.items[b].kind == itQuote {
			break
		}
		if sc.isPunct(b, ",") {
			if s2, ok := sc.npLeft(b, ss); ok {
				if n, ok := sc.analyse(s2, b, 0, 0); ok && n.kind == mName && !n.org {
					n.title = strings.TrimSpace(sc.textOf(b+1, k+1))
					return n, true
				}
			}
			break
		}
	}
	return m, ok
}

// byAgent reads "by X" after a passive cue's quote.
func (sc *scan) byAgent(i, se int) (mention, bool) {
	if w, ok := sc.word(i); ok && w.low == "by" {
		m, _, ok := sc.mentionRight(i+1, se)
		return m, ok
	}
	return mention{}, false
}

// according handles "according to X" anywhere in the sentence.
func (sc *scan) according(ss, se int) (attribution, bool) {
	for k := ss; k+1 < se; k++ {
		i := -1
		switch {
		case sc.items[k].low == "according" && sc.items[k+1].low == "to":
			i = k + 2
		case k+3 < se && sc.items[k].low == "in" && sc.items[k+1].low == "the" && sc.items[k+2].low == "words" && sc.items[k+3].low == "of":
			i = k + 4 // "in the words of the Crown prosecutor, Mark Tedeschi,"
		}
		if i >= 0 {
			// "According to him, ...": the one he is (not "according to
			// her memoirs").
			_, owned := sc.word(i + 1)
			if g, ok := objectPronouns[sc.items[i].low]; ok && sc.items[i].kind == itWord && !owned {
				if g == "-" {
					g = ""
				}
				return attribution{m: mention{from: i, to: i + 1, kind: mPronoun, gender: g}, cue: "according to", via: viaAccording}, true
			}
			// "according to a tweet on Monday by X"
			if m, _, ok := sc.mentionRight(i, se); ok && m.kind != mNominal {
				return attribution{m: m, cue: "according to", via: viaAccording}, true
			}
			for b := i; b < se && b < i+8; b++ {
				if sc.items[b].low == "by" {
					if m, _, ok := sc.mentionRight(b+1, se); ok {
						return attribution{m: m, cue: "according to", via: viaAccording}, true
					}
				}
			}
			if m, _, ok := sc.mentionRight(i, se); ok {
				return attribution{m: m, cue: "according to", via: viaAccording}, true
			}
		}
	}
	return attribution{}, false
}

// sentenceSubject reads the subject of the sentence [ss, limit), after an
// introductory phrase ("In a statement released after the attack, ...").
func (sc *scan) sentenceSubject(ss, limit int) (mention, bool) {
	start := ss
	// An opening adverbial or participle ("Underwhelmed with her role,")
	// comes before the subject.
	if w, ok := sc.word(ss); ok && (introWords[w.text] || !w.cap || w.upos == "VERB" || w.upos == "ADP" || w.upos == "SCONJ" || w.upos == "ADV" ||
		w.upos == "ADJ" && (strings.HasSuffix(w.low, "ed") || strings.HasSuffix(w.low, "ing"))) {
		for k := ss; k < limit; k++ {
			if sc.isPunct(k, ",") {
				start = k + 1
				break
			}
			if sc.items[k].kind == itQuote {
				return mention{}, false
			}
		}
		if start == ss {
			return mention{}, false
		}
	}
	m, end, ok := sc.mentionRight(start, limit)
	if (!ok || end >= limit) && start == ss {
		// "One of these groups, the Syrian Democratic Forces, said"
		for k := ss; k < limit; k++ {
			if sc.isPunct(k, ",") {
				m, end, ok = sc.mentionRight(k+1, limit)
				break
			}
		}
	}
	if !ok || end >= limit {
		return mention{}, false
	}
	return m, true
}

// documentSpeaker handles a quote right after the document it comes from:
// "Part of Trump's tweet included the statement, "..."" (the owner named in
// the sentence), "Twitter placed a disclaimer "..."" (who made it).
func (sc *scan) documentSpeaker(qi, ss int) (mention, bool) {
	k := qi - 1
	if sc.isPunct(k, ",:") {
		k--
	}
	w, ok := sc.word(k)
	if !ok || k <= ss || !docNouns[w.low] {
		return mention{}, false
	}
	for o := ss + 1; o+1 < qi; o++ {
		if sc.items[o].low == "'s" && docNouns[sc.items[o+1].low] {
			b := o
			for b > ss && isNameWord(sc.items[b-1]) {
				b--
			}
			if b < o {
				if m, ok := sc.analyse(b, o, 0, 0); ok && m.kind == mName {
					return m, true
				}
			}
		}
	}
	// the verb before "a disclaimer" and its subject
	start := k
	for start > ss && sc.items[start-1].kind == itWord && !sc.items[start-1].cap && !stopWords[sc.items[start-1].low] || start > ss && (sc.items[start-1].low == "a" || sc.items[start-1].low == "the") {
		if sc.items[start-1].low == "a" || sc.items[start-1].low == "the" {
			start--
			break
		}
		start--
	}
	if v := start - 1; v > ss && sc.items[v].kind == itWord && !sc.items[v].cap {
		if m, ok := sc.subjectBefore(v, ss); ok && m.kind == mName {
			return m, true
		}
	}
	return mention{}, false
}

// colonSubject reads who speaks in "X justified the strike: ...": the
// subject of the sentence, or the owner of "X's statement".
func (sc *scan) colonSubject(ss, limit int) (mention, bool) {
	// "issued the following statement from the king:"
	for k := ss; k+2 < limit; k++ {
		if docNouns[sc.items[k].low] && (sc.items[k+1].low == "from" || sc.items[k+1].low == "by") {
			if m, _, ok := sc.mentionRight(k+2, limit); ok {
				return m, true
			}
		}
	}
	m, ok := sc.sentenceSubject(ss, limit)
	if !ok {
		return mention{}, false
	}
	if m.kind != mNominal {
		return m, true
	}
	if sc.phrase(m.from, m.to).person {
		return m, true
	}
	if o, ok := sc.ownerOf(m.from, m.to); ok {
		return o, true
	}
	return mention{}, false
}

// nextAttribution handles a quote that ends its sentence and is attributed
// by the next one: `"...!" Macron told the world on Thursday via Twitter.`
func (sc *scan) nextAttribution(si int) (attribution, bool) {
	if si+1 >= len(sc.sents) || sc.para[si+1] != sc.para[si] {
		return attribution{}, false
	}
	ns, ne := sc.sents[si+1][0], sc.sents[si+1][1]
	m, end, ok := sc.mentionRight(ns, ne)
	if !ok {
		return attribution{}, false
	}
	c := end
	for c < ne && sc.items[c].kind == itWord && adverbs[sc.items[c].low] {
		c++
	}
	cw, ok := sc.word(c)
	if !ok || cues[cw.low] != cueSay || isParticiple(cw.low) {
		return attribution{}, false
	}
	for k := c + 1; k < ne; k++ {
		it := sc.items[k]
		if it.kind == itQuote || it.low == "that" || it.kind == itWord && cues[it.low] != 0 {
			return attribution{}, false
		}
	}
	return attribution{m: m, cue: cw.text, via: viaNext}, true
}

// continuation gives a quote that opens its sentence without attribution the
// speaker of the sentence before: the previous quote's speaker, or the
// subject of a speech verb there ("McGurk criticized the decision via
// Twitter. "...""). Across a paragraph break only a quote carries over.
func (sc *scan) continuation(si int, prev map[int]attribution) (attribution, bool) {
	if si == 0 {
		return attribution{}, false
	}
	ps, pe := sc.sents[si-1][0], sc.sents[si-1][1]
	samePara := sc.para[si-1] == sc.para[si]
	for k := pe - 1; k >= ps; k-- {
		if sc.items[k].kind == itQuote {
			if a, ok := prev[k]; ok {
				// ""...," Professor Eastman said." then a paragraph that
				// is only a quote: he goes on.
				// A colon ending the sentence before introduces the quote.
				if !samePara && !sc.endsWithQuote(si-1) && a.via != viaPost && !sc.isPunct(pe-1, ":") {
					return attribution{}, false
				}
				return attribution{m: a.m, cue: a.cue, via: viaCont}, true
			}
			if !samePara {
				return attribution{}, false
			}
		}
	}
	if !samePara {
		return attribution{}, false
	}
	for k := pe - 1; k >= ps; k-- {
		it := sc.items[k]
		if sc.isCue(k, ps) {
			if isParticiple(it.low) {
				continue
			}
			if m, ok := sc.cueSubject(k, ps, pe); ok {
				return attribution{m: m, cue: it.text, via: viaCont}, true
			}
		}
	}
	// A profile: "Alexis Tipton marveled at the growth of the industry.
	// "Back when I was going as a fan..."": the one person the sentence
	// before is about.
	if m, ok := sc.onlyPerson(ps, pe); ok {
		return attribution{m: m, via: viaCont}, true
	}
	return attribution{}, false
}

// introOnly: the items before the quote at qi are a short adverbial
// opening the sentence and a comma ("During the premiere, "..."").
func (sc *scan) introOnly(ss, qi int) bool {
	if qi-ss < 2 || qi-ss > 7 || !sc.isPunct(qi-1, ",") {
		return false
	}
	f, ok := sc.word(ss)
	if !ok || !prepositions[f.low] && !adverbs[f.low] && f.low != "during" && f.low != "later" {
		return false
	}
	return !sc.cueWithin(ss, qi-1)
}

// cueWithin: a speech cue among the items [from, to).
func (sc *scan) cueWithin(from, to int) bool {
	for k := from; k < to && k < len(sc.items); k++ {
		if sc.items[k].kind == itWord && cues[sc.items[k].low] != 0 {
			return true
		}
	}
	return false
}

// onlyPerson returns the sentence's subject when it names a person, else
// the one person the sentence names, if it names exactly one.
func (sc *scan) onlyPerson(ss, se int) (mention, bool) {
	person := func(m mention) bool { return m.kind == mName && !m.org }
	// "Underwhelmed with her role, she left the series." before a quote
	// in the first person: she.
	if m, ok := sc.sentenceSubject(ss, se); ok && (person(m) || m.kind == mPronoun && m.gender != "") {
		return m, true
	}
	var found mention
	n := 0
	for k := ss; k < se; k++ {
		if !isNameWord(sc.items[k]) || sc.items[k].place {
			continue
		}
		m, end, ok := sc.mentionRight(k, se)
		if !ok || end <= k {
			continue
		}
		if person(m) && (n == 0 || !Match(m.name, found.name)) {
			found, n = m, n+1
		}
		k = end - 1
	}
	if n == 0 {
		// "Why did she so badly want to attend? "It's Warhol."": the one
		// person, by a subject pronoun, of a sentence that names no one.
		for k := ss; k < se; k++ {
			w := sc.items[k]
			if g := pronouns[w.low]; w.kind == itWord && g != "" && sc.subjectLike(k) {
				if n > 0 && g != found.gender {
					return mention{}, false
				}
				found, n = mention{from: k, to: k + 1, kind: mPronoun, gender: g}, 1
			}
		}
	}
	return found, n == 1
}

// endsWithQuote: the sentence's last item (before final punctuation) is a quote.
func (sc *scan) endsWithQuote(si int) bool {
	ps, pe := sc.sents[si][0], sc.sents[si][1]
	k := pe - 1
	for k > ps && sc.items[k].kind == itPunct {
		k--
	}
	return k >= ps && sc.items[k].kind == itQuote
}

// sentenceLike: a quote long enough and in sentence case, so speech
// rather than a title even after "programme" or "show" ("on the South
// Sudan in Focus programme "It is a great loss to the people..."").
func sentenceLike(seg string) bool {
	ws := strings.Fields(quoteInner(seg))
	if len(ws) < 8 {
		return false
	}
	lower, long := 0, 0
	for _, w := range ws {
		if len(w) <= 3 {
			continue // "of", "the" are lower case in titles too
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			lower++
		}
	}
	return lower*2 > long
}

// titleCase: every word of the quote of four letters or more is
// capitalised ("Hurricane Hunters", "The Art of the Deal").
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func titleCase(seg string) bool {
	n := 0
	for _, w := range strings.Fields(quoteInner(seg)) {
		if len(w) < 4 {
			continue // "of", "the"
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n > 0
}

// clausePunct: s holds punctuation that ends or parts a clause; the point
// of a number ("Democracy 2.0") does not.
func clausePunct(s string) bool {
	for i, r := range s {
		switch r {
		case '!', '?', ',':
			return true
		case '.':
			if i+1 >= len(s) || s[i+1] < '0' || s[i+1] > '9' {
				return true
			}
		}
	}
	return false
}

// oneWord: a quoted segment holding a single word.
func oneWord(seg string) bool {
	return len(strings.Fields(strings.Trim(quoteInner(seg), " ,.;:!?"))) == 1
}
