package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type mentionKind uint8

const (
	mName    mentionKind = iota + 1 // a proper name, person or organisation
	mPronoun                        // he, she, they...
	mNominal                        // a description: "the minister", "a police spokesperson"
)

// mention is a phrase that names or describes a speaker.
type mention struct {
	from, to    int // item range [from, to), appositives included
	kind        mentionKind
	name        string // the proper name, when there is one
	title       string
	affiliation string
	honorific   string
	desc        string // the description of a nominal mention, without its article
	org         bool
	definite    bool // nominal with "the": refers back to someone named earlier
	gender      string
}

// Connectives that can sit inside a multi-word name.
var nameLinks = set(`bin ibn bint al el de del della der den di da du dos das la le van von ter ten y abu ben`)

// docNouns are things that speak for their author: "Facebook's statement".
var docNouns = set(`statement statements summary decree letter message tweet tweets post report ruling
	judgment judgement proclamation document release communique order resolution comments remarks
	speech address website account announcement`)

func (sc *scan) word(i int) (item, bool) {
	if i < 0 || i >= len(sc.items) || sc.items[i].kind != itWord {
		return item{}, false
	}
	return sc.items[i], true
}

func (sc *scan) isPunct(i int, chars string) bool {
	return i >= 0 && i < len(sc.items) && sc.items[i].kind == itPunct && strings.Contains(chars, sc.items[i].text)
}

// isNameWord: a capitalised word that can be part of a proper name.
func isNameWord(it item) bool {
	if it.kind != itWord || !it.cap || notNames[it.text] {
		return false
	}
	if it.upos != "" && it.upos != "PROPN" && it.upos != "NOUN" && it.upos != "ADJ" && it.upos != "X" {
		return false
	}
	return true
}

// isAcronym: SDF, WHO, NATO.
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// npToken tells whether item it may be inside a speaker noun phrase.
func npToken(it item) bool {
	if it.kind != itWord {
		return false
	}
	if it.cap {
		return !notNames[it.text] || it.low == "the" || it.low == "a" || it.low == "an"
	}
	if npBreak[it.low] && it.low != "and" || cues[it.low] != 0 && !roleNouns[it.low] || adverbs[it.low] {
		return false
	}
	if it.upos != "" {
		switch it.upos {
		case "NOUN", "PROPN", "ADJ", "DET", "NUM", "PART", "ADP", "CCONJ":
		default:
			return false
		}
	}
	return true
}

// npLeft reads the noun phrase that ends just before item end, not reaching
// before item min. It returns the start of the phrase.
func (sc *scan) npLeft(end, min int) (int, bool) {
	i := end - 1
	start := -1
	lower := 0 // lower-case words since the last anchor
	for ; i >= min; i-- {
		it := sc.items[i]
		if !npToken(it) {
			break
		}
		switch {
		case it.low == "the" || it.low == "a" || it.low == "an" || it.low == "another":
			return i, end-i > 1
		case it.low == "'s" || it.cap || roleNouns[it.low] || titleWords[it.low] || nameLinks[it.low] || unicode.IsDigit(rune(it.text[0])):
			start, lower = i, 0
		case it.low == "of" || it.low == "for" || it.low == "from" || it.low == "and":
			lower++
		default:
			lower++
			if lower > 3 {
				i = -1
			}
		}
		if i < 0 {
			break
		}
	}
	if start < 0 {
		return 0, false
	}
	// A phrase cannot start with a connective.
	for start < end && (sc.items[start].low == "of" || sc.items[start].low == "and" || sc.items[start].low == "'s") {
		start++
	}
	return start, start < end
}

// npRight reads the noun phrase starting at item i (not beyond max) and
// returns its end.
func (sc *scan) npRight(i, max int) (int, bool) {
	j := i
	end := -1
	for ; j < max; j++ {
		it := sc.items[j]
		if !npToken(it) && !(j == i && pronouns[it.low] != "" || j == i && pronouns[it.low] == "" && isPronoun(it.low)) {
			break
		}
		if j == i && isPronoun(it.low) {
			return j + 1, true
		}
		switch {
		case j == i && (it.low == "the" || it.low == "a" || it.low == "an" || it.low == "another"):
		case it.cap || roleNouns[it.low] || titleWords[it.low] || nameLinks[it.low] && end >= 0 || it.low == "'s":
			end = j + 1
		case it.low == "of" || it.low == "for" || it.low == "from" || it.low == "at" || it.low == "on" || it.low == "and" || it.low == "the":
			// only inside the phrase: checked by what follows
			if it.low == "at" || it.low == "on" {
				if n, ok := sc.word(j + 1); !ok || !(n.cap || n.low == "the") {
					j = max
				}
			}
		default:
			// Lower-case words pass when a name or role follows soon
			// ("student protester Joshua Wong").
			if !sc.anchorWithin(j+1, max, 3) {
				j = max
			}
		}
	}
	if end < 0 {
		return 0, false
	}
	return end, true
}

func isPronoun(w string) bool {
	_, ok := pronouns[w]
	return ok
}

// anchorWithin: a capitalised word or role noun within n items from i.
func (sc *scan) anchorWithin(i, max, n int) bool {
	for k := i; k < max && k < i+n; k++ {
		it := sc.items[k]
		if it.kind != itWord {
			return false
		}
		if it.cap || roleNouns[it.low] || titleWords[it.low] {
			return true
		}
	}
	return false
}

// appositiveRight reads ", the Speaker of the House," after a phrase ending
// at item i. It returns the range of the appositive's words and the item
// after it, or ok=false.
func (sc *scan) appositiveRight(i, max int) (from, to int, ok bool) {
	if !sc.isPunct(i, ",") {
		return 0, 0, false
	}
	first, okw := sc.word(i + 1)
	if !okw || strings.HasSuffix(first.low, "ing") || first.low == "who" || first.low == "which" || first.low == "that" || cues[first.low] != 0 && !roleNouns[first.low] {
		return 0, 0, false
	}
	if !(first.cap || first.low == "the" || first.low == "a" || first.low == "an" || titleWords[first.low] || roleNouns[first.low] || first.low == "former" || first.low == "then") {
		return 0, 0, false
	}
	j := i + 1
	for ; j < max && j < i+25; j++ {
		it := sc.items[j]
		if it.kind == itQuote || it.kind == itPunct && it.text != "-" && it.text != "–" {
			break
		}
		if it.kind == itWord && (cues[it.low] == cueSay && !roleNouns[it.low] || it.low == "who" || it.low == "which") {
			return 0, 0, false
		}
	}
	if j == i+1 {
		return 0, 0, false
	}
	return i + 1, j, true
}

// text returns the document text covering items [from, to).
func (sc *scan) textOf(from, to int) string {
	if from >= to {
		return ""
	}
	return sc.text[sc.items[from].s:sc.items[to-1].e]
}

// analyse builds a mention from the phrase [from, to) and an optional
// appositive [af, at).
func (sc *scan) analyse(from, to, af, at int) (mention, bool) {
	m := mention{from: from, to: to}
	if at > af {
		m.to = at
	}
	if to-from == 1 && isPronoun(sc.items[from].low) {
		m.kind = mPronoun
		m.gender = pronouns[sc.items[from].low]
		return m, true
	}
	head := sc.phrase(from, to)
	var app phraseInfo
	if at > af {
		app = sc.phrase(af, at)
	}
	// "The Vice President, Mike Pence": the name may be in the appositive.
	if head.name == "" && app.name != "" && !app.org {
		head, app = app, head
		if app.title == "" {
			app.title = app.desc
		}
	}
	if head.name == "" {
		if head.desc == "" || !head.person {
			return mention{}, false
		}
		m.kind = mNominal
		m.desc = head.desc
		m.definite = head.definite
		m.title = head.desc
		return m, true
	}
	m.kind = mName
	m.name, m.org, m.honorific = head.name, head.org, head.honorific
	m.title, m.affiliation = head.title, head.affiliation
	if at > af {
		t, a := splitTitle(app.raw)
		if m.title == "" || t != "" {
			if m.title != "" && m.honorific == "" && isTitleWord(strings.ToLower(m.title)) {
				m.honorific = m.title // "Ambassador William Taylor, former U.S. Ambassador to Ukraine"
			}
			m.title = t
		}
		if a != "" {
			m.affiliation = a
		}
	}
	if isHonorific(m.honorific) {
		switch strings.ToLower(strings.TrimSuffix(m.honorific, ".")) {
		case "mr", "sir", "lord", "father", "fr":
			m.gender = "m"
		case "mrs", "ms", "miss", "dame", "lady", "mme", "madame":
			m.gender = "f"
		}
	}
	return m, true
}

type phraseInfo struct {
	raw, name, title, affiliation, honorific, desc string
	org, person, definite                          bool
}

// phrase splits a noun phrase into title, honorific, name and affiliation.
func (sc *scan) phrase(from, to int) phraseInfo {
	var p phraseInfo
	p.raw = sc.textOf(from, to)
	words := sc.items[from:to]
	if len(words) == 0 {
		return p
	}
	if l := words[0].low; l == "the" || l == "a" || l == "an" || l == "another" {
		p.definite = l == "the"
		words = words[1:]
		from++
	}
	for _, w := range words {
		if orgWords[w.low] && (w.cap || isAcronym(w.text)) || isAcronym(w.text) && !demonyms[w.text] || w.ent == "ORG" {
			p.org = true
		}
	}
	// The name: the last run of name words (with inner links), not titles.
	nameEnd, nameStart := -1, -1
	for k := len(words) - 1; k >= 0; k-- {
		w := words[k]
		isName := isNameWord(w) && !isTitleWord(w.low) && !demonyms[w.text] && !isHonorific(w.text) && !(roleNouns[w.low] && !p.org)
		if p.org {
			isName = isNameWord(w) || isAcronym(w.text) || (w.low == "of" || w.low == "for" || w.low == "on" || w.low == "and" || w.low == "the") && nameEnd >= 0
		}
		if isName || nameEnd >= 0 && nameLinks[w.low] {
			if nameEnd < 0 {
				nameEnd = k + 1
			}
			nameStart = k
			continue
		}
		if nameEnd >= 0 {
			if w.low == "of" || w.low == "from" || w.low == "at" {
				// "Doug Collins of Georgia": what we took is the affiliation.
				if !p.org {
					p.affiliation = sc.textOf(from+nameStart, from+nameEnd)
					nameEnd, nameStart = -1, -1
					continue
				}
			}
			break
		}
		if w.low == "'s" {
			// "Merkel's spokesperson": the owner is not the speaker's name.
			break
		}
	}
	// Organisations keep their leading words ("Turkish Ministry of Foreign Affairs").
	if p.org && nameStart > 0 {
		for nameStart > 0 && (isNameWord(words[nameStart-1]) || demonyms[words[nameStart-1].text]) {
			nameStart--
		}
	}
	for nameStart >= 0 && nameStart < nameEnd && (words[nameStart].low == "the" || words[nameStart].low == "of" || words[nameStart].low == "and") {
		nameStart++
	}
	if nameStart >= 0 && nameStart < nameEnd {
		p.name = sc.textOf(from+nameStart, from+nameEnd)
		pre := nameStart
		if pre > 0 && isHonorific(words[pre-1].text) {
			p.honorific = words[pre-1].text
			pre--
		}
		if pre > 0 {
			p.title = sc.textOf(from, from+pre)
			if !p.org && pre == 1 && (words[0].low == "ambassador" || words[0].low == "professor") {
				p.honorific, p.title = words[0].text, ""
			}
		}
		if !p.org && nameEnd-nameStart == 1 && !nameShaped(words[nameStart].text) {
			p.name = ""
		}
		p.person = !p.org
		return p
	}
	// No name: a description, person-like when its head is a role noun.
	last := words[len(words)-1]
	p.desc = sc.textOf(from, to)
	p.person = roleNouns[last.low] || titleWords[last.low] || p.org && !docNouns[last.low]
	for _, w := range words {
		if w.low == "of" || w.low == "for" || w.low == "from" {
			break
		}
		if roleNouns[w.low] || titleWords[w.low] {
			p.person = true
		}
	}
	if docNouns[last.low] {
		p.person = false
	}
	return p
}

// nameShaped: a single word that can be a surname or organisation.
func nameShaped(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && utf8.RuneCountInString(w) > 1
}

// splitTitle cuts an appositive into title and affiliation:
// "Professor of History at Catholic University of America" ->
// ("Professor of History", "Catholic University of America");
// "the Director-General of the WHO" -> ("Director-General", "WHO").
func splitTitle(app string) (title, affiliation string) {
	app = strings.TrimSpace(app)
	for _, det := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(strings.ToLower(app), det) {
			app = app[len(det):]
			break
		}
	}
	if i := strings.Index(app, " at "); i > 0 {
		return app[:i], trimThe(app[i+4:])
	}
	if i := strings.Index(app, " of "); i > 0 {
		rest := trimThe(app[i+4:])
		if looksOrg(rest) {
			return app[:i], rest
		}
	}
	return app, ""
}

func trimThe(s string) string {
	if strings.HasPrefix(s, "the ") {
		return s[4:]
	}
	return s
}

func looksOrg(s string) bool {
	for _, w := range strings.Fields(s) {
		if orgWords[strings.ToLower(w)] && w != "State" || isAcronym(w) {
			return true
		}
	}
	return false
}
