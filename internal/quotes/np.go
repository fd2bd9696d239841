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
	dfrom, dto  int // a nominal's description when narrower than [from, to), else 0, 0
	kind        mentionKind
	name        string // the proper name, when there is one
	title       string
	affiliation string
	honorific   string
	desc        string // the description of a nominal mention, without its article
	org         bool
	definite    bool // nominal with "the": refers back to someone named earlier
	gender      string
	// around is the item range of the subject's phrase in the parse, clauses
	// left out, when the mention was read from the parse; else empty.
	around [2]int
	doc    bool // "the warning", "the report": a document that speaks for its author
}

// described returns the item range of a description without its
// appositive: "a woman" of "a woman, a season ticket holder and a die hard
// fan".
func (m mention) described() (from, to int) {
	if m.kind == mNominal && m.dto > m.dfrom {
		return m.dfrom, m.dto
	}
	return m.from, m.to
}

// docMention reads "the warning" or "the report" at [from, to) as a
// document speaking for its author: definite, singular, at most three words.
func (sc *scan) docMention(from, to int) (mention, bool) {
	if to-from < 2 || to-from > 4 || sc.items[from].low != "the" {
		return mention{}, false
	}
	last := sc.items[to-1]
	if last.kind != itWord || !docNouns[last.low] || strings.HasSuffix(last.low, "s") {
		return mention{}, false
	}
	for k := from + 1; k < to; k++ {
		if sc.items[k].kind != itWord || sc.items[k].cap {
			return mention{}, false
		}
	}
	return mention{from: from, to: to, kind: mNominal, desc: sc.textOf(from+1, to), definite: true, doc: true}, true
}

// isLink: a lower-case connective inside a name ("bin", "von der").
func isLink(w item) bool { return nameLinks[w.text] }

// headWord: a lower-case noun that can head a speaker's description.
func headWord(w item) bool {
	return roleNouns[w.low] || titleWords[w.low] || orgWords[w.low] && !docNouns[w.low]
}

// Connectives that can sit inside a multi-word name.
var nameLinks = set(`bin ibn bint al el de del della der den di da du dos das la le van von ter ten y abu ben`)

// docNouns are things that speak for their author: "Facebook's statement".
var docNouns = set(`disclaimer notice study description reports statement statements summary response reply answer words verdict decree letter message tweet tweets post report ruling
	judgment judgement proclamation document release communique order resolution comments remarks
	speech address website account announcement warning advisory bulletin memo opinion filing quote
	analysis paper article editorial banner placard ad ads advertisement decision`)

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
	if it.kind != itWord || !it.cap || notNames[it.text] || strings.ContainsAny(it.text, "0123456789") {
		return false
	}
	// A word the tagger took for a verb is still a name word inside an
	// entity ("See" of "the Holy See").
	if it.upos != "" && it.upos != "PROPN" && it.upos != "NOUN" && it.upos != "ADJ" && it.upos != "X" && !(it.person || it.place || it.org) {
		return false
	}
	return true
}

// chainWord: words[k] is capitalised, not the first word, and between two
// name words.
func chainWord(words []item, k int) bool {
	return k > 0 && k+1 < len(words) && words[k].kind == itWord && words[k].cap &&
		isNameWord(words[k-1]) && isNameWord(words[k+1])
}

// nounTitle: a title word the tagger reads as a noun or adjective ("the
// state news agency"), not the speech verb it can also be ("state").
func nounTitle(it item) bool {
	return titleWords[it.low] && (it.upos == "NOUN" || it.upos == "ADJ")
}

// titledTail: the phrase ends in a capitalised title and a two-word name
// ("... Speaker John Bercow").
func titledTail(words []item) bool {
	k := len(words)
	return k >= 5 && isTitleWord(words[k-3].low) && words[k-3].cap && isNameWord(words[k-2]) && isNameWord(words[k-1]) &&
		!orgWords[words[k-2].low] && !orgWords[words[k-1].low]
}

// isInitial: "S", "S." before a surname.
func isInitial(w string) bool {
	r := []rune(strings.TrimSuffix(w, "."))
	return len(r) == 1 && unicode.IsUpper(r[0])
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
		// "Do organisers ...?": a question's auxiliary is not in the phrase.
		return (!notNames[it.text] || it.low == "the" || it.low == "a" || it.low == "an") && !verbLike(it)
	}
	if npBreak[it.low] && it.low != "and" || cues[it.low] != 0 && !roleNouns[it.low] && !nounTitle(it) || adverbs[it.low] {
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
		roleTo := it.low == "to" && i > min && (roleNouns[sc.items[i-1].low] || titleWords[sc.items[i-1].low])
		// "Royal Canadian Mounted Police": a capitalised verb between names
		if !npToken(it) && !roleTo && !(i > min && i+1 < end && chainWord(sc.items[i-1:i+2], 1)) {
			break
		}
		switch {
		case it.low == "the" || it.low == "a" || it.low == "an" || it.low == "another":
			// "the head of the police's investigators": an inner article.
			if p, ok := sc.word(i - 1); ok && i-1 >= min && (p.low == "of" || p.low == "for" || p.low == "from" ||
				p.low == "to" && i-2 >= min && (roleNouns[sc.items[i-2].low] || titleWords[sc.items[i-2].low])) {
				start, lower = i, 0
				continue
			}
			return i, end-i > 1
		case it.low == "to" && i > min && (roleNouns[sc.items[i-1].low] || titleWords[sc.items[i-1].low]):
			// "contributor to Slate", "ambassador to Ukraine"
			lower++
		case it.cap && platforms[it.low] && start > i && i > min && (sc.items[i-1].low == "on" || sc.items[i-1].low == "via"):
			// "The next day on Twitter West accused": where, not who.
			return start, true
		case it.low == "'s" || it.cap || headWord(it) || isLink(it) || unicode.IsDigit(rune(it.text[0])):
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
	// "One MP", "One of the children": the number opens the phrase (and
	// makes it indefinite).
	if o, ok := sc.word(start - 1); ok && o.low == "of" && start-2 >= min {
		if w, ok := sc.word(start - 2); ok && numberWords[w.low] {
			start -= 2
		}
	} else if w, ok := sc.word(start - 1); ok && start-1 >= min && start < end && numberWords[w.low] {
		start--
	}
	return start, start < end
}

// npRight reads the noun phrase starting at item i (not beyond max) and
// returns its end.
func (sc *scan) npRight(i, max int) (int, bool) {
	if w, ok := sc.word(i); ok && !w.cap && strings.HasSuffix(w.low, "ing") {
		return 0, false // "addressing the leaders" is a clause
	}
	j := i
	// "a bunch of them", "a number of senators": the quantity opens a group.
	if w, ok := sc.word(j); ok && (w.low == "a" || w.low == "the") {
		if q, ok := sc.word(j + 1); ok && quantNouns[q.low] {
			if e, ok := sc.partitive(j+1, max); ok {
				return e, true
			}
		}
	}
	if w, ok := sc.word(j); ok && numberWords[w.low] {
		if e, ok := sc.partitive(j, max); ok {
			return e, true
		}
		j++ // "Fifty former officials"
	}
	end := -1
	named := false // a name word has been read: lower-case words end the phrase
	for ; j < max; j++ {
		it := sc.items[j]
		if !npToken(it) && !(j == i && pronouns[it.low] != "" || j == i && pronouns[it.low] == "" && isPronoun(it.low)) &&
			!(j > i && j+1 < max && chainWord(sc.items[j-1:j+2], 1)) {
			break
		}
		if j == i && isPronoun(it.low) {
			return j + 1, true
		}
		switch {
		case j == i && (it.low == "the" || it.low == "a" || it.low == "an" || it.low == "another"):
		case it.low == "'s":
			// "Honcharuk's offer": the owner is the phrase; "Merkel's
			// spokesperson" goes on.
			if n, ok := sc.word(j + 1); !ok || !(n.cap || headWord(n)) {
				j = max
				continue
			}
			end = j + 1
		case it.cap || headWord(it) || isLink(it) && end >= 0:
			end = j + 1
			if isNameWord(it) && !isTitleWord(it.low) && !demonyms[it.text] && !isHonorific(it.text) {
				named = true
			}
		case it.low == "of" || it.low == "for" || it.low == "from" || it.low == "at" || it.low == "on" || it.low == "and" || it.low == "the":
			// only inside the phrase: checked by what follows
			if it.low == "at" || it.low == "on" {
				if n, ok := sc.word(j + 1); !ok || !(n.cap || n.low == "the") {
					j = max
				}
			}
		case end < 0 && docNouns[it.low] && j+2 < max && (sc.items[j+1].low == "by" || sc.items[j+1].low == "from" || sc.items[j+1].low == "in" && outletDocs[it.low]):
			// "the post by an unknown author": the author follows.
			end = j + 1
			j++
			if a, ok := sc.word(j + 1); ok && (a.low == "a" || a.low == "an" || a.low == "the") {
				j++
			}
		case named && mediaNouns[it.low]:
			// "Azzaman newspaper": the outlet's name ends there.
			end, j = j+1, max
		case end >= 0 && (docNouns[it.low] || it.low == "press" && j+1 < max && sc.items[j+1].low == "release"):
			// "an AEW press release": the document ends the phrase.
			if it.low == "press" {
				j++
			}
			end, j = j+1, max
		default:
			// "The new governor of the region, Alexander Moor": a role's
			// lower-case complement before its appositive.
			if k, ok := sc.roleComplement(i, j, max); ok && !named {
				end, j = k, k-1
				continue
			}
			// "of the Northern Arapaho tribal historic preservation
			// office": lower-case words before a body's head word.
			if k, ok := sc.bodyHead(j, max); ok && named {
				end, j = k, k-1
				continue
			}
			// Lower-case words pass when a name or role follows soon
			// ("student protester Joshua Wong"); after a name only a role
			// and a name do ("Rutgers University political scholar Kelly
			// Dittmar").
			if named && !sc.roleThenName(j, max) || !named && !sc.anchorWithin(j+1, max, 3) {
				j = max
			}
		}
	}
	if end < 0 {
		return 0, false
	}
	return end, true
}

// bodyHead reads up to three lower-case nouns and adjectives from i and
// the body noun after them ("tribal historic preservation office"),
// returning the item after the body noun.
func (sc *scan) bodyHead(i, max int) (int, bool) {
	for k := i; k < max && k < i+4; k++ {
		w, ok := sc.word(k)
		if !ok || w.cap || stopWords[w.low] || cues[w.low] != 0 || w.upos != "" && w.upos != "NOUN" && w.upos != "ADJ" {
			return 0, false
		}
		if k > i && orgWords[w.low] && !docNouns[w.low] {
			return k + 1, true
		}
	}
	return 0, false
}

// partitive reads "One of the children", "some of the protesters", "one
// of the study's authors" from the number word at i: the phrase ends at the
// first noun for people within four words.
func (sc *scan) partitive(i, max int) (int, bool) {
	if o, ok := sc.word(i + 1); !ok || o.low != "of" {
		return 0, false
	}
	for k := i + 2; k < max && k < i+7; k++ {
		w, ok := sc.word(k)
		if !ok || npBreak[w.low] || cues[w.low] != 0 && !roleNouns[w.low] {
			return 0, false
		}
		if !w.cap && (roleNouns[w.low] || groupNouns[w.low] || peopleNouns[w.low] || docNouns[w.low]) || k == i+2 && (w.low == "them" || w.low == "us") {
			return k + 1, true
		}
	}
	return 0, false
}

// roleComplement reads "of the region" after a role word, when an
// appositive comma follows: the lower-case words from j (after "of" or
// "of the" that follows a role or title at j-2 or j-3, not before i) up to
// the comma, at most three. It returns the item after them.
func (sc *scan) roleComplement(i, j, max int) (int, bool) {
	k := j - 1
	if k > i && sc.items[k].low == "the" {
		k--
	}
	if k <= i || sc.items[k].low != "of" && sc.items[k].low != "for" {
		return 0, false
	}
	if r, ok := sc.word(k - 1); !ok || !roleNouns[r.low] && !titleWords[r.low] {
		return 0, false
	}
	for e := j; e < max && e < j+3; e++ {
		w := sc.items[e]
		if w.kind != itWord || w.cap || stopWords[w.low] || w.upos != "" && w.upos != "NOUN" && w.upos != "ADJ" {
			return 0, false
		}
		if sc.isPunct(e+1, ",") {
			return e + 1, true
		}
	}
	return 0, false
}

// roleThenName: from item i, up to three lower-case words ending in a role
// or title noun, then a capitalised word.
func (sc *scan) roleThenName(i, max int) bool {
	for k := i; k < max && k < i+3; k++ {
		it := sc.items[k]
		if it.kind != itWord || it.cap || stopWords[it.low] || cues[it.low] != 0 && !roleNouns[it.low] {
			return false
		}
		if roleNouns[it.low] || titleWords[it.low] {
			n, ok := sc.word(k + 1)
			return ok && n.cap
		}
	}
	return false
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
		if it.cap || headWord(it) {
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
		if it.kind == itWord && !it.cap && (cues[it.low] == cueSay && !roleNouns[it.low] || it.low == "who" || it.low == "which" || finiteVerbs[it.low] || it.upos == "VERB" && pastVerb(it.low) && !strings.HasSuffix(it.low, "ed")) {
			return 0, 0, false
		}
	}
	if j == i+1 || j-i > 14 {
		return 0, 0, false
	}
	// An appositive ends at a comma, a period or a parenthesis, or with
	// the sentence ("According to Sufianov, the Olympiad shows young
	// people the "social elevators"" holds none).
	if j < max && !sc.isPunct(j, ",.)") {
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
	// "(RCMP)" after a name is the name again, not an appositive.
	if at-af == 1 && isAcronym(sc.items[af].text) && sc.isPunct(af-1, "(") {
		af, at = 0, 0
	}
	m := mention{from: from, to: to}
	if at > af {
		m.to, m.dfrom, m.dto = at, from, to
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
	// "The Vice President, Mike Pence", "the director of Amnesty
	// International, Mariela Belski": the name may be in the appositive.
	pureName := app.name != "" && !app.org && app.title == "" && app.affiliation == "" && strings.Contains(app.name, " ") &&
		strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(app.raw), app.honorific)) == app.name
	// "One of the study's authors, herpetologist David Blackburn": a
	// description, then a titled name.
	titledName := head.name == "" && app.name != "" && !app.org && strings.Contains(app.name, " ")
	// "Her former professor, Koolhaas, described": a surname after a
	// description of a person.
	surname := app.name != "" && !app.org && app.title == "" && app.affiliation == "" && !strings.Contains(app.name, " ") && strings.TrimSpace(app.raw) == app.name
	titledName = titledName || head.name == "" && head.person && surname
	if pureName && (head.name == "" || head.org || !strings.Contains(head.name, " ") || head.roleOf) || titledName {
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
		if head.dto > head.dfrom {
			m.dfrom, m.dto = head.dfrom, head.dto
		}
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
	dfrom, dto                                     int  // items of desc when it is part of the phrase: the author of a document it names
	roleOf                                         bool // "director of ...": a description of someone
}

// phrase splits a noun phrase into title, honorific, name and affiliation.
func (sc *scan) phrase(from, to int) phraseInfo {
	var p phraseInfo
	p.raw = sc.textOf(from, to)
	first := from // before the article
	words := sc.items[from:to]
	if len(words) == 0 {
		return p
	}
	indefinite := false
	if l := words[0].low; l == "the" || l == "a" || l == "an" || l == "another" {
		p.definite = l == "the"
		indefinite = !p.definite
		words = words[1:]
		from++
	}
	if len(words) > 1 && (numberWords[words[0].low] || quantNouns[words[0].low] && words[1].low == "of") {
		indefinite = indefinite || !p.definite
		words = words[1:]
		from++
	}
	// "One of the children", "some of the protesters": someone of a group.
	if indefinite && len(words) >= 2 && words[0].low == "of" && !p.definite {
		g := sc.phrase(from+1, to)
		last := words[len(words)-1]
		// "one of our ads": a document speaks for its author.
		if g.name == "" && (g.person || peopleNouns[last.low] || docNouns[last.low] || len(words) == 2 && (last.low == "them" || last.low == "us")) {
			p.desc = sc.textOf(from-1, to)
			p.person = true
			return p
		}
	}
	if len(words) == 0 {
		return p
	}
	last := words[len(words)-1]
	// "The government statement": the body that issued it speaks.
	if len(words) == 2 && docNouns[last.low] && !last.cap && !words[0].cap && orgWords[words[0].low] && !docNouns[words[0].low] {
		p.desc, p.dfrom, p.dto, p.person = sc.textOf(from, from+1), first, from+1, true
		return p
	}
	describe := func() phraseInfo {
		p.desc = sc.textOf(from, to)
		p.person = true
		return p
	}
	// "One MP", "a Senator": an indefinite title describes someone, it
	// does not name them (nor refer back to the one named MP).
	if indefinite && len(words) == 1 && (titleWords[last.low] || roleNouns[last.low]) {
		return describe()
	}
	p.roleOf = len(words) > 2 && !words[0].cap && (roleNouns[words[0].low] || titleWords[words[0].low]) && (words[1].low == "of" || words[1].low == "for" || words[1].low == "from")
	endsInName := len(words) >= 2 && isNameWord(last) && !isTitleWord(last.low) && isNameWord(words[len(words)-2]) && !isTitleWord(words[len(words)-2].low)
	// "the government of American Samoa", "the Ministry of Health", but
	// not "House of Commons Speaker John Bercow", a titled name.
	if len(words) > 2 && orgWords[words[0].low] && !roleNouns[words[0].low] && words[1].low == "of" && words[len(words)-1].cap && !titledTail(words) {
		p.name, p.org = sc.textOf(from, to), true
		return p
	}
	// "a banner from People's Vote", "a statement by the ministry", "the
	// account for The Bernie and Sid Show": the author speaks.
	if len(words) > 2 && (docNouns[words[0].low] || partNouns[words[0].low] && words[1].low == "from") && (words[1].low == "from" || words[1].low == "by" || words[1].low == "of" || words[1].low == "for" || words[1].low == "in" && outletDocs[words[0].low]) {
		a := sc.phrase(from+2, to)
		if a.name != "" {
			return a
		}
		// "said the post by an unknown author": the author, unnamed
		if a.desc != "" && a.person {
			if a.dto <= a.dfrom {
				a.dfrom, a.dto = from+2, to
			}
			return a
		}
	}
	// "members of the House of Commons", "representatives from Iran"
	if (!endsInName || !titleWords[words[0].low]) && len(words) > 2 && (roleNouns[words[0].low] || !words[0].cap) && (words[1].low == "of" || words[1].low == "from" || words[1].low == "for") {
		p.affiliation = trimThe(sc.textOf(from+2, to))
		return describe()
	}
	// "an Interpol spokesperson", "Merkel's spokesperson", "the archbishop"
	if !last.cap && (roleNouns[last.low] || titleWords[last.low]) {
		return describe()
	}
	// "Officials said", "Authorities said": a group, capitalised only
	// because it opens the sentence.
	if len(words) == 1 && (roleNouns[last.low] || groupNouns[last.low]) && !titleWords[last.low] {
		return describe()
	}
	if len(words) == 1 && docNouns[last.low] {
		p.desc = sc.textOf(from, to)
		return p
	}
	// "an AEW press release", "a NASA report": the named author.
	if docNouns[last.low] && !last.cap {
		e := len(words) - 1
		for e > 0 && !words[e-1].cap && !stopWords[words[e-1].low] && words[e-1].low != "'s" {
			e-- // "press"
		}
		b := e
		for b > 0 && words[b-1].cap && !notNames[words[b-1].text] {
			b--
		}
		// "RIAA's DMCA notice": the owner wrote it, not the law it cites.
		if b > 1 && words[b-1].low == "'s" && words[b-2].cap {
			e, b = b-1, b-2
			for b > 0 && words[b-1].cap && !notNames[words[b-1].text] {
				b--
			}
		}
		if b < e {
			p.name, p.org = sc.textOf(from+b, from+e), !words[e-1].person
			p.person = !p.org
			return p
		}
	}
	// "Azzaman newspaper", "the Xinhua news agency": a named outlet.
	if !last.cap && mediaNouns[last.low] && len(words) >= 2 && words[0].cap && !titleWords[words[0].low] {
		p.name, p.org = sc.textOf(from, to), true
		return p
	}
	// "Erdogan's office", "Facebook's statement"
	if !last.cap && len(words) > 2 && words[len(words)-2].low == "'s" {
		if docNouns[last.low] {
			p.desc = sc.textOf(from, to)
			return p
		}
		if orgWords[last.low] {
			p.name, p.org, p.person = sc.textOf(from, to), true, false
			return p
		}
	}
	isName := func(w item) bool {
		return isNameWord(w) && !isTitleWord(w.low) && !isHonorific(w.text) && !demonyms[w.text] && !orgWords[w.low] && !isAcronym(w.text) &&
			!roleNouns[w.low] && !strings.HasSuffix(w.low, "ologist") // "Scientist Rebecca Falconer", "Immunologist Kristian Andersen"
	}
	// "Amrullah Saleh the head of Afghanistan's National Security
	// Directorate": a name, then its description without a comma.
	for k := 2; k+1 < len(words); k++ {
		if words[k].low == "the" && (roleNouns[words[k+1].low] || titleWords[words[k+1].low]) && isName(words[k-1]) && isName(words[k-2]) {
			p.title, p.affiliation = splitTitle(sc.textOf(from+k, to))
			to = from + k
			words = words[:k]
			last = words[k-1]
			break
		}
	}
	// "Jennifer Daskal of American University and contributor to Slate":
	// the second description goes.
	for k := 1; k+1 < len(words) && !endsInName; k++ {
		if words[k].low == "and" && !words[k].cap && (roleNouns[words[k+1].low] || titleWords[words[k+1].low] || words[k+1].low == "contributor") {
			to = from + k
			words = words[:k]
			last = words[k-1]
			break
		}
	}
	// "Steve Peers of the University of Essex", "Lydia Buchtmann for Food
	// Standards Australia New Zealand": a name, then where from.
	for k := len(words) - 2; k >= 2; k-- {
		if (words[k].low == "of" || words[k].low == "from" || words[k].low == "at" || words[k].low == "for") && isName(words[k-1]) && isName(words[k-2]) {
			p.affiliation = trimThe(sc.textOf(from+k+1, to))
			to = from + k
			words = words[:k]
			last = words[k-1]
			break
		}
	}
	// "Martin Luther King Jr.", "Kama Melly QC": a suffix after the name;
	// a generation is part of it, a rank or honour is not.
	suffix := ""
	if k := len(words); k >= 3 && postNominals[strings.TrimSuffix(words[k-1].low, ".")] && isNameWord(words[k-2]) {
		if generations[strings.TrimSuffix(words[k-1].low, ".")] {
			suffix = " " + words[k-1].text
		}
		to--
		words = words[:k-1]
		last = words[k-2]
	}
	// The trailing run of name words: a person's name. When the entity
	// tagger marks the last word as a person, the name is its PERSON words.
	n := len(words)
	start := n
	names := 0
	personTail := last.person
	for start > 0 {
		w := words[start-1]
		switch {
		case personTail && !w.person && !isLink(w) && !isInitial(w.text):
			goto tailDone // "S D Muni": an initial the tagger left out stays
		case isName(w) || suffix != "" && start == n && isNameWord(w):
			names++ // "King" before "Jr." is a surname
		case names > 0 && (isLink(w) || demonyms[w.text] && !isAcronym(w.text)):
		default:
			goto tailDone
		}
		start--
	}
tailDone:
	for start < n && isLink(words[start]) {
		start++
	}
	end := n
	if start > 0 && start < n {
		k := start - 1
		if words[k].low == "the" && k > 0 {
			k--
		}
		if (words[k].low == "of" || words[k].low == "for" || words[k].low == "on") && p.orgLike(words[:k]) && k > 0 && words[k-1].cap {
			start = n // "Court of the United Kingdom": an organisation
		}
	}
	prep := start - 1
	if prep > 0 && words[prep].low == "the" {
		prep-- // "of the United States Joe Biden"
	}
	if start < n && prep >= 0 && (words[prep].low == "of" || words[prep].low == "from" || words[prep].low == "at" || words[prep].low == "for") {
		before := prep - 1
		switch {
		case before >= 0 && isName(words[before]):
			// "Doug Collins of Georgia", "Mohammad bin Salman of Saudi Arabia"
			p.affiliation = sc.textOf(from+start, from+n)
			end = before + 1
			start = end
			for start > 0 && (isName(words[start-1]) || isLink(words[start-1])) {
				start--
			}
		case end-start >= 3:
			// "President of Ukraine Volodymyr Zelenskyy"
			p.affiliation = sc.textOf(from+start, from+end-2)
			start = end - 2
		}
	}
	if start < end && end-start == 1 && words[start].place && !words[start].person {
		start = end // "Tehran" alone is a place
	}
	if start < end && (end-start >= 2 || nameShaped(words[start].text) && !p.orgLike(words)) {
		p.name = sc.textOf(from+start, from+end)
		if end == n {
			p.name += suffix
		}
		p.person = true
		pre := start
		if pre > 0 && isHonorific(words[pre-1].text) {
			p.honorific = words[pre-1].text
			pre--
		}
		if pre > 0 && (words[pre-1].low == "of" || words[pre-1].low == "from" || words[pre-1].low == "at") {
			// title "Director of Amnesty International" ends with its affiliation
			pre = start
		}
		if pre > 0 {
			// "the conduct of United States President Trump": what comes
			// before "X of" is not part of the title.
			t := 0
			for k := pre - 1; k > 0; k-- {
				if (words[k].low == "of" || words[k].low == "for") && !words[k-1].cap && !titleWords[words[k-1].low] && !roleNouns[words[k-1].low] {
					t = k + 1
					break
				}
			}
			for t < pre && (words[t].low == "the" || words[t].low == "a" || words[t].low == "an") {
				t++
			}
			// "Northwestern University public health expert": the
			// organisation opening the title is the affiliation.
			o := t
			for o < pre && (words[o].cap || isAcronym(words[o].text) || (words[o].low == "of" || words[o].low == "for" || words[o].low == "and") && o > t) {
				o++
			}
			if o > t && o < pre && !words[o].cap && looksOrg(sc.textOf(from+t, from+o)) && p.affiliation == "" {
				p.affiliation = sc.textOf(from+t, from+o)
				t = o
			}
			from, pre = from+t, pre-t
			words = words[t:]
			start -= t
		}
		// "Miller and Smith": the words before "and" are someone else;
		// "the BBC's Jonathan Marcus": the owner is where they work.
		if pre > 0 && words[pre-1].low == "and" {
			pre = 0
		}
		if pre > 0 && words[pre-1].low == "'s" {
			if pre > 1 && p.affiliation == "" {
				p.affiliation = trimThe(sc.textOf(from, from+pre-1))
			}
			pre = 0
		}
		// "US President Donald Trump and Turkish President": a person
		// before "and" is someone else; the title starts after it.
		for k := pre - 1; k >= 2; k-- {
			if words[k].low == "and" && isName(words[k-1]) && isName(words[k-2]) {
				from, words, pre, start = from+k+1, words[k+1:], pre-k-1, start-k-1
				break
			}
		}
		if pre > 0 {
			p.title = sc.textOf(from, from+pre)
			if start-pre == 0 && pre == 1 && (words[0].low == "ambassador" || words[0].low == "professor") {
				p.honorific, p.title = words[0].text, ""
			}
			if strings.HasSuffix(p.title, " of") || strings.HasSuffix(p.title, " from") {
				p.title = strings.TrimSpace(p.title[:strings.LastIndex(p.title, " ")])
			}
		}
		return p
	}
	// An organisation: a capitalised chain with an organisation word.
	if p.orgLike(words) {
		k := n
		for k > 0 {
			w := words[k-1]
			// "Royal Canadian Mounted Police": a capitalised verb between
			// names is one of them.
			if w.cap && (!verbLike(w) || chainWord(words, k-1)) || isAcronym(w.text) || (w.low == "of" || w.low == "for" || w.low == "on" || w.low == "and" || w.low == "the") && k < n {
				k--
				continue
			}
			break
		}
		for k < n && !words[k].cap {
			k++
		}
		if k < n {
			p.name, p.org = sc.textOf(from+k, from+n), true
			p.person = false
			// "the state news agency TASS" describes it; "the church-owned
			// Deseret Morning News" only qualifies it.
			for _, w := range words[:k] {
				if titleWords[w.low] || roleNouns[w.low] || orgWords[w.low] || mediaNouns[w.low] || orgHeads[w.low] {
					p.title = sc.textOf(from, from+k)
					break
				}
			}
			return p
		}
	}
	p.desc = sc.textOf(from, to)
	p.person = roleNouns[last.low] || titleWords[last.low] || orgWords[last.low] && !docNouns[last.low]
	if docNouns[last.low] {
		p.person = false
	}
	return p
}

// verbLike: a capitalised word the tagger reads as a verb or auxiliary
// ("Did the Iranian Chess Federation ...?"), not part of a name.
func verbLike(w item) bool { return w.upos == "AUX" || w.upos == "VERB" }

// orgLike: the phrase holds an organisation word, an acronym or an ORG entity.
func (p *phraseInfo) orgLike(words []item) bool {
	for _, w := range words {
		if orgWords[w.low] && (w.cap || isAcronym(w.text)) || isAcronym(w.text) && !demonyms[w.text] {
			return true
		}
	}
	return false
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
	if i := strings.Index(app, " for "); i > 0 {
		if ws := strings.Fields(app[:i]); roleNouns[strings.ToLower(ws[len(ws)-1])] || titleWords[strings.ToLower(ws[len(ws)-1])] {
			return app[:i], trimThe(app[i+5:])
		}
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
