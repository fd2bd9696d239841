package quotes

import (
	"slices"
	"sort"
	"strings"

	"github.com/parleyhq/parley/internal/model"
)

// docIndex is what the resolver knows about the whole document: every named
// or described person and organisation in order, so that surnames, pronouns
// and "the minister" can be traced back to a name.
type docIndex struct {
	sc       *scan
	mentions []indexed
	reg      Registry
	acronyms map[string]string // "SDF" -> "Syrian Democratic Forces"
	votes    map[string]int    // name key -> (+ male, - female) pronoun votes
	counts   map[string]int    // name key (full name when known) -> mentions
	keys     map[string][]string
	resolved map[string]resolution // Registry.Resolve by name, once the index is built
	firstAt  map[string]int        // full-name key -> item of its first mention
	ckeys    []string              // countKey of each mention ("" for descriptions)
	words    [][]string            // lower-case words of each named mention's title and name
	profiles map[string]profile    // by countKey
	turns    []turn                // interview turns, in order
}

// turn is a "((Name))" heading of an interview transcript: the paragraphs
// up to the next heading are Name's words. The interviewer's turns are
// "((WN))" or "((Wikinews))".
type turn struct {
	at          int // item index of the heading's first "("
	m           mention
	interviewer bool
}

// interviewTurns finds the "((Name))" headings that open paragraphs.
func (sc *scan) interviewTurns() []turn {
	var out []turn
	for i := 0; i+4 < len(sc.items); i++ {
		if !(i == 0 || sc.items[i-1].kind == itPara) || !sc.isPunct(i, "(") || !sc.isPunct(i+1, "(") {
			continue
		}
		e := i + 2
		for e < len(sc.items) && e < i+10 && sc.items[e].kind == itWord {
			e++
		}
		if e == i+2 || !sc.isPunct(e, ")") || !sc.isPunct(e+1, ")") {
			continue
		}
		name := sc.textOf(i+2, e)
		t := turn{at: i, interviewer: name == "WN" || strings.HasPrefix(name, "Wikinews")}
		if !t.interviewer {
			m, _, ok := sc.mentionRight(i+2, e)
			if !ok || m.kind != mName || m.org {
				continue
			}
			t.m = m
		}
		out = append(out, t)
	}
	return out
}

// turnSpeaker resolves "I" in an interviewee's answer to the interviewee,
// and "you" in the interviewer's question to the interviewee of the nearest
// answer.
func (ix *docIndex) turnSpeaker(p mention) (mention, bool) {
	k := sort.Search(len(ix.turns), func(k int) bool { return ix.turns[k].at > p.from }) - 1
	if k < 0 {
		return mention{}, false
	}
	switch w := ix.sc.items[p.from].low; {
	case (w == "i" || w == "me" || w == "we" || w == "my" || w == "our") && !ix.turns[k].interviewer:
		return ix.turns[k].m, true
	case w == "you" && ix.turns[k].interviewer:
		for _, j := range []int{k + 1, k - 1} {
			if j >= 0 && j < len(ix.turns) && !ix.turns[j].interviewer {
				return ix.turns[j].m, true
			}
		}
		return ix.introSubject()
	}
	return mention{}, false
}

// answering returns the interviewee whose answer holds item i, or "". In
// an answer "she" is someone else: the interviewee says "I".
func (ix *docIndex) answering(i int) string {
	k := sort.Search(len(ix.turns), func(k int) bool { return ix.turns[k].at > i }) - 1
	if k < 0 || ix.turns[k].interviewer {
		return ""
	}
	return ix.turns[k].m.name
}

// introSubject is the interviewee of a transcript whose answers carry no
// heading: the person the introduction (before the first heading) names at
// least three times and twice as often as anyone else.
func (ix *docIndex) introSubject() (mention, bool) {
	n := map[string]int{}
	first := map[string]mention{}
	for k, im := range ix.mentions {
		if im.m.from >= ix.turns[0].at {
			break
		}
		if key, ok := strings.CutPrefix(ix.ckeys[k], "p "); ok && im.m.kind == mName && !im.m.org {
			if n[key] == 0 {
				first[key] = im.m
			}
			n[key]++
		}
	}
	best, second := "", 0
	for key, c := range n {
		if best == "" || c > n[best] || c == n[best] && key < best {
			if best != "" {
				second = max(second, n[best])
			}
			best = key
		} else {
			second = max(second, c)
		}
	}
	if best == "" || n[best] < 3 || n[best] < 2*second {
		return mention{}, false
	}
	return first[best], true
}

// match is Match with the key tokens of each name computed once.
func (ix *docIndex) match(a, b string) bool {
	return matchTokens(ix.keyOf(a), ix.keyOf(b))
}

func (ix *docIndex) keyOf(name string) []string {
	k, ok := ix.keys[name]
	if !ok {
		k = keyTokens(name)
		ix.keys[name] = k
	}
	return k
}

type indexed struct {
	m       mention
	sent    int
	subject bool // not inside a prepositional phrase or possessive
	fronted bool // a person in a sentence-opening "For X,"
}

// prepositions that make a following name a non-subject.
var prepositions = set(`of to by with for from at in on about against between under into over via than
	within inside outside among across near except`)

func (sc *scan) index() *docIndex {
	ix := &docIndex{sc: sc, acronyms: map[string]string{}, votes: map[string]int{}, counts: map[string]int{}, keys: map[string][]string{}, profiles: map[string]profile{}, resolved: map[string]resolution{}, firstAt: map[string]int{}}
	for si, s := range sc.sents {
		for i := s[0]; i < s[1]; i++ {
			it := sc.items[i]
			if it.kind != itWord {
				continue
			}
			if g := pronounGender(it.low); g != "" {
				ix.vote(si, i, g)
				continue
			}
			next, _ := sc.word(i + 1)
			start := it.cap && !notNames[it.text] || (it.low == "the" || it.low == "a" || it.low == "an" || it.low == "another") && sc.anchorWithin(i+1, s[1], 4) ||
				(titleWords[it.low] || roleNouns[it.low]) && next.cap ||
				// "One of the victims decided", "a bunch of them had called"
				numberWords[it.low] && next.low == "of" ||
				(it.low == "a" || it.low == "the") && quantNouns[next.low] ||
				// "my mom ... she's like": a relative named by a role
				(it.low == "my" || it.low == "our") && nounGender[next.low] != ""
			if !start {
				continue
			}
			from := i
			if it.low == "my" || it.low == "our" {
				from++ // "my mom": the relative
			}
			m, end, ok := sc.mentionRight(from, s[1])
			if !ok || end <= i {
				continue
			}
			// "Senator Elizabeth Warren of Massachusetts and Michael
			// Bloomberg": two people, each a mention.
			if k := sc.personAfterAnd(i, end); k > 0 {
				if m2, end2, ok := sc.mentionRight(i, k); ok && end2 > i && end2 <= k {
					m, end = m2, end2
				}
			}
			// "For Kevin Allton, a USI instructor, Warhol was a legend.
			// He said": the fronted person is the topic.
			fronted := i == s[0]+1 && sc.items[s[0]].low == "for" && m.kind == mName && !m.org
			ix.mentions = append(ix.mentions, indexed{m: m, sent: si, subject: sc.subjectLike(i), fronted: fronted})
			if m.kind == mName {
				if !m.org {
					k := ix.reg.Add(m.name)
					if _, seen := ix.firstAt[k]; !seen {
						ix.firstAt[k] = m.from
					}
				}
				// "Syrian Democratic Forces (SDF)"
				if sc.isPunct(end, "(") {
					if a, ok := sc.word(end + 1); ok && isAcronym(a.text) && sc.isPunct(end+2, ")") {
						ix.acronyms[a.text] = m.name
					}
				}
			}
			i = end - 1
		}
	}
	ix.turns = sc.interviewTurns()
	ix.ckeys = make([]string, len(ix.mentions))
	ix.words = make([][]string, len(ix.mentions))
	for k, im := range ix.mentions {
		if im.m.kind != mName {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(im.m.title + " " + im.m.honorific + " " + im.m.name + " " + im.m.affiliation)) {
			ix.words[k] = append(ix.words[k], strings.TrimSuffix(w, ","))
		}
		ck := ix.countKey(im.m)
		ix.ckeys[k] = ck
		ix.counts[ck]++
		p := ix.profiles[ck]
		if p.title == "" && im.m.title != "" {
			p.title, p.affiliation = im.m.title, im.m.affiliation
		}
		if p.affiliation == "" && im.m.affiliation != "" && p.title == im.m.title {
			p.affiliation = im.m.affiliation
		}
		if p.honorific == "" {
			p.honorific = im.m.honorific
		}
		ix.profiles[ck] = p
	}
	return ix
}

// personAfterAnd returns the item of an "and" inside [from, to) that a
// person's full name follows, with a known given name, else 0.
func (sc *scan) personAfterAnd(from, to int) int {
	for k := from + 1; k+2 < to; k++ {
		if sc.items[k].low != "and" || !isNameWord(sc.items[k+1]) || !isNameWord(sc.items[k+2]) {
			continue
		}
		if nameGender(sc.textOf(k+1, k+3)) != "" {
			return k
		}
	}
	return 0
}

// resolution is the answer of Registry.Resolve for one name.
type resolution struct {
	full string
	ok   bool
}

// resolve is ix.reg.Resolve, remembered: every name of the document is
// registered while the index is built, before any look-up, and the same
// names are looked up again for every pronoun and quote.
func (ix *docIndex) resolve(name string) (string, bool) {
	r, seen := ix.resolved[name]
	if !seen {
		r.full, r.ok = ix.reg.Resolve(name)
		ix.resolved[name] = r
	}
	return r.full, r.ok
}

// resolveAt resolves a name at item pos among the full names the document
// gave before it: "Mendez" before the article first names his wife Jonna
// Mendez is Tony Mendez, however often she is named later. Without such a
// name, the whole document decides.
func (ix *docIndex) resolveAt(name string, pos int) (string, bool) {
	full, ok := ix.reg.ResolveAmong(name, func(k string) bool {
		at, seen := ix.firstAt[k]
		return seen && at < pos
	})
	if ok {
		return full, true
	}
	return ix.resolve(name)
}

// profile is the best title, affiliation and honorific seen for a name.
type profile struct{ title, affiliation, honorific string }

// countKey groups the mentions of one person or organisation.
func (ix *docIndex) countKey(m mention) string {
	if !m.org {
		full, _ := ix.resolve(m.name)
		return "p " + Key(full)
	}
	return "o " + Key(m.name)
}

// subjectLike: the phrase at item i is not governed by a preposition or a
// possessive ("to Martin Smith", "Trump's"), except "according to X".
func (sc *scan) subjectLike(i int) bool {
	k := i - 1
	for k >= 0 && sc.items[k].kind == itWord && (sc.items[k].low == "the" || sc.items[k].low == "a" || sc.items[k].low == "an") {
		k--
	}
	p, ok := sc.word(k)
	if !ok {
		return true
	}
	if p.low == "to" {
		if a, ok := sc.word(k - 1); ok && a.low == "according" {
			return true
		}
	}
	return !prepositions[p.low] && p.low != "'s"
}

// subordinators open a clause whose pronoun subject may point forward to
// the main clause's subject.
var subordinators = set(`that when after before since while because although though as if once until whenever`)

// pronounGender: the gender of the pronouns that vote for it ("her" and
// "him" are left out: as objects they usually point at someone else).
func pronounGender(w string) string {
	switch w {
	case "he", "his", "himself":
		return "m"
	case "she", "hers", "herself":
		return "f"
	}
	return ""
}

// vote counts a gendered pronoun for the nearest person named before it in
// the same sentence.
func (ix *docIndex) vote(si, at int, g string) {
	for k := len(ix.mentions) - 1; k >= 0; k-- {
		im := ix.mentions[k]
		if im.sent != si {
			return
		}
		if im.m.kind == mName && !im.m.org && im.m.to <= at {
			if ix.sc.heading(im.m) {
				return // "((Dorsa Derakhshani)) My dad ... he": not about her
			}
			d := 1
			if g == "f" {
				d = -1
			}
			ix.votes[Key(im.m.name)] += d
			return
		}
	}
}

func (ix *docIndex) genderOf(m mention) string {
	if m.gender != "" {
		return m.gender
	}
	full, _ := ix.resolve(m.name)
	v := ix.votes[Key(full)] + ix.votes[Key(m.name)]
	g := nameGender(full)
	if g == "" && !strings.Contains(full, " ") {
		// A given name alone that no full name of the article ends
		// with: the child "Gloria".
		g = givenNameGender(full)
	}
	// A known given name outweighs a stray vote ("to send Gloria to a
	// doctor, but he replied"), not a run of them.
	if g == "m" && v > -2 || g == "f" && v < 2 {
		return g
	}
	switch {
	case v > 0:
		return "m"
	case v < 0:
		return "f"
	}
	return g
}

// speaker turns the mention of an attribution into a speaker record.
func (ix *docIndex) speaker(m mention) model.Speaker {
	sc := ix.sc
	sp := model.Speaker{Text: sc.textOf(m.from, m.to)}
	sp.Span = model.Span{Start: sc.items[m.from].s, End: sc.items[m.to-1].e}
	if m.doc {
		// "read the warning": who issued it, when the document says so.
		if a, ok := sc.docAuthor(m); ok {
			m = a
		}
	}
	target, ok := ix.referent(m)
	if !ok {
		if m.kind == mNominal {
			sp.Unnamed = true
			from, to := m.described()
			sp.Text = sc.textOf(from, to)
			sp.Span = model.Span{Start: sc.items[from].s, End: sc.items[to-1].e}
		}
		return sp
	}
	if target.kind == mNominal && target.definite {
		// "she", where she is "the actress" who is Denise Crosby
		if r, ok := ix.backReference(target); ok {
			target = r
		}
	}
	if target.kind == mNominal {
		// "She also said", where she is "the head of the investigators".
		sp.Unnamed = true
		sp.Text = sc.textOf(target.described())
		sp.Title = target.title
		return sp
	}
	ix.fill(&sp, target)
	return sp
}

// referent follows pronouns and back-references to the mention that names
// the speaker; for an unnamed source it returns false.
func (ix *docIndex) referent(m mention) (mention, bool) {
	switch m.kind {
	case mName:
		// "The Department issued a statement" after "The California
		// Department of Corrections and Rehabilitation": a body's head
		// word alone refers back to it.
		if low := strings.ToLower(m.name); orgWords[low] && ix.sc.items[m.from].low == "the" {
			if r, ok := ix.backReference(mention{from: m.from, to: m.to, kind: mNominal, desc: low, definite: true}); ok && r.org {
				return r, true
			}
		}
		return m, true
	case mPronoun:
		return ix.antecedent(m)
	case mNominal:
		// "the minister", "Pakistan's president": someone named before.
		if m.definite || strings.Contains(m.desc, "'s ") {
			if r, ok := ix.backReference(m); ok {
				return r, true
			}
		}
	}
	return mention{}, false
}

// fill copies name, title and affiliation of the named mention r, completing
// them from earlier mentions of the same person.
func (ix *docIndex) fill(sp *model.Speaker, r mention) {
	name := r.name
	if r.org {
		if full, ok := ix.acronyms[name]; ok {
			name = full
		} else {
			for _, im := range ix.mentions {
				if im.m.kind == mName && im.m.org && len(im.m.name) > len(name) && ix.match(im.m.name, name) {
					name = im.m.name
					break
				}
			}
		}
	} else if full, ok := ix.resolveAt(name, r.from); ok {
		name = full
	}
	sp.Name = name
	sp.Title, sp.Affiliation, sp.Honorific = r.title, r.affiliation, r.honorific
	p := ix.profiles[ix.countKey(mention{name: name, org: r.org})]
	if sp.Title == "" {
		sp.Title = p.title
		if sp.Affiliation == "" {
			sp.Affiliation = p.affiliation
		}
	}
	if sp.Honorific == "" {
		sp.Honorific = p.honorific
	}
	sp.Title = strings.TrimSpace(sp.Title)
}

// antecedent resolves he/she/they/it to the nearest fitting mention: in the
// same sentence before the pronoun, else in the sentences before it,
// preferring subjects. A pronoun of the same gender earlier in the sentence
// passes its own antecedent on ("He said Zelensky ... he added").
func (ix *docIndex) antecedent(p mention) (mention, bool) {
	return ix.antecedentDepth(p, 0)
}

func (ix *docIndex) antecedentDepth(p mention, depth int) (mention, bool) {
	sc := ix.sc
	switch sc.items[p.from].low {
	case "i", "we", "me", "us", "you", "my", "our":
		// The speaker of a first-person passage is not in the narrative,
		// but an interview's turn names it.
		return ix.turnSpeaker(p)
	}
	si := sc.sentOf(p.from)
	wantPerson := p.gender != ""
	own := ix.answering(p.from)
	fits := func(im *indexed) bool {
		if sc.heading(im.m) || own != "" && im.m.kind == mName && ix.match(im.m.name, own) {
			return false
		}
		if wantPerson {
			if im.m.kind == mNominal {
				// a person: "the head of ...", not "a party"; "he" is not
				// "Thomas' sister"
				h := lastHead(im.m.desc)
				g := nounGender[h]
				if h == "one" {
					// "One of the victims decided ... She said"
					last := strings.ToLower(im.m.desc[strings.LastIndexByte(im.m.desc, ' ')+1:])
					return peopleNouns[last] || groupNouns[last]
				}
				return !plural(im.m.desc) && (roleNouns[h] || g != "") && (g == "" || g == p.gender)
			}
			// A full name with a given name is a person even where the
			// entity tagger took it for a place ("Iran Brian Hook").
			if im.m.kind != mName || im.m.org {
				return false
			}
			// "an Al-Qaeda operative": a name modifying a noun.
			if n, ok := sc.word(im.m.to); ok && !n.cap && n.upos == "NOUN" && !strings.Contains(im.m.name, " ") {
				return false
			}
			g := ix.genderOf(im.m)
			if g == "" && sc.placeName(im.m) {
				return false
			}
			return g == "" || g == p.gender
		}
		// "they" is not "TED" in "my TED talk": a name modifying a noun
		if n, ok := sc.word(im.m.to); ok && !n.cap && n.upos == "NOUN" && im.m.kind == mName {
			return false
		}
		return im.m.kind == mName && im.m.org || im.m.kind == mNominal && plural(im.m.desc)
	}
	// An earlier pronoun of the same gender in this sentence, before any fitting mention.
	if depth < 4 {
		first := -1
		for k := range ix.mentions {
			im := &ix.mentions[k]
			if im.sent == si && im.m.to <= p.from && fits(im) {
				first = im.m.from
				break
			}
		}
		for k := sc.sents[si][0]; k < p.from; k++ {
			if first >= 0 && k >= first {
				break
			}
			if first >= 0 && k > 0 && subordinators[sc.items[k-1].low] {
				continue // "the day that he dropped out, Bloomberg said"
			}
			if w := sc.items[k]; w.kind == itWord && pronouns[w.low] == p.gender && thirdPerson(w.low) && (k == sc.sents[si][0] || sc.subjectLike(k)) {
				if k != p.from {
					return ix.antecedentDepth(mention{from: k, to: k + 1, kind: mPronoun, gender: p.gender}, depth+1)
				}
			}
		}
	}
	var weak *indexed
	for s := si; s >= 0 && s > si-4; s-- {
		// Ranked: a strong subject, a strong non-subject, a weak subject, a
		// weak non-subject. Strong: a full name, a title, or a description;
		// weak: a lone capitalised word ("the Volvo").
		var ranked [4]*indexed
		for k := range ix.mentions {
			im := &ix.mentions[k]
			if im.sent != s || s == si && im.m.to > p.from {
				continue
			}
			if !fits(im) {
				// "Thomas' sister pleaded with him ..., but he replied":
				// the owner of a subject that does not fit.
				o, ok := sc.ownerOf(im.m.from, im.m.to)
				if !ok || !im.subject || o.kind != mName || !fits(&indexed{m: o, sent: s, subject: true}) {
					continue
				}
				im = &indexed{m: o, sent: s, subject: true}
			}
			r := 0
			if im.fronted && s < si {
				// the topic of an earlier sentence outranks its subject
				if ranked[0] == nil || ranked[0].m.from > im.m.from {
					ranked[0] = im
				}
				continue
			}
			if !im.subject {
				// "Speaking to Martin Smith, he said": not him; but "an
				// announcement signed by X, in which he stated": the agent.
				if s == si && !(im.m.from > 0 && sc.items[im.m.from-1].low == "by") {
					continue
				}
				r = 1
			}
			if !ix.strong(im.m) {
				r += 2
			}
			if ranked[r] == nil {
				ranked[r] = im
			}
		}
		// A subject pronoun of the same gender before the first strong
		// subject continues the chain ("In between, she testified, ...").
		if depth < 4 && s < si && p.gender != "" {
			limit := sc.sents[s][1]
			if ranked[0] != nil {
				limit = ranked[0].m.from
			}
			for k := sc.sents[s][0]; k < limit; k++ {
				// Not "the same day that he dropped out, Bloomberg
				// endorsed": a pronoun in a clause before the subject
				// points forward to it.
				if ranked[0] != nil && k > 0 && subordinators[sc.items[k-1].low] {
					continue
				}
				if w := sc.items[k]; w.kind == itWord && pronouns[w.low] == p.gender && sc.subjectLike(k) {
					return ix.antecedentDepth(mention{from: k, to: k + 1, kind: mPronoun, gender: p.gender}, depth+1)
				}
			}
		}
		for _, im := range ranked[:2] {
			if im != nil {
				return im.m, true
			}
		}
		if weak == nil && ranked[2] != nil {
			weak = ranked[2]
		} else if weak == nil && ranked[3] != nil {
			weak = ranked[3]
		}
	}
	// A lone capitalised word only when no better candidate is near.
	if weak != nil {
		return weak.m, true
	}
	return mention{}, false
}

// backReference resolves "the minister" to the last person named earlier
// whose title or name contains the head noun.
func (ix *docIndex) backReference(m mention) (mention, bool) {
	words := strings.Fields(strings.ToLower(m.desc))
	if len(words) == 0 {
		return mention{}, false
	}
	head := words[len(words)-1]
	for _, w := range words {
		if w == "of" || w == "for" {
			break
		}
		head = w
	}
	head = strings.TrimSuffix(head, "'s")
	// "the local health minister" is not the Civil Aviation Minister: the
	// title words before the head must be in the name's title too.
	var mods []string
	for i, w := range words {
		if w == head {
			break
		}
		// "the Biden campaign" is Biden's: a name before the head counts
		// as a title word does.
		if titleWords[w] && w != "former" && w != "acting" && w != "senior" || startsUpper(strings.Fields(m.desc)[i]) && !orgWords[w] && !roleNouns[w] {
			mods = append(mods, strings.TrimSuffix(w, "'s"))
		}
	}
	if familyRoles[head] {
		return ix.familyMember(m, nounGender[head])
	}
	// "the company said": the latest organisation named in the five
	// sentences before.
	if orgHeads[head] {
		si := ix.sc.sentOf(m.from)
		for k := len(ix.mentions) - 1; k >= 0; k-- {
			im := ix.mentions[k]
			if im.m.from >= m.from || im.m.kind != mName {
				continue
			}
			if im.sent < si-5 {
				break
			}
			// A lone word no full name in the document ends with, nor a
			// first name, names no person (news introduces people by full
			// name), whatever the entity tagger says ("Hasbro").
			first := strings.ToLower(im.m.name)
			lone := !ix.strong(im.m) && !femaleNames[first] && !maleNames[first]
			if im.m.org || ix.sc.orgEntity(im.m) || lone {
				return im.m, true
			}
		}
	}
	// Among earlier names with that word in their title or name, the most
	// mentioned wins (the topic of the article), then the latest.
	var best mention
	bestN := 0
	for k := len(ix.mentions) - 1; k >= 0; k-- {
		im := ix.mentions[k]
		if im.m.from >= m.from || im.m.kind != mName {
			continue
		}
		if !slices.Contains(ix.words[k], head) || slices.ContainsFunc(mods, func(w string) bool { return !hasWordOrStem(ix.words[k], w) }) {
			continue
		}
		if n := ix.counts[ix.ckeys[k]]; n > bestN {
			best, bestN = im.m, n
		}
	}
	if bestN > 0 {
		return best, true
	}
	return mention{}, false
}

// hasWordOrStem: w is one of words or, four letters or more, the start of
// one ("Pakistan's president" is the "Pakistani President").
func hasWordOrStem(words []string, w string) bool {
	return slices.ContainsFunc(words, func(x string) bool { return x == w || len(w) >= 4 && strings.HasPrefix(x, w) })
}

// familyRoles are the gendered family nouns that name a member of a family
// the article names ("The father said" after "David and Louise Turpin").
var familyRoles = set(`father mother husband wife`)

// familyMember resolves a family role of gender g to the one person of that
// gender, named before m, whose surname another named person shares: a
// family. Two such candidates, or none, leave the role unnamed.
func (ix *docIndex) familyMember(m mention, g string) (mention, bool) {
	bySurname := map[string]map[string]bool{} // surname -> full keys
	for k, im := range ix.mentions {
		if im.m.from >= m.from || im.m.kind != mName || im.m.org {
			continue
		}
		if full, ok := strings.CutPrefix(ix.ckeys[k], "p "); ok {
			if f := strings.Fields(full); len(f) >= 2 {
				sn := f[len(f)-1]
				if bySurname[sn] == nil {
					bySurname[sn] = map[string]bool{}
				}
				bySurname[sn][full] = true
			}
		}
	}
	var found mention
	key := ""
	for k, im := range ix.mentions {
		if im.m.from >= m.from || im.m.kind != mName || im.m.org {
			continue
		}
		full, ok := strings.CutPrefix(ix.ckeys[k], "p ")
		// The first name first: in a family the surname's pronoun votes
		// mix its members.
		if mg := nameGender(full); !ok || mg != g && (mg != "" || ix.genderOf(im.m) != g) {
			continue
		}
		f := strings.Fields(full)
		if len(f) < 2 || len(bySurname[f[len(f)-1]]) < 2 {
			continue
		}
		if key != "" && key != full {
			return mention{}, false // two candidates
		}
		found, key = im.m, full
	}
	return found, key != ""
}

// orgHeads are the generic nouns for an organisation named before.
var orgHeads = set(`company firm project organisation organization group corporation charity agency
	broadcaster newspaper network carrier airline manufacturer retailer developer startup`)

// orgEntity: every capitalised word of the mention is in an ORG entity.
func (sc *scan) orgEntity(m mention) bool {
	n := 0
	for _, it := range sc.items[m.from:m.to] {
		if it.kind == itWord && it.cap {
			if !it.org {
				return false
			}
			n++
		}
	}
	return n > 0
}

// heading: the name of an interview turn, "((WN))", "((Dorsa Derakhshani))".
func (sc *scan) heading(m mention) bool {
	return sc.isPunct(m.from-1, "(") && sc.isPunct(m.from-2, "(")
}

// thirdPerson: he, she, it, they, which an earlier one of the same
// gender passes its antecedent on to.
func thirdPerson(w string) bool {
	return isPronoun(w) && w != "i" && w != "we" && w != "you"
}

// placeName: a name the entity tagger marks as a place ("the United
// States"), which he or she cannot refer to.
func (sc *scan) placeName(m mention) bool {
	place := false
	for _, it := range sc.items[m.from:m.to] {
		if it.person {
			return false
		}
		if it.cap && it.kind == itWord {
			if !it.place {
				return false
			}
			place = true
		}
	}
	return place
}

// plural: a description whose head noun is plural ("the men", "officials").
func plural(desc string) bool {
	h := headNoun(desc)
	switch h {
	case "men", "women", "people", "police", "children", "staff", "media":
		return true
	}
	h = lastHead(desc)
	if quantNouns[h] {
		return true // "a bunch of them"
	}
	// "the actress", "a witness", "the virus" are singular
	return strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") && !strings.HasSuffix(h, "us") && !strings.HasSuffix(h, "is")
}

func lastHead(desc string) string {
	head := ""
	for _, w := range strings.Fields(strings.ToLower(desc)) {
		w = strings.Trim(w, ",.;:")
		if prepositions[w] {
			break
		}
		head = w
	}
	return head
}

// strong: a mention that surely names or describes a person: two words or
// more, a title or honorific, a description, or the surname of a full name.
func (ix *docIndex) strong(m mention) bool {
	// An acronym names a body as surely as a full name ("NASA").
	if m.kind != mName || m.title != "" || m.honorific != "" || strings.Contains(m.name, " ") || isAcronym(m.name) {
		return true
	}
	if _, ok := ix.resolve(m.name); ok {
		return true
	}
	// "Byron", named again and again: the person the article is about.
	return ix.counts[ix.countKey(m)] >= 3
}
