package events

import (
	"strings"

	"github.com/parleyhq/parley/internal/events/verbs"
	"github.com/parleyhq/parley/internal/model"
)

// binding holds the mentions a pattern bound: $ (src), + (tgt), % (comp).
type binding struct {
	src, tgt, comp int
	set            bool
}

func noBinding() binding { return binding{src: -1, tgt: -1, comp: -1} }

// match tries pattern p around verb hit h: the elements before "*" in the
// clause before the verb, in order, those after it in the verb's subtree.
// Blank-separated elements may have words between them; "_" joins them.
func (s *sent) match(p *verbs.Pattern, h hit, d *verbs.Dictionary) (binding, bool) {
	b := noBinding()
	ustart := s.lo[h.tok]
	if subj, _ := s.subject(h.tok); subj >= 0 && s.lo[subj] < ustart {
		ustart = s.lo[subj]
	}
	mustEnd := -1
	if p.TightVerb {
		mustEnd = h.first
	}
	b, ok := s.seq(p.Pre, ustart, h.first, false, mustEnd, b, d)
	if !ok {
		return b, false
	}
	end := max(s.hi[h.tok], h.last) + 1
	anchored := len(p.Post) > 0 && p.Post[0].Tight
	// After the verb, words count in its own clause and its complement
	// only: "rejected the demarcation, and said talks would fail" does
	// not reject talks; "allowed that Mordor isn't a really pleasant place"
	// matches "* REALLY_PLEASANT".
	for i := h.last + 1; i < end; i++ {
		s.fence[i] = s.otherClause(i, h.tok, true)
	}
	b, ok = s.seq(p.Post, h.last+1, end, anchored, -1, b, d)
	clear(s.fence)
	return b, ok
}

// seq matches es within [pos, end). anchored: the first element must start
// at pos. mustEnd >= 0: the last element must end there.
func (s *sent) seq(es []verbs.Elem, pos, end int, anchored bool, mustEnd int, b binding, d *verbs.Dictionary) (binding, bool) {
	if len(es) == 0 {
		return b, mustEnd < 0 || pos == mustEnd
	}
	last := end - 1
	if anchored {
		last = pos
		// An actor may follow its article: "spoke with_+" matches "spoke
		// with the Russian president".
		if es[0].Kind >= verbs.Source && pos < end && article[s.words[pos]] {
			last = pos + 1
		}
	}
	for st := pos; st <= last && st < end; st++ {
		next, nb, ok := s.elemAt(es[0], st, end, b, d)
		if !ok {
			continue
		}
		tight := len(es) > 1 && es[1].Tight
		if rb, ok := s.seq(es[1:], next, end, tight, mustEnd, nb, d); ok {
			return rb, true
		}
	}
	return b, false
}

// elemAt matches one element starting at token st and returns where the
// next element may start.
func (s *sent) elemAt(e verbs.Elem, st, end int, b binding, d *verbs.Dictionary) (int, binding, bool) {
	if s.fence[st] {
		return 0, b, false
	}
	switch e.Kind {
	case verbs.Word:
		return st + 1, b, s.words[st] == e.Text
	case verbs.Synset:
		set := d.Synsets[e.Text]
		best := -1
		for _, ph := range set.Phrases {
			if st+len(ph) <= end && len(ph) > best && equalAt(s.words, st, ph) {
				best = len(ph)
			}
		}
		return st + best, b, best > 0
	}
	k := s.at[st]
	if k < 0 || s.ments[k].First != st {
		return 0, b, false
	}
	next := s.ments[k].Last + 1
	b.set = true
	switch e.Kind {
	case verbs.Source:
		b.src = k
	case verbs.Target:
		b.tgt = k
	case verbs.Compound:
		g := s.groups[s.group[k]]
		if len(g) < 2 {
			return 0, b, false
		}
		b.comp = k
		next = s.ments[g[len(g)-1]].Last + 1
	}
	return next, b, next <= end
}

var article = map[string]bool{"THE": true, "A": true, "AN": true}

func equalAt(words []string, at int, phrase []string) bool {
	for i, w := range phrase {
		if words[at+i] != w {
			return false
		}
	}
	return true
}

// roles finds the source and target actors of a hit. compound is set for
// "%" patterns, where every member acts on every other.
func (dc *docCoder) roles(s *sent, h hit) (src, tgt []*model.Actor, compound bool) {
	defSrc, defTgt := dc.defaultRoles(s, h)
	if h.bind.comp >= 0 {
		// "Eriador agrees with % ...": after the verb, with a subject of
		// its own, the compound is the targets.
		g := s.groupActors(h.bind.comp)
		if s.ments[h.bind.comp].First > h.tok && len(defSrc) > 0 && !sameGroup(s, defSrc, g) {
			return defSrc, g, false
		}
		return g, nil, true
	}
	switch {
	case h.bind.src >= 0:
		src = s.groupActors(h.bind.src)
		// "received money from $": the subject is the target.
		tgt = defSrc
		if len(tgt) == 0 || sameGroup(s, tgt, src) {
			tgt = defTgt
		}
	case h.bind.tgt >= 0:
		tgt = s.groupActors(h.bind.tgt)
		src = defSrc
	default:
		src, tgt = defSrc, defTgt
	}
	if sameGroup(s, src, tgt) {
		tgt = nil
	}
	return src, tgt, false
}

func sameGroup(s *sent, a, b []*model.Actor) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	return a[0].Span == b[0].Span && a[0].Code == b[0].Code
}

// defaultRoles: source is the subject (the "by" agent in the passive),
// target the first actor after the verb in its subtree (the subject in
// the passive). Nominal predicates take their possessor as source.
func (dc *docCoder) defaultRoles(s *sent, h hit) (src, tgt []*model.Actor) {
	inVerb := func(i int) bool { return i >= s.lo[h.tok] && i <= s.hi[h.tok] }
	srcM, tgtM := -1, -1
	if h.verb.Noun {
		for _, k := range s.kids[h.tok] {
			r := s.rel(k)
			if r == "nmod:poss" || r == "compound" || r == "amod" || r == "nmod" && s.hasChildLemma(k, "case", "BY") {
				if m := s.mentionIn(k, nil); m >= 0 {
					srcM = m
					break
				}
			}
		}
		// "The initiative involves consultations with allies": the subject
		// of a governing verb that codes nothing itself, when the noun is
		// its object (not "Biden remarked on the investigation").
		if hv := s.head(h.tok); srcM < 0 && hv >= 0 && s.rel(h.tok) == "obj" && !dc.c.coded(s, hv) {
			if subj, _ := s.subject(hv); subj >= 0 {
				if srcM = s.mentionIn(subj, nil); srcM < 0 {
					src = dc.ownerOf(s, subj)
				}
			}
		}
	} else {
		subj, passive := s.subject(h.tok)
		skip := func(i int) bool { return inVerb(i) }
		if subj >= 0 && inVerb(subj) {
			skip = nil
		}
		if passive {
			if ag := s.agent(h.tok); ag >= 0 {
				srcM = s.mentionIn(ag, nil)
			}
			if subj >= 0 {
				tgtM = s.mentionIn(subj, skip)
			}
		} else if subj >= 0 {
			if srcM = s.mentionIn(subj, skip); srcM < 0 {
				src = dc.ownerOf(s, subj)
			}
		}
	}
	if srcM >= 0 {
		src = s.groupActors(srcM)
	}
	if tgtM < 0 {
		tgtM = s.firstAfter(h, srcM)
	}
	if tgtM >= 0 {
		tgt = s.groupActors(tgtM)
	}
	return src, tgt
}

// firstAfter is the first actor after the verb within its subtree, outside
// the source's group, temporal modifiers and clauses of their own: in "X
// said the gas, which leaks in Russia, ..." Russia is no target. The subject
// of a complement clause is ("X said Y attacked Z": Y), unless quoted. Phrases of
// circumstance ("despite criticism by X", "before the call for X") and
// places ("met in Athens") hold no target; statements are made to someone
// ("told Y", "said to Y") or about the subject of what is said.
func (s *sent) firstAfter(h hit, srcM int) int {
	for i := h.last + 1; i <= s.hi[h.tok]; i++ {
		k := s.at[i]
		if k < 0 || srcM >= 0 && s.group[k] == s.group[srcM] || s.temporal(i) {
			continue
		}
		// Someone's words name no target of a verb outside them: "hailed
		// the agreements as the "dawn of a new Middle East"".
		if s.quoted[i] && !s.quoted[h.tok] {
			continue
		}
		if s.clauseSubject(k, h.tok) {
			return k
		}
		if s.embedded(i, h.tok) || s.otherClause(i, h.tok, true) || h.verb.Noun && !s.ofNoun(i, h.tok) {
			continue
		}
		// Not inside the source's own phrase: "killed by US special forces
		// in Pakistan".
		if srcM >= 0 {
			if sh := s.headOf(s.ments[srcM]); i >= s.lo[sh] && i <= s.hi[sh] {
				continue
			}
		}
		if c := s.childToward(i, h.tok); c >= 0 && !s.targetRole(c, h, s.headOf(s.ments[k]) == c) {
			continue
		}
		return k
	}
	return -1
}

// childToward is the dependent of v whose subtree holds token i, or -1.
func (s *sent) childToward(i, v int) int {
	for steps := 0; i >= 0 && steps < len(s.toks); i, steps = s.head(i), steps+1 {
		if s.head(i) == v {
			return i
		}
	}
	return -1
}

// targetRole reports whether dependent c of the verb of h may hold its
// target; whole tells that the target would be c itself ("in Athens", not
// "in the dispute with Osgiliath").
func (s *sent) targetRole(c int, h hit, whole bool) bool {
	r := s.rel(c)
	if strings.HasPrefix(h.code.Fwd, "01") {
		// Told to whom, not about what: "announced a coalition to patrol
		// the Persian Gulf" has no target.
		return whole && (r == "obj" || r == "iobj" || r == "obl" && s.hasChildLemma(c, "case", "TO"))
	}
	if r != "obl" && r != "nmod" && r != "advmod" {
		return true
	}
	for _, k := range s.kids[c] {
		if !strings.HasPrefix(s.rel(k), "case") {
			continue
		}
		w := s.words[k]
		if circumstance[w] || whole && (w == "IN" || w == "AT") && !motion[s.lemmas[h.tok]] {
			return false
		}
	}
	return true
}

// circumstance prepositions introduce no target: "despite criticism by X",
// "after talks with Y".
var circumstance = map[string]bool{"DESPITE": true, "DURING": true, "BEFORE": true, "AFTER": true, "SINCE": true,
	"AMID": true, "AMIDST": true, "UNTIL": true, "THROUGHOUT": true, "VIA": true, "LIKE": true, "UNLIKE": true}

// motion verbs take their destination as target: "arrived in Kyiv".
var motion = map[string]bool{"ARRIVE": true, "TRAVEL": true, "VISIT": true, "LAND": true, "RETURN": true,
	"FLY": true, "GO": true, "COME": true, "TOUR": true, "LEAVE": true}

// ofNoun reports whether token i belongs to the phrase of noun n ("EU
// sanctions on Russia and Belarus"), not to a clause or a coordination
// hanging from it.
func (s *sent) ofNoun(i, n int) bool {
	for steps := 0; i >= 0 && i != n && steps < len(s.toks); i, steps = s.head(i), steps+1 {
		switch s.rel(i) {
		case "nmod", "nmod:poss", "compound", "amod", "flat", "flat:name", "appos", "det", "case", "nummod", "punct", "cc":
		case "conj":
			if s.head(i) == n {
				return false
			}
		default:
			return false
		}
	}
	return i == n
}

// embedded reports whether token i lies in a clause of its own under verb
// v: a complement, relative or parenthetical clause, or an adverbial clause
// with a subject or a subordinator of its own ("while", "after"). Clauses
// that share the verb's subject stay: "declined to meet X", "vowed to wage
// war on X", "cordoned off the roads leading into X".
func (s *sent) embedded(i, v int) bool { return s.otherClause(i, v, false) }

// otherClause reports whether token i lies in a clause other than verb v's:
// embedded (see embedded) or, with complements allowed, a clause
// coordinated with v's but not v's complement clause.
func (s *sent) otherClause(i, v int, complements bool) bool {
	for t, steps := i, 0; t >= 0 && t != v && steps < len(s.toks); t, steps = s.head(t), steps+1 {
		switch s.toks[t].Deprel {
		case "ccomp":
			if !complements {
				return true
			}
		case "conj":
			if complements && isVerbTag(s.toks[t]) {
				return true
			}
		case "acl:relcl", "parataxis", "csubj":
			return true
		case "advcl", "acl":
			if s.child(t, "nsubj", "nsubj:pass") >= 0 {
				return true
			}
			if m := s.child(t, "mark"); m >= 0 && s.words[m] != "TO" {
				return true
			}
		}
	}
	return false
}

// clauseSubject reports whether mention k is the subject of a complement
// clause of verb v.
func (s *sent) clauseSubject(k, v int) bool {
	h := s.headOf(s.ments[k])
	if r := s.rel(h); r != "nsubj" && r != "nsubj:pass" {
		return false
	}
	c := s.head(h)
	return c >= 0 && s.rel(c) == "ccomp" && s.head(c) == v
}

func (s *sent) temporal(i int) bool {
	for t, steps := i, 0; t >= 0 && steps < len(s.toks); t, steps = s.head(t), steps+1 {
		if r := s.toks[t].Deprel; r == "obl:tmod" || r == "nmod:tmod" {
			return true
		}
	}
	return false
}

// subject returns the subject token of verb v, looking through control,
// coordination and relative clauses, and whether v is passive.
func (s *sent) subject(v int) (int, bool) {
	passive := s.child(v, "aux:pass") >= 0 || s.reducedPassive(v)
	pronoun := -1 // "Russia said it would retaliate": it
	for steps := 0; v >= 0 && steps < len(s.toks); steps++ {
		if k := s.child(v, "nsubj", "nsubj:pass", "csubj", "csubj:pass"); k >= 0 {
			if k = s.unquotedSubject(k, v); k < 0 {
				return -1, passive
			}
			if pronoun >= 0 {
				if s.mentionIn(k, nil) >= 0 && s.agrees(pronoun, k) {
					return k, passive
				}
				return pronoun, passive
			}
			if a := s.subjectAfterComma(k, v); a >= 0 {
				return a, passive
			}
			if r := s.rel(k); r == "nsubj:pass" || r == "csubj:pass" {
				passive = true
			}
			if relPronoun[s.words[k]] && (s.rel(v) == "acl:relcl" || s.rel(v) == "acl") {
				return s.head(v), passive
			}
			// A pronoun the actor resolution left open, in a clause
			// reported by an actor it agrees with, is that actor: "Russia
			// said it would retaliate" (not "officials confirmed it has
			// infected 200").
			if s.at[k] < 0 && s.toks[k].UPOS == "PRON" && s.rel(v) == "ccomp" && s.head(v) >= 0 {
				pronoun, v = k, s.head(v)
				continue
			}
			return k, passive
		}
		if pronoun >= 0 {
			return pronoun, passive
		}
		// A finite verb the parser left without a subject, right after an
		// actor that follows a comma: "While in New York to attend the
		// General Assembly, President Zelensky told reporters" with "told"
		// hung on "attend".
		if x := s.toks[v].XPOS; steps == 0 && (x == "VBD" || x == "VBZ" || x == "VBP" || s.child(v, "aux") >= 0) {
			if a := s.subjectAfterComma(-1, v); a >= 0 {
				return a, passive
			}
		}
		switch s.rel(v) {
		case "xcomp":
			h := s.head(v)
			if h >= 0 {
				if o := s.child(h, "obj", "iobj"); o >= 0 && s.at[o] >= 0 || o >= 0 && s.mentionIn(o, nil) >= 0 {
					return o, passive // object control: "urged Bree to help"
				}
			}
			v = h
		case "advcl":
			// "criticized Biden for not denouncing Antifa", "thanked China
			// for supporting": the object of the governing verb does what
			// the "for" clause of the coded verb says (not a clause hung on
			// it: "attacked Biden for accumulating wealth, accusing ...").
			h := s.head(v)
			if h >= 0 && steps == 0 && s.toks[v].XPOS == "VBG" && (s.hasChildLemma(v, "mark", "FOR") || s.hasChildLemma(v, "case", "FOR")) {
				if o := s.child(h, "obj"); o >= 0 {
					return o, passive
				}
			}
			v = h
		case "conj":
			v = s.head(v)
		case "parataxis":
			// A subjectless participle clause shares its governor's
			// subject whichever of advcl and parataxis the parser chose:
			// "The White House has remained measured, offering no
			// confirmation".
			if s.toks[v].XPOS != "VBG" || s.child(v, "aux") >= 0 {
				return s.adjacentSubject(v), passive
			}
			v = s.head(v)
		case "acl:relcl":
			return s.head(v), passive
		case "acl":
			if s.toks[v].XPOS == "VBN" {
				passive = true
			}
			return s.head(v), passive
		default:
			return s.adjacentSubject(v), passive
		}
	}
	return -1, passive
}

// agrees reports whether pronoun p can stand for the noun phrase headed by
// n: "it" for one thing, "they" for several, "we" for either.
func (s *sent) agrees(p, n int) bool {
	plural := s.toks[n].XPOS == "NNS" || s.toks[n].XPOS == "NNPS"
	switch s.words[p] {
	case "IT":
		return !plural
	case "THEY":
		return plural
	case "WE":
		return true
	}
	return false
}

// reducedPassive reports an adverbial participle clause without auxiliary
// or subject, which is passive: "When asked about X, Trump said", "If
// elected, she will", "Backed by Russia, separatists ...".
func (s *sent) reducedPassive(v int) bool {
	x := s.toks[v].XPOS
	if x != "VBN" && x != "VBD" || s.child(v, "aux", "nsubj", "aux:pass", "nsubj:pass") >= 0 {
		return false
	}
	switch s.rel(v) {
	case "advcl":
		if x == "VBN" {
			return true
		}
		// A tagger may read "asked" as a past tense after "when".
		for _, k := range s.kids[v] {
			if k < v && (s.rel(k) == "mark" || s.rel(k) == "advmod") && subordinator[s.words[k]] {
				return true
			}
		}
	}
	return false
}

var subordinator = map[string]bool{"WHEN": true, "IF": true, "ONCE": true, "UNLESS": true, "AS": true,
	"UNTIL": true, "THOUGH": true, "ALTHOUGH": true, "WHILE": true, "WHETHER": true}

// adjacentSubject stands in for a subject the parser attached elsewhere
// (", Ukrainian President Volodymyr Zelensky has been seeking" parsed as an
// apposition of the noun before the comma): an actor mention that ends
// right before the verb and its auxiliaries and adverbs. It returns -1 when
// there is none.
func (s *sent) adjacentSubject(v int) int {
	i := v - 1
	for i >= 0 && s.head(i) == v && (s.rel(i) == "aux" || s.rel(i) == "aux:pass" || s.rel(i) == "advmod") {
		i--
	}
	if i < 0 || s.at[i] < 0 || s.ments[s.at[i]].Last != i {
		return -1
	}
	return i
}

// unquotedSubject keeps the parser from giving verb v, outside a quotation,
// a subject k inside it (""..., America's Virgin, ...," Day said" with
// "Miss" hung on "said"): the first subject child of v outside quotations,
// or -1 when there is none.
func (s *sent) unquotedSubject(k, v int) int {
	if !s.quoted[k] || s.quoted[v] {
		return k
	}
	for _, c := range s.kids[v] {
		switch s.rel(c) {
		case "nsubj", "nsubj:pass", "csubj", "csubj:pass":
			if !s.quoted[c] {
				return c
			}
		}
	}
	return -1
}

// subjectAfterComma corrects a subject k of verb v that is no actor and
// stands before a comma (k = -1: v has none), when an actor ends right
// before v after that comma: in "In a landscape marked by patience,
// Ukrainian President Volodymyr Zelensky has been seeking a meeting" the
// parser may take "landscape" for the subject; English puts the subject
// before the verb, after a fronted phrase's comma. -1 when the subject
// stands.
func (s *sent) subjectAfterComma(k, v int) int {
	if k > v || k >= 0 && s.at[k] >= 0 {
		return -1
	}
	a := s.adjacentSubject(v)
	if a < 0 {
		return -1
	}
	first := s.ments[s.at[a]].First
	if first < 1 || first <= k || s.toks[first-1].Text != "," {
		return -1
	}
	return a
}

var relPronoun = map[string]bool{"WHO": true, "WHICH": true, "THAT": true, "WHOM": true}

// agent is the "by" phrase of a passive verb.
func (s *sent) agent(v int) int {
	// Only a "by" phrase: the parser sometimes labels "offered to Trump"
	// an agent, and a passive without its agent has no source.
	for _, k := range s.kids[v] {
		switch s.rel(k) {
		case "obl", "obl:agent", "nmod:agent":
			if s.hasChildLemma(k, "case", "BY") {
				return k
			}
		}
	}
	return -1
}

// modality reads negation, conditionals and futures off the verb's
// dependents.
func (s *sent) modality(v int) string {
	if m := s.ownModality(v); m != model.Asserted {
		return m
	}
	// "would consider charging": the verb governing a complement lends it
	// its doubt or denial.
	if h := s.head(v); h >= 0 && s.rel(v) == "xcomp" {
		if m := s.ownModality(h); m == model.Hypothetical || m == model.Negated {
			return m
		}
	}
	return model.Asserted
}

// ownModality reads negation, conditionals and futures off v's own
// dependents.
func (s *sent) ownModality(v int) string {
	neg, hyp, intent := false, false, false
	for _, k := range s.kids[v] {
		w := s.lemmas[k]
		if w == "" {
			w = s.words[k]
		}
		switch s.rel(k) {
		case "advmod", "neg":
			if w == "NOT" || s.words[k] == "N'T" || w == "NEVER" {
				neg = true
			}
		case "aux":
			switch s.words[k] {
			case "WOULD", "COULD", "MIGHT", "MAY", "SHOULD", "'D":
				hyp = true
			case "WILL", "SHALL", "'LL", "WO":
				intent = true
			}
		case "mark":
			if w == "IF" || w == "UNLESS" {
				hyp = true
			}
		}
	}
	if v >= 2 && s.words[v-1] == "TO" && (s.words[v-2] == "ABOUT" || s.words[v-2] == "GOING") {
		intent = true
	}
	switch {
	case neg:
		return model.Negated
	case hyp:
		return model.Hypothetical
	case intent:
		return model.Intended
	}
	return model.Asserted
}

// ownerOf stands in for an initiative noun without an actor ("the
// initiative") with the actor last named as leading one.
func (dc *docCoder) ownerOf(s *sent, t int) []*model.Actor {
	if dc.owner == nil || !initiativeNouns[s.lemmas[t]] && !initiativeNouns[s.words[t]] {
		return nil
	}
	return []*model.Actor{dc.owner}
}

// coded reports whether token t is a verb of the dictionary.
func (c *Coder) coded(s *sent, t int) bool {
	if !isVerbTag(s.toks[t]) {
		return false
	}
	return len(c.dict.Lookup(s.words[t])) > 0 || s.lemmas[t] != "" && len(c.dict.Lookup(s.lemmas[t])) > 0
}
