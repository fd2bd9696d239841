package actors

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/model"
)

// sword is a word of a sentence with the token it came from.
type sword struct {
	word
	tok         int
	first, last bool // the word starts / ends its token
}

// match is a dictionary phrase found over words [s, e].
type match struct {
	s, e int
	c    cand
}

// sentence holds what Resolve knows about one sentence.
type sentence struct {
	idx    int
	toks   []model.Token
	ws     []sword
	ner    []string // entity type per token ("" outside entities)
	title  bool     // a headline in title case
	covers []bool   // tokens already inside a mention
	orgAt  []bool   // tokens that start an organisation's name
}

func newSentence(idx int, s model.Sentence, ents []model.Entity) *sentence {
	st := &sentence{idx: idx, toks: s.Tokens, ner: make([]string, len(s.Tokens)), covers: make([]bool, len(s.Tokens))}
	// A headline in title case has no lower-case word but the short
	// function words headlines leave small: there capitals say nothing about
	// names.
	words, lower := 0, 0
	for i, t := range s.Tokens {
		ws := splitWords(t.Text)
		for k, w := range ws {
			st.ws = append(st.ws, sword{word: w, tok: i, first: k == 0, last: k == len(ws)-1})
		}
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLetter(r) {
			words++
			if !unicode.IsUpper(r) && !headlineSmall[t.Text] {
				lower++
			}
		}
	}
	st.title = words >= 3 && lower == 0
	for _, e := range ents {
		if e.Sentence != idx || e.First < 0 || e.Last >= len(s.Tokens) || e.First > e.Last {
			continue
		}
		for i := e.First; i <= e.Last; i++ {
			st.ner[i] = e.Type
		}
	}
	return st
}

// A phrase may start and end inside a token at a hyphen, a possessive or
// punctuation the tokenizer left attached ("U.S.-led", "Ukraine's",
// "officials.").
func (st *sentence) startOK(i int) bool {
	return st.ws[i].first || isPunct(st.ws[i-1].text)
}

func (st *sentence) endOK(i int) bool {
	if st.ws[i].last {
		return true
	}
	n := st.ws[i+1].text
	return isPunct(n) || n == "'s" || n == "'S" || n == "'"
}

// isPunct reports whether a word has no letter or digit.
func isPunct(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// scan finds the longest dictionary phrases, left to right.
func (d *Dictionary) scan(st *sentence) []match {
	var out []match
	for i := 0; i < len(st.ws); {
		if !st.startOK(i) {
			i++
			continue
		}
		best := match{s: -1}
		n := &d.root
		for j := i; j < len(st.ws); j++ {
			n = n.next[st.ws[j].key]
			if n == nil {
				break
			}
			if len(n.cands) == 0 || !st.endOK(j) {
				continue
			}
			for _, c := range n.cands {
				if caseFits(c, st.ws[i:j+1]) {
					best = match{s: i, e: j, c: c}
					break
				}
			}
		}
		if best.s < 0 {
			i++
			continue
		}
		out = append(out, best)
		i = best.e + 1
	}
	return out
}

// compoundDemonyms marks country adjectives that follow one another, word
// after word: "American Samoan" is neither American nor Samoan alone (a
// compound the dictionary knows, "North Korean", is one match already).
func compoundDemonyms(all []match) map[int]bool {
	out := map[int]bool{}
	isAdj := func(m match) bool { return m.c.adj && m.c.e.kind == kCountry }
	for i := 1; i < len(all); i++ {
		if a, b := all[i-1], all[i]; b.s == a.e+1 && isAdj(a) && isAdj(b) {
			out[i-1], out[i] = true, true
		}
	}
	return out
}

func caseFits(c cand, ws []sword) bool {
	for k, r := range c.rules {
		if !caseOK(r, c.words[k], ws[k].text) {
			return false
		}
	}
	return true
}

// institutionWords mark the names of universities, think tanks and the like:
// a country inside such a name ("Catholic University of America") is not a
// state actor.
var institutionWords = setOf("university", "college", "institute", "institution", "school",
	"academy", "foundation", "center", "centre", "museum", "hospital", "endowment",
	"library", "seminary", "polytechnic")

// nameConnectors may stand inside a multi-word proper name.
var nameConnectors = setOf("of", "for", "the", "and", "on", "in", "de", "du", "des", "la")

// headlineSmall are the words a title-case headline keeps in lower case.
var headlineSmall = setOf("a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as",
	"at", "by", "in", "of", "off", "on", "per", "to", "up", "via", "vs", "vs.", "with", "from", "'s", "’s")

var calendarWords = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december")

// keep drops matches that are not actors in context.
func (st *sentence) keep(m match, taken []bool) bool {
	k := m.c.e.kind
	// "pro-Russian separatists" are not Russian, nor is a "non-government"
	// body the government.
	if m.s >= 2 && st.ws[m.s-1].text == "-" {
		switch st.ws[m.s-2].key {
		case "pro", "anti", "non":
			return false
		}
	}
	// A "Denmark-based retailer" is not Denmark.
	if m.e+2 < len(st.ws) && st.ws[m.e+1].text == "-" {
		switch st.ws[m.e+2].key {
		case "based", "born", "headquartered", "registered", "flagged":
			return false
		}
	}
	// With a tagger, an agent word used as an adjective or verb is not an
	// agent: "official channels", "military assistance".
	if k == kAgent || k == kTitle {
		switch st.toks[st.ws[m.e].tok].UPOS {
		case "ADJ", "VERB":
			return false
		}
	}
	if k != kCountry && k != kCapital && k != kActor {
		return true
	}

	first, last := st.ws[m.s].tok, st.ws[m.e].tok
	if st.inPersonName(first, last, taken) {
		return false
	}
	if st.inInstitution(first, last) {
		return false
	}
	if st.title || !st.ws[m.s].first || !st.ws[m.e].last {
		return true
	}
	// A country name inside a longer proper name is something else:
	// "Michael Jordan", "Washington Post", "Chad Smith"; so is a
	// nationality at the start of one: "Greek Energy Forum", "Philippine
	// Red Cross" (but "Ukrainian President", whose title is known).
	nameLike := func(i int) bool {
		if i < 0 || i >= len(st.toks) || taken[i] {
			return false
		}
		t := st.toks[i].Text
		return isCapitalized(t) && hasLower(t) && !calendarWords[fold(t)]
	}
	if m.c.adj {
		// "Philippine Red Cross": the nationality opens the name of an
		// organisation the dictionaries know under its common name.
		return !nameLike(last+1) && (last+1 >= len(st.orgAt) || !st.orgAt[last+1])
	}
	if nameLike(last+1) || (first > 0 && nameLike(first-1) && first-1 > 0) {
		return false
	}
	return true
}

// inPersonName reports whether tokens [first, last] are part of a longer
// person's name the analyzer marked: "Jordan" in "Michael Jordan". A
// PERSON entity that is the phrase itself, perhaps with a possessive or a
// title after it ("Bree President Romendacil"), is the tagger's mistake on
// an unfamiliar place name, and the dictionary wins.
func (st *sentence) inPersonName(first, last int, taken []bool) bool {
	person := false
	for i := first; i <= last; i++ {
		person = person || st.ner[i] == "PERSON"
	}
	if !person {
		return false
	}
	nameWord := func(i int) bool {
		if i < 0 || i >= len(st.toks) || st.ner[i] != "PERSON" || taken[i] {
			return false
		}
		return isCapitalized(st.toks[i].Text)
	}
	return nameWord(first-1) || nameWord(last+1)
}

// inInstitution reports whether tokens [first, last] sit inside a
// capitalised name that contains an institution word.
func (st *sentence) inInstitution(first, last int) bool {
	capOrConn := func(i int) (bool, bool) {
		t := st.toks[i].Text
		if nameConnectors[fold(t)] {
			return true, true
		}
		return isCapitalized(t), false
	}
	check := func(i int) bool { return institutionWords[fold(st.toks[i].Text)] }
	for i := last + 1; i < len(st.toks); i++ {
		ok, conn := capOrConn(i)
		if !ok {
			break
		}
		if !conn && check(i) {
			return true
		}
	}
	for i := first - 1; i >= 0; i-- {
		ok, conn := capOrConn(i)
		if !ok {
			break
		}
		if !conn && check(i) {
			return true
		}
	}
	return false
}

// actorLike entries can stand before an agent and give it its country or
// organisation ("Ukrainian troops", "NATO forces", "White House officials").
func actorLike(k kind) bool {
	return k == kCountry || k == kCapital || k == kBody || k == kOrg || k == kActor
}

// resolver carries the document-level state of Resolve.
type resolver struct {
	d      *Dictionary
	date   day
	out    []Mention
	meta   []meta
	gender map[int]byte // gender by root mention, when known
}

// meta is what coreference needs to know about an emitted mention.
type meta struct {
	id       string // identity of a person ("" for other mentions)
	root     int    // the mention that named the person outright
	surname  string
	sentence int
}

// Resolve finds the actor mentions of an analysed document: dictionary
// phrases composed into actors ("Ukrainian President Volodymyr Zelensky" is
// one UKRGOV mention), unknown persons found by NER, and references back to
// them (surnames, "the Ukrainian leader", "he"). Roles are chosen by
// doc.Published; for an undated document the latest role is used and it is
// up to the caller to note that.
func (d *Dictionary) Resolve(doc *model.Document) []Mention {
	r := &resolver{d: d, date: dayOf(doc.Published), gender: map[int]byte{}}
	for si, s := range doc.Sentences {
		if len(s.Tokens) == 0 {
			continue
		}
		r.sentence(newSentence(si, s, doc.Entities))
	}
	inferCountry(doc, r.out)
	return r.out
}

// inferCountry gives a state body named without its country ("Congress",
// "the court", "police": code "---LEG") the country the document is about,
// when it is clearly about one: at least three of its country-coded
// mentions, and three quarters of them, name that country (at two thirds
// a story set in England about a work called "America" had American
// police). A sentence that
// names another country keeps its bodies uncoded ("Iranian media said the
// government ..." in a story about the United States), and so do bodies
// said to be foreign and sectors that cross borders freely (universities,
// companies, media).
func inferCountry(doc *model.Document, ms []Mention) {
	count := map[string]int{}
	total := 0
	inSentence := map[int]map[string]bool{}
	for _, m := range ms {
		if c := countryOf(m.Code); c != "" {
			count[c]++
			total++
			if inSentence[m.Sentence] == nil {
				inSentence[m.Sentence] = map[string]bool{}
			}
			inSentence[m.Sentence][c] = true
		}
	}
	best := ""
	for c, n := range count {
		if n > count[best] || n == count[best] && c < best {
			best = c
		}
	}
	if best == "" || count[best] < 3 || 4*count[best] < 3*total {
		return
	}
	for i := range ms {
		m := &ms[i]
		if len(m.Code) != 2*len(nullCode) || m.Code[:3] != nullCode || !primaryRoles[m.Code[3:]] {
			continue
		}
		if cs := inSentence[m.Sentence]; len(cs) > 1 || len(cs) == 1 && !cs[best] || foreign(doc.Sentences[m.Sentence].Tokens, *m) {
			continue
		}
		m.Code = best + m.Code[len(nullCode):]
		m.CountryInferred = true
	}
}

// foreign: the mention or the word before it says the body is from abroad
// ("unspecified foreign security forces").
func foreign(toks []model.Token, m Mention) bool {
	for i := max(m.First-1, 0); i <= m.Last && i < len(toks); i++ {
		switch strings.ToLower(toks[i].Text) {
		case "foreign", "overseas", "international", "outside":
			return true
		}
	}
	return false
}

// countryOf is the country an actor code names, or "" for a region, an
// international or transnational body, or no country.
func countryOf(code string) string {
	if len(code) < 3 {
		return ""
	}
	c := code[:3]
	if c == nullCode || sectorCodes[c] || regionCodes[c] {
		return ""
	}
	return c
}

// namesPerson: a one-word place that is the surname of a person the
// document has named ("Amman" after "Sudesh Amman", "Jordan" after
// "Michael Jordan"), who is meant rather than the place.
func (r *resolver) namesPerson(st *sentence, m match) bool {
	if m.s != m.e || m.c.e.kind != kCountry && m.c.e.kind != kCapital {
		return false
	}
	return r.bySurname(st.ws[m.s].text) >= 0
}

// pending is a mention found in a sentence, before coreference.
type pending struct {
	m       Mention
	e       *entry // the person or actor entry, if any
	words   int    // words of the person phrase matched (to tell surnames)
	bare    bool   // the mention is the person phrase alone, no title
	title   *entry // the title of a nominal
	country string // the country given with a nominal title
	def     bool   // definite: "the ...", "Ukraine's ..."
	gender  byte
	unknown string // name of an unknown person
	pron    int    // pronoun kind
}

func (r *resolver) sentence(st *sentence) {
	all := r.d.scan(st)
	taken := make([]bool, len(st.toks))
	st.orgAt = make([]bool, len(st.toks))
	for _, m := range all {
		for i := st.ws[m.s].tok; i <= st.ws[m.e].tok; i++ {
			taken[i] = true
		}
		if m.c.e.kind == kOrg {
			st.orgAt[st.ws[m.s].tok] = true
		}
	}
	compound := compoundDemonyms(all)
	var ms []match
	for i, m := range all {
		if !compound[i] && st.keep(m, taken) && !r.namesPerson(st, m) {
			ms = append(ms, m)
		}
	}
	var found []pending
	for _, g := range groups(st, ms) {
		found = append(found, r.compose(st, g)...)
	}
	found = st.complements(found)
	for _, p := range found {
		for i := p.m.First; i <= p.m.Last; i++ {
			st.covers[i] = true
		}
	}
	found = append(found, r.nerPersons(st)...)
	sort.SliceStable(found, func(i, j int) bool { return found[i].m.First < found[j].m.First })
	// Surnames and pronouns are looked for between the mentions found so far.
	var refs []pending
	for i := range st.toks {
		if st.covers[i] {
			continue
		}
		if g, k := pronoun(st.toks, i); g != 0 {
			refs = append(refs, pending{m: Mention{Sentence: st.idx, First: i, Last: i, Head: i, Kind: KindPronoun}, gender: g, pron: k})
			continue
		}
		// "Johnson" after "Boris Johnson": a surname the dictionaries do
		// not list on its own.
		if t := st.toks[i].Text; nameToken(t) && r.bySurname(t) >= 0 {
			refs = append(refs, pending{m: Mention{Sentence: st.idx, First: i, Last: i, Head: i, Name: t, Kind: KindPerson}, unknown: t})
		}
	}
	found = append(found, refs...)
	sort.SliceStable(found, func(i, j int) bool { return found[i].m.First < found[j].m.First })
	for _, p := range found {
		r.emit(st, p)
	}
}

// complements gives an agent without a country the countries its
// dependents name in the parse, where the words do not sit next to each
// other: "soldiers from Gondor", "Gondor's main opposition group",
// "lawmakers in Fornost and Gondor" (a code for each, in Also). The country
// mentions join the agent's mention.
func (st *sentence) complements(found []pending) []pending {
	at := make([]int, len(st.toks))
	for i := range at {
		at[i] = -1
	}
	for i, p := range found {
		for t := p.m.First; t <= p.m.Last; t++ {
			at[t] = i
		}
	}
	// place is the country, organisation or actor mention whose head is
	// token t, or -1.
	place := func(t int) int {
		j := at[t]
		if j < 0 || found[j].m.Head != t && found[j].m.First != found[j].m.Last {
			return -1
		}
		switch m := found[j].m; m.Kind {
		case KindCountry, KindOrganization, KindActor:
			if m.Code != "" && !strings.HasPrefix(m.Code, nullCode) {
				return j
			}
		}
		return -1
	}
	drop := make([]bool, len(found))
	for i := range found {
		p := &found[i]
		if p.m.Kind != KindAgent || !strings.HasPrefix(p.m.Code, nullCode) || drop[i] {
			continue
		}
		h := p.m.Head
		// "In" a country gives the country of its state bodies ("lawmakers
		// in Fornost", "officials in Kyiv"), not of a reporter who works
		// there, nor of a mission, which is another country's ("its embassy
		// in Israel").
		agent := p.m.Code[len(nullCode):]
		inOK := len(agent) >= 3 && primaryRoles[agent[:3]] && !diplomaticMission[fold(st.toks[h].Text)]
		for k, t := range st.toks {
			if t.Head-1 != h || k >= p.m.First && k <= p.m.Last {
				continue
			}
			if !(t.Deprel == "nmod:poss" || t.Deprel == "nmod" && (st.hasCase(k, "of", "from") || inOK && st.hasCase(k, "in"))) {
				continue
			}
			j := place(k)
			if j < 0 {
				continue
			}
			members := []int{j}
			for c, ct := range st.toks {
				if ct.Head-1 == k && ct.Deprel == "conj" {
					if m := place(c); m >= 0 {
						members = append(members, m)
					}
				}
			}
			var codes []string
			for _, m := range members {
				codes = append(codes, withAgent(found[m].m.Code, agent, false))
				p.m.First = min(p.m.First, found[m].m.First)
				p.m.Last = max(p.m.Last, found[m].m.Last)
				drop[m] = true
			}
			p.m.Code, p.m.Also = codes[0], codes[1:]
			break
		}
	}
	out := found[:0]
	for i, p := range found {
		if !drop[i] {
			out = append(out, p)
		}
	}
	return out
}

var diplomaticMission = setOf("embassy", "embassies", "consulate", "consulates", "mission", "missions", "delegation", "delegations")

// hasCase reports whether token k has a "case" dependent with one of the
// given words.
func (st *sentence) hasCase(k int, words ...string) bool {
	for _, t := range st.toks {
		if t.Head-1 == k && t.Deprel == "case" {
			for _, w := range words {
				if fold(t.Text) == w {
					return true
				}
			}
		}
	}
	return false
}

// group is a run of adjacent matches that make one phrase.
type group struct {
	items  []match
	also   []match // further "of" complements: "ministers of A, B and C"
	former bool
	def    bool
	end    int // last word, including absorbed complements
}

// groups cuts the matches into phrases: items follow each other directly
// or across a possessive ("Ukraine's president"); a title can take an "of"
// or "to" complement ("Ambassador to Ukraine").
func groups(st *sentence, ms []match) []group {
	var out []group
	for i := 0; i < len(ms); {
		g := group{items: []match{ms[i]}, end: ms[i].e}
		j := i + 1
		for ; j < len(ms); j++ {
			prev := g.items[len(g.items)-1]
			gap := st.ws[g.end+1 : ms[j].s]
			pk, nk := prev.c.e.kind, ms[j].c.e.kind
			if len(gap) == 0 {
				// "the Trump administration": the person's country with
				// the agent, and the phrase ends.
				if pk == kPerson && nk == kAgent && len(g.items) == 1 {
					g.items = append(g.items, ms[j])
					g.end = ms[j].e
					j++
					break
				}
				if pk == kPerson || (pk == kActor && len(g.items) > 1) {
					break // a name closes the phrase
				}
				g.items = append(g.items, ms[j])
				g.end = ms[j].e
				continue
			}
			if isPossessive(gap) && actorLike(pk) && (nk == kAgent || nk == kTitle) {
				g.items = append(g.items, ms[j])
				g.end = ms[j].e
				g.def = true
				continue
			}
			// "President of Ukraine", "government of Samoa": the country
			// of the title or agent. "Ambassador to Ukraine": the post of a
			// title, not its country ("soldiers to Libya" stay apart: Libya
			// may be the target). A name may follow: "President of Ukraine
			// Volodymyr Zelensky".
			prep := complement(gap)
			if actorLike(nk) && (prep == "of" && (pk == kTitle || pk == kAgent) || prep != "" && pk == kTitle) {
				if prep == "of" {
					g.items = append([]match{ms[j]}, g.items...)
				}
				g.end = ms[j].e
				j++
				// "the ambassadors of Arnor, Osgiliath and Gondor": one
				// code for each country of the list.
				for prep == "of" && j < len(ms) && actorLike(ms[j].c.e.kind) && listGap(st.ws[g.end+1:ms[j].s]) &&
					(ms[j].e+1 >= len(st.ws) || !isPossessive(st.ws[ms[j].e+1:ms[j].e+2])) {
					g.also = append(g.also, ms[j])
					g.end = ms[j].e
					j++
				}
				if j < len(ms) && ms[j].s == g.end+1 && ms[j].c.e.kind == kPerson {
					g.items = append(g.items, ms[j])
					g.end = ms[j].e
					j++
				}
			}
			break
		}
		// What comes before: "the", "former", "ex-".
		s := g.items[0].s
		if s2 := g.start(); s2 < s {
			s = s2
		}
		if s > 0 {
			p := st.ws[s-1].key
			if p == "former" || (p == "-" && s > 1 && st.ws[s-2].key == "ex") {
				g.former = true
				if s > 1 && p == "former" {
					p = st.ws[s-2].key
				}
			}
			if p == "the" || p == "his" || p == "her" || p == "its" || p == "their" {
				g.def = true
			}
		}
		out = append(out, g)
		i = j
	}
	// "Ukrainian and American leadership": the agent is shared.
	for k := 0; k+1 < len(out); k++ {
		a, b := &out[k], out[k+1]
		gap := st.ws[a.end+1 : b.items[0].s]
		if len(gap) != 1 || (gap[0].key != "and" && gap[0].key != "or") {
			continue
		}
		if len(a.items) == 1 && a.items[0].c.e.kind == kCountry && a.items[0].c.adj &&
			len(b.items) == 2 && b.items[0].c.e.kind == kCountry && b.items[1].c.e.kind == kAgent {
			a.items = append(a.items, b.items[1])
			a.end = a.items[0].e // the shared agent stays in b's span
		}
	}
	return out
}

func (g group) start() int {
	s := g.items[0].s
	for _, m := range g.items {
		if m.s < s {
			s = m.s
		}
	}
	return s
}

// listGap reports whether the words between two items of a list join
// them: ",", "and", "or", ", and".
func listGap(gap []sword) bool {
	if len(gap) == 0 || len(gap) > 2 {
		return false
	}
	for i, w := range gap {
		switch {
		case w.text == "," && i == 0:
		case w.key == "and" || w.key == "or":
		default:
			return false
		}
	}
	return len(gap) == 1 || gap[1].key != ","
}

func isPossessive(gap []sword) bool {
	return len(gap) == 1 && (gap[0].text == "'s" || gap[0].text == "'S" || gap[0].text == "'")
}

// complement returns the preposition of a title complement: "of", "to",
// "for" or "in", optionally followed by "the".
func complement(gap []sword) string {
	if len(gap) == 0 || len(gap) > 2 {
		return ""
	}
	if len(gap) == 2 && gap[1].key != "the" {
		return ""
	}
	switch gap[0].key {
	case "of", "to", "for", "in":
		return gap[0].key
	}
	return ""
}

// compose turns a group into mentions.
func (r *resolver) compose(st *sentence, g group) []pending {
	items := g.items
	// Items are ordered by position except for an "of" complement, which
	// was moved to the front to act as the country.
	var mods, agents []match
	var head *match
	for k := range items {
		m := items[k]
		switch m.c.e.kind {
		case kAgent, kTitle:
			agents = append(agents, m)
		case kPerson:
			head = &items[k]
		case kActor:
			if len(agents) > 0 {
				head = &items[k]
			} else {
				mods = append(mods, m)
			}
		default:
			mods = append(mods, m)
		}
	}
	first := st.ws[g.start()].tok
	last := st.ws[g.end].tok
	var out []pending
	// Modifiers not used by an agent or a name are mentions of their own.
	if len(agents) == 0 && head == nil {
		for _, m := range mods {
			out = append(out, r.single(st, m))
		}
		return out
	}
	if head != nil && head.c.e.kind == kPerson && head.c.e.country != "" && len(agents) == 1 && agents[0].s > head.e {
		mods, head = []match{*head}, nil
	}
	if head != nil {
		// The name wins: "Ukrainian President Volodymyr Zelensky" is
		// Zelensky with his role at the document's date.
		code, title := head.c.e.codeAt(r.date)
		p := pending{m: Mention{Sentence: st.idx, First: first, Last: last, Code: code, Name: head.c.e.name,
			Title: title, Kind: KindPerson}, e: head.c.e, words: head.e - head.s + 1, gender: head.c.e.gender,
			bare: head.s == g.start()}
		if head.c.e.kind == kActor {
			// A PETRARCH actor is a bare code: the agents before it
			// compose with it ("Bree Prime Minister Romendacil" is BREGOV).
			p.m.Kind = KindActor
			p.m.Also = head.c.e.compound
			for _, a := range agents {
				p.m.Code = withAgent(p.m.Code, a.c.e.code, a.c.e.prefix)
			}
		}
		p.m.Head = st.head(first, last, st.ws[head.e].tok)
		return append(out, p)
	}
	// Agents: the last modifier gives the country or organisation.
	base, country := nullCode, ""
	if len(mods) > 0 {
		for _, m := range mods[:len(mods)-1] {
			out = append(out, r.single(st, m))
		}
		mod := mods[len(mods)-1]
		base, _ = mod.c.e.codeAt(r.date)
		country = mod.c.e.country
		if mod.c.e.kind == kPerson {
			base = country // "the Trump administration": USA, then GOV
		}
		if mod.c.e.kind == kActor || mod.c.e.kind == kOrg {
			country = base
		}
	}
	code := base
	for _, a := range agents {
		code = withAgent(code, a.c.e.code, a.c.e.prefix)
	}
	if g.former {
		code = withAgent(base, "ELI", false)
	}
	var also []string
	for _, m := range g.also {
		c, _ := m.c.e.codeAt(r.date)
		if g.former {
			c = withAgent(c, "ELI", false)
		} else {
			for _, a := range agents {
				c = withAgent(c, a.c.e.code, a.c.e.prefix)
			}
		}
		also = append(also, c)
	}
	lastAgent := agents[len(agents)-1]
	p := pending{m: Mention{Sentence: st.idx, First: first, Last: last, Code: code, Kind: KindAgent, Also: also},
		country: country, def: g.def}
	p.m.Name = strings.ToLower(joinWords(st.ws[lastAgent.s : lastAgent.e+1]))
	if lastAgent.c.e.kind == kTitle {
		p.title = lastAgent.c.e
	}
	if g.former {
		p.title = nil
	}
	// A title followed by a name not in the dictionary: "Iraqi Prime
	// Minister X": a person with the code of the title, if it has a country.
	if lastAgent.e == g.end {
		if nf, nl := st.nameAfter(st.ws[g.end].tok+1, lastAgent.c.e.kind == kTitle); nf >= 0 {
			name := joinTokens(st.toks[nf : nl+1])
			p.m.Last = nl
			p.m.Kind = KindPerson
			p.m.Title = titleCase(p.m.Name)
			p.m.Name = name
			p.unknown = name
			p.title = nil
			if base == nullCode {
				p.m.Code = ""
			}
		}
	}
	p.m.Head = st.head(p.m.First, p.m.Last, p.m.Last)
	return append(out, p)
}

// withAgent appends (or, for PETRARCH "NGO~" agents, prepends) an agent
// code. An actor that already ends in a role keeps it: "White House
// officials" are USAGOV, "Hezbollah officials" LBNREB, "Pentagon officials"
// USAMIL; "NATO troops" are IGOWSTNATMIL.
func withAgent(code, agent string, prefix bool) string {
	if prefix {
		if code == nullCode {
			return agent
		}
		return agent + code
	}
	if code != nullCode && len(code) >= 6 && primaryRoles[code[len(code)-3:]] {
		return code
	}
	// The officials of an organisation are the organisation: "UN
	// officials", "the President of the European Council".
	if agent == "GOV" && len(code) > 3 && transnational[code[:3]] {
		return code
	}
	return code + agent
}

var transnational = setOf("IGO", "NGO", "NGM", "IMG", "MNC")

// primaryRoles are the CAMEO role codes an actor code can end in.
var primaryRoles = setOf("GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "INS", "LEG", "SEP", "UAF")

// single is a mention of one country, capital, body, organisation or
// PETRARCH actor.
func (r *resolver) single(st *sentence, m match) pending {
	first, last := st.ws[m.s].tok, st.ws[m.e].tok
	code, title := m.c.e.codeAt(r.date)
	p := pending{m: Mention{Sentence: st.idx, First: first, Last: last, Code: code, Name: m.c.e.name, Title: title}}
	switch m.c.e.kind {
	case kCountry, kCapital:
		p.m.Kind = KindCountry
	case kBody, kOrg:
		p.m.Kind = KindOrganization
	case kActor:
		p.m.Kind = KindActor
		p.m.Also = m.c.e.compound
		p.e = m.c.e
	}
	p.m.Head = st.head(first, last, last)
	return p
}

// nameParticles may stand lower case inside a person's name.
var nameParticles = setOf("al", "el", "bin", "ibn", "bint", "abu", "de", "da", "das", "dos", "du",
	"van", "von", "der", "den", "la", "le", "di", "del", "y")

// nameAfter finds a person's name starting at token i: a PERSON entity if
// the analyzer marked one, otherwise a run of capitalised tokens. It
// returns -1 when there is none.
// Only a title may be followed by a name the analyzer did not mark.
func (st *sentence) nameAfter(i int, title bool) (int, int) {
	if i >= len(st.toks) {
		return -1, -1
	}
	if st.ner[i] == "PERSON" {
		j := i
		for j+1 < len(st.toks) && st.ner[j+1] == "PERSON" {
			j++
		}
		return i, j
	}
	hasNER := false
	for _, t := range st.ner {
		if t != "" {
			hasNER = true
			break
		}
	}
	if hasNER || st.title || !title {
		return -1, -1 // the analyzer saw no person here, or every word is capitalised
	}
	j := i - 1
	for k := i; k < len(st.toks) && k < i+5; k++ {
		t := st.toks[k].Text
		switch {
		case nameToken(t):
			j = k
		case nameParticles[fold(strings.TrimSuffix(t, "-"))] && k+1 < len(st.toks) && (isCapitalized(st.toks[k+1].Text) || st.toks[k+1].Text == "-"):
		case t == "-" && j == k-1:
		case len(t) == 2 && t[1] == '.' && isCapitalized(t): // an initial: "Vladimir V. Putin"
			j = k
		default:
			k = len(st.toks)
		}
	}
	if j < i {
		return -1, -1
	}
	return i, j
}

// nameToken reports whether a token can be part of a person's name:
// capitalised ("Zelensky") or a particle joined to a capitalised word
// ("al-Sudani").
func nameToken(t string) bool {
	if isCapitalized(t) && hasLower(t) && !calendarWords[fold(t)] {
		return true
	}
	p, rest, ok := strings.Cut(t, "-")
	return ok && nameParticles[fold(p)] && isCapitalized(rest)
}

// head picks the token that stands for tokens [first, last]: with a
// parse, the token whose head lies outside the span; otherwise fallback.
func (st *sentence) head(first, last, fallback int) int {
	parsed := false
	for i := first; i <= last; i++ {
		if st.toks[i].Head > 0 || st.toks[i].Deprel != "" {
			parsed = true
			break
		}
	}
	if !parsed {
		return fallback
	}
	for i := last; i >= first; i-- {
		h := st.toks[i].Head - 1
		if (h < first || h > last) && st.toks[i].UPOS != "PUNCT" && st.toks[i].UPOS != "PART" {
			return i
		}
	}
	return fallback
}

var honorifics = map[string]byte{"mr": 'm', "mr.": 'm', "mrs": 'f', "mrs.": 'f', "ms": 'f', "ms.": 'f',
	"miss": 'f', "sir": 'm', "dame": 'f', "lady": 'f', "lord": 'm', "dr": 0, "dr.": 0, "prof": 0, "prof.": 0}

// nerPersons are PERSON entities that no dictionary phrase covered.
func (r *resolver) nerPersons(st *sentence) []pending {
	var out []pending
	for i := 0; i < len(st.toks); i++ {
		if st.ner[i] != "PERSON" || st.covers[i] {
			continue
		}
		j := i
		for j+1 < len(st.toks) && st.ner[j+1] == "PERSON" && !st.covers[j+1] {
			j++
		}
		first := i
		var gender byte
		// Honorifics are not part of the name but tell the gender.
		for first <= j {
			g, ok := honorifics[fold(st.toks[first].Text)]
			if !ok {
				break
			}
			gender = g
			first++
		}
		if first > 0 && gender == 0 {
			gender = honorifics[fold(st.toks[first-1].Text)]
		}
		if first <= j {
			name := joinTokens(st.toks[first : j+1])
			p := pending{m: Mention{Sentence: st.idx, First: i, Last: j, Name: name, Kind: KindPerson}, unknown: name, gender: gender}
			p.m.Head = st.head(i, j, j)
			out = append(out, p)
			for k := i; k <= j; k++ {
				st.covers[k] = true
			}
		}
		i = j
	}
	return out
}

// pronoun kinds: the antecedent of a reflexive is in its own sentence; an
// object pronoun does not refer to someone named earlier in its sentence
// ("Biden welcomed him"); a subject or possessive pronoun may.
const (
	pronSubject = iota
	pronObject
	pronReflexive
)

// pronoun tells the gender and kind of a third-person pronoun (gender 0:
// not one). "her" is an object when no word follows it.
func pronoun(toks []model.Token, i int) (byte, int) {
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].Text
	}
	switch strings.ToLower(toks[i].Text) {
	case "he", "his":
		return 'm', pronSubject
	case "him":
		return 'm', pronObject
	case "himself":
		return 'm', pronReflexive
	case "she", "hers":
		return 'f', pronSubject
	case "her":
		if next == "" || !hasLetter(next) || toks[i].UPOS == "PRON" && toks[i].XPOS == "PRP" {
			return 'f', pronObject
		}
		return 'f', pronSubject
	case "herself":
		return 'f', pronReflexive
	}
	return 0, 0
}

// emit files a mention, linking references to what they refer to.
func (r *resolver) emit(st *sentence, p pending) {
	m := p.m
	m.Antecedent = -1
	md := meta{root: -1}
	switch {
	case m.Kind == KindPronoun:
		root := r.pronounAntecedent(st, m.First, p.gender, p.pron)
		if root < 0 {
			return // unclear: no mention
		}
		r.refer(&m, &md, root)
		if r.gender[root] == 0 {
			r.gender[root] = p.gender // learnt: "Korosteleva ... she"
		}
	case p.e != nil && p.e.kind == kPerson || p.unknown != "":
		md.id = "unknown:" + strings.ToLower(p.unknown)
		md.surname = lastName(p.unknown)
		if p.e != nil {
			md.id, md.surname = "entry:"+p.e.from, lastName(p.e.name)
		}
		root := r.find(md.id)
		if root < 0 && p.unknown != "" && m.Title == "" {
			root = r.bySurname(p.unknown) // "Korosteleva" after "Elena Korosteleva"
		}
		short := p.e != nil && p.bare && p.words < len(strings.Fields(p.e.name))
		if root >= 0 && (short || (p.unknown != "" && !strings.Contains(p.unknown, " "))) {
			r.refer(&m, &md, root)
			m.Kind = KindSurname
		}
		if md.root < 0 {
			md.root = len(r.out)
			if root >= 0 {
				md.root = root
			}
		}
		if r.gender[md.root] == 0 {
			r.gender[md.root] = p.gender
		}
	case p.title != nil && p.def:
		// "the Ukrainian leader", "the president": the latest person whose
		// office fits, unless already named in this sentence.
		if root := r.nominalAntecedent(st, p.title, p.country); root >= 0 {
			r.refer(&m, &md, root)
			m.Kind = KindNominal
		}
	}
	md.sentence = st.idx
	r.out = append(r.out, m)
	r.meta = append(r.meta, md)
}

// refer makes m a reference to the person named by mention root.
func (r *resolver) refer(m *Mention, md *meta, root int) {
	rm := r.out[root]
	m.Antecedent = root
	m.Code, m.Name, m.Title = rm.Code, rm.Name, rm.Title
	md.id, md.root, md.surname = r.meta[root].id, root, r.meta[root].surname
}

// find returns the root mention of a person identity, or -1.
func (r *resolver) find(id string) int {
	for _, md := range r.meta {
		if md.id == id {
			return md.root
		}
	}
	return -1
}

func (r *resolver) bySurname(name string) int {
	sn := fold(lastName(name))
	for i := len(r.meta) - 1; i >= 0; i-- {
		if r.meta[i].id != "" && fold(r.meta[i].surname) == sn {
			return r.meta[i].root
		}
	}
	return -1
}

func lastName(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// namedIn reports whether the person of root was mentioned in sentence si.
func (r *resolver) namedIn(root, si int) bool {
	for i := len(r.meta) - 1; i >= 0 && r.meta[i].sentence == si; i-- {
		if r.meta[i].root == root && r.meta[i].id != "" {
			return true
		}
	}
	return false
}

// nominalAntecedent finds the person a title refers to ("the president",
// "the Ukrainian leader"): someone whose office at the document date fits
// the title and the country, not already named in this sentence. The
// latest sentence with such a person wins, and in it the first mention
// (usually the subject).
func (r *resolver) nominalAntecedent(st *sentence, t *entry, country string) int {
	found, in := -1, -1
	for i := len(r.out) - 1; i >= 0; i-- {
		md := r.meta[i]
		if in >= 0 && md.sentence != in {
			break
		}
		if md.id == "" || r.namedIn(md.root, st.idx) || !r.fitsTitle(md.root, t, country) {
			continue
		}
		found, in = md.root, md.sentence
	}
	return found
}

func (r *resolver) fitsTitle(root int, t *entry, country string) bool {
	m := r.out[root]
	if country != "" && !strings.HasPrefix(m.Code, country) {
		return false
	}
	if !strings.HasSuffix(m.Code, "GOV") && !strings.HasSuffix(m.Code, "MIL") && !strings.HasPrefix(m.Code, "IGO") {
		return false
	}
	title := strings.Fields(fold(m.Title))
	for _, ref := range t.refers {
		if containsWords(title, strings.Fields(fold(ref))) {
			return true
		}
	}
	return false
}

// containsWords reports whether title holds the words of ref in a row, not
// as part of a lesser office: "President" is in "President of Ukraine" but
// not in "Vice President of the United States".
func containsWords(title, ref []string) bool {
	for i := 0; i+len(ref) <= len(title); i++ {
		if i > 0 && lesserOffice[title[i-1]] {
			continue
		}
		ok := true
		for k, w := range ref {
			if title[i+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

var lesserOffice = setOf("vice", "deputy", "assistant", "under", "acting", "former")

// pronounAntecedent resolves he/she when exactly one person fits, looking
// first in the sentence before the pronoun (not for object pronouns), then
// in the latest of the three sentences before that mentions anybody.
func (r *resolver) pronounAntecedent(st *sentence, tok int, g byte, kind int) int {
	fits := func(root int) bool { return r.gender[root] == 0 || r.gender[root] == g }
	roots := map[int]bool{}
	// "him" is not the subject of its own clause, but may be anyone else
	// named before it: "Republicans have broken with Trump and have urged
	// him" (parsed documents only).
	subj := -1
	if kind == pronObject {
		subj = st.clauseSubject(tok)
	}
	if kind != pronObject || subj >= 0 {
		for i := len(r.out) - 1; i >= 0 && r.out[i].Sentence == st.idx; i-- {
			m := r.out[i]
			if kind == pronObject && subj >= m.First && subj <= m.Last {
				continue
			}
			if md := r.meta[i]; md.id != "" && m.First < tok && fits(md.root) {
				roots[md.root] = true
			}
		}
	}
	if len(roots) == 0 && kind != pronReflexive {
		prev := -1
		for i := len(r.out) - 1; i >= 0; i-- {
			m, md := r.out[i], r.meta[i]
			if m.Sentence == st.idx || md.id == "" {
				continue
			}
			if prev >= 0 && m.Sentence != prev || st.idx-m.Sentence > 3 {
				break
			}
			prev = m.Sentence
			if fits(md.root) && !(kind == pronObject && r.namedIn(md.root, st.idx)) {
				roots[md.root] = true
			}
		}
	}
	if len(roots) != 1 {
		return -1
	}
	for root := range roots {
		return root
	}
	return -1
}

// clauseSubject is the subject token of the clause of token tok: the nsubj
// of its governor, or of the verb a conjoined governor shares it with; -1
// without a parse or a subject.
func (st *sentence) clauseSubject(tok int) int {
	v := st.toks[tok].Head - 1
	for range 3 {
		if v < 0 || v >= len(st.toks) {
			return -1
		}
		for i, t := range st.toks {
			if t.Head-1 == v && (t.Deprel == "nsubj" || t.Deprel == "nsubj:pass") {
				return i
			}
		}
		if st.toks[v].Deprel != "conj" {
			return -1
		}
		v = st.toks[v].Head - 1
	}
	return -1
}

func joinWords(ws []sword) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && w.first && w.text != "'s" {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// joinTokens writes tokens as they stand in the text, with a space where
// the text has one.
func joinTokens(ts []model.Token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 && t.Span.Start > ts[i-1].Span.End {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

func titleCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if nameConnectors[w] && i > 0 {
			continue
		}
		f[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(f, " ")
}
