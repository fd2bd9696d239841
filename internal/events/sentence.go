package events

import (
	"sort"
	"strings"

	"github.com/parleyhq/parley/internal/actors"
	"github.com/parleyhq/parley/internal/model"
)

// sent is one sentence prepared for coding: upper-cased words, the
// dependency tree as child lists and subtree spans, and the actor mentions
// indexed by token.
type sent struct {
	idx    int
	toks   []model.Token
	words  []string // upper-case token texts
	lemmas []string // upper-case lemmas ("" when unknown)
	kids   [][]int  // children, 0-based, in order
	lo, hi []int    // subtree span of each token, inclusive
	ments  []actors.Mention
	at     []int // token -> index into ments, or -1
	group  []int // mention -> compound group id
	groups [][]int
	quoted []bool // token inside a direct quotation
	person []bool // token inside the mention of a person, coded or not
	fence  []bool // tokens a pattern may not match (set while matching)
}

func newSent(idx int, toks []model.Token, ments []actors.Mention) *sent {
	n := len(toks)
	s := &sent{idx: idx, toks: toks, words: make([]string, n), lemmas: make([]string, n),
		kids: make([][]int, n), lo: make([]int, n), hi: make([]int, n), at: make([]int, n), quoted: make([]bool, n), person: make([]bool, n), fence: make([]bool, n)}
	for i, t := range toks {
		s.words[i] = strings.ToUpper(t.Text)
		s.lemmas[i] = strings.ToUpper(t.Lemma)
		s.at[i] = -1
		s.lo[i], s.hi[i] = i, i
	}
	for i, t := range toks {
		if h := t.Head - 1; h >= 0 && h < n && h != i {
			s.kids[h] = append(s.kids[h], i)
		}
	}
	// Subtree spans; the walk is bounded by n steps per token so a cyclic
	// (malformed) tree cannot loop forever.
	for i := range toks {
		for h, steps := toks[i].Head-1, 0; h >= 0 && h < n && steps < n; h, steps = toks[h].Head-1, steps+1 {
			if i < s.lo[h] {
				s.lo[h] = i
			}
			if i > s.hi[h] {
				s.hi[h] = i
			}
		}
	}
	for _, m := range ments {
		if m.First < 0 || m.Last >= n || m.First > m.Last {
			continue
		}
		switch m.Kind {
		case actors.KindPerson, actors.KindSurname, actors.KindPronoun:
			for t := m.First; t <= m.Last; t++ {
				s.person[t] = true
			}
		}
		if m.Code == "" {
			continue // universities, people we cannot code: not event actors
		}
		k := len(s.ments)
		s.ments = append(s.ments, m)
		for t := m.First; t <= m.Last; t++ {
			if s.at[t] < 0 {
				s.at[t] = k
			}
		}
	}
	s.compounds()
	return s
}

// attacksPerson reports whether verb v is done to persons or to what
// persons say and decide: its targets are all person mentions, or it has
// none and its object is a person we cannot code ("attacked Drudge") or a
// word of speech, decision or inquiry ("attacked the investigation").
func (s *sent) attacksPerson(v int, tgt []*model.Actor) bool {
	if len(tgt) == 0 {
		o := s.child(v, "obj")
		return o >= 0 && (s.person[o] || verbalObjects[s.lemmas[o]])
	}
	for _, a := range tgt {
		person := false
		for i, t := range s.toks {
			if t.Span.Start == a.Span.Start {
				person = s.person[i]
				break
			}
		}
		if !person {
			return false
		}
	}
	return true
}

// verbalObjects are things attacked only in words: no weapon hits an
// investigation or a ruling. Keys are lemmas (plurals fold to them).
var verbalObjects = map[string]bool{
	"INVESTIGATION": true, "INQUIRY": true, "PROBE": true, "IMPEACHMENT": true,
	"REPORT": true, "DECISION": true, "RULING": true, "VERDICT": true,
	"POLICY": true, "PLAN": true, "PROPOSAL": true,
	"LAW": true, "BILL": true, "LEGISLATION": true, "DEAL": true,
	"AGREEMENT": true, "REMARK": true, "COMMENT": true,
	"STATEMENT": true, "CLAIM": true,
	"SPEECH": true, "RECORD": true, "HANDLING": true, "RESPONSE": true,
	"MEDIA": true, "PRESS": true, "IDEA": true, "NOMINATION": true,
}

// objectWithoutActor reports whether verb v has a direct object that holds
// no actor of known country: "meets the requirement", "meets the citizen
// requirement" (the citizens are no one met).
func (s *sent) objectWithoutActor(v int) bool {
	o := s.child(v, "obj")
	if o < 0 || s.person[o] {
		return false
	}
	k := s.mentionIn(o, nil)
	return k < 0 || strings.HasPrefix(s.ments[k].Code, nullCode)
}

// markQuoted marks the tokens inside the quotation spans qs (in text
// order, not overlapping).
func (s *sent) markQuoted(qs []model.Span) {
	for i, t := range s.toks {
		// The last quotation that opens before the token.
		k := sort.Search(len(qs), func(k int) bool { return qs[k].Start >= t.Span.Start }) - 1
		s.quoted[i] = k >= 0 && t.Span.End < qs[k].End
	}
}

// compounds groups mentions joined by "and", "or", "nor" or commas, either
// through the tree (conj) or in the text ("Mordor, Rohan and Bree").
func (s *sent) compounds() {
	parent := make([]int, len(s.ments))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		if ra, rb := find(a), find(b); ra != rb {
			parent[rb] = ra
		}
	}
	// A run of mentions joined in the text is a list only if a
	// coordinator joins two of them: "Mordor, Rohan and Bree", not "When
	// asked about Iran, Trump said".
	for i := 1; i < len(s.ments); {
		j, coord := i, false
		for ; j < len(s.ments); j++ {
			link, c := s.joined(s.ments[j-1].Last+1, s.ments[j].First)
			if !link {
				break
			}
			coord = coord || c
		}
		for k := i; k < j && coord; k++ {
			union(k-1, k)
		}
		i = j + 1
	}
	for i, m := range s.ments {
		h := s.nounOf(s.headOf(m))
		if s.toks[h].Deprel != "conj" {
			continue
		}
		if p := s.head(h); p >= 0 {
			if j := s.mentionOf(p); j >= 0 && j != i {
				union(i, j)
			}
		}
	}
	s.group = make([]int, len(s.ments))
	ids := map[int]int{}
	for i := range s.ments {
		r := find(i)
		id, ok := ids[r]
		if !ok {
			id = len(s.groups)
			ids[r] = id
			s.groups = append(s.groups, nil)
		}
		s.group[i] = id
		s.groups[id] = append(s.groups[id], i)
	}
}

// nounOf climbs from a mention that only modifies an unnamed noun
// ("various European partners") to that noun, which carries the
// coordination in the parse.
func (s *sent) nounOf(h int) int {
	switch s.rel(h) {
	case "amod", "compound", "nmod:poss":
		if p := s.head(h); p >= 0 && s.at[p] < 0 {
			return p
		}
	}
	return h
}

// mentionOf is the mention holding token t, or the one modifying the
// unnamed noun t.
func (s *sent) mentionOf(t int) int {
	if s.at[t] >= 0 {
		return s.at[t]
	}
	for _, k := range s.kids[t] {
		switch s.rel(k) {
		case "amod", "compound", "nmod:poss":
			if s.at[k] >= 0 {
				return s.at[k]
			}
		}
	}
	return -1
}

// joined reports whether tokens [from, to) hold only coordinators, commas
// and determiners, with at least one coordinator or comma (link), and
// whether a coordinator is among them.
func (s *sent) joined(from, to int) (link, coord bool) {
	for t := from; t < to; t++ {
		switch s.words[t] {
		case "AND", "OR", "NOR", "&":
			coord = true
			link = true
		case ",":
			link = true
		case "THE", "A", "AN", "BOTH", "EITHER", "NEITHER":
		default:
			return false, false
		}
	}
	return link, coord
}

// headOf is the token that stands for a mention.
func (s *sent) headOf(m actors.Mention) int {
	if m.Head >= m.First && m.Head <= m.Last {
		return m.Head
	}
	return m.Last
}

// mentionIn returns the mention that best stands for the subtree of t:
// the one holding t, else the one nearest to t in the tree among its
// modifiers, names and coordinations ("Russian strikes", "Lions, tigers and
// Gondor"), but not inside a clause or a prepositional phrase ("associates
// of Navalny", "a hospital that treated Ukrainians"; the actor dictionaries
// compose the phrases they know: "the ambassadors of Arnor"). A person we cannot code
// stands for herself: "US presidential candidate Elizabeth Warren" is no
// mention of the United States.
func (s *sent) mentionIn(t int, skip func(int) bool) int {
	if k := s.at[t]; k >= 0 {
		return k
	}
	best, bestDepth := -1, len(s.toks)+1
	for i := s.lo[t]; i <= s.hi[t]; i++ {
		// A person we cannot code is what an apposition says she is
		// ("X, the Prime Minister of Y"), not what her modifiers name.
		if s.person[t] && s.rel(s.childToward(i, t)) != "appos" {
			continue
		}
		if k := s.at[i]; k >= 0 && (skip == nil || !skip(i)) {
			if d := s.phraseDepth(i, t); d >= 0 && d < bestDepth {
				best, bestDepth = k, d
			}
		}
	}
	return best
}

// phraseDepth is the number of steps from token i up to t when the path
// goes through modifiers, names, appositions and coordinations only, else
// -1.
func (s *sent) phraseDepth(i, t int) int {
	steps := 0
	for ; i >= 0 && i != t && steps < len(s.toks); i, steps = s.head(i), steps+1 {
		switch r := s.rel(i); r {
		case "compound", "amod", "nmod:poss", "nmod:desc", "flat", "flat:name", "appos", "conj", "det", "case",
			"cc", "punct", "nummod", "fixed", "goeswith":
		default:
			return -1
		}
	}
	if i != t {
		return -1
	}
	return steps
}

func (s *sent) child(t int, deprels ...string) int {
	for _, k := range s.kids[t] {
		for _, d := range deprels {
			if s.toks[k].Deprel == d {
				return k
			}
		}
	}
	return -1
}

// prevented: verb t is what its governor stops from happening ("banned
// Mahan Air from flying", "barred him from entering").
func (s *sent) prevented(t int) bool {
	h := s.head(t)
	return h >= 0 && s.hasChildLemma(t, "mark", "FROM") && preventing[s.lemmas[h]]
}

var preventing = map[string]bool{"BAN": true, "BAR": true, "PREVENT": true, "BLOCK": true, "STOP": true,
	"PROHIBIT": true, "FORBID": true, "KEEP": true, "DETER": true, "RESTRICT": true}

func (s *sent) hasChildLemma(t int, deprel string, lemmas ...string) bool {
	for _, k := range s.kids[t] {
		if !strings.HasPrefix(s.toks[k].Deprel, deprel) {
			continue
		}
		for _, l := range lemmas {
			if s.lemmas[k] == l || s.words[k] == l {
				return true
			}
		}
	}
	return false
}

func (s *sent) rel(t int) string {
	if t < 0 {
		return ""
	}
	return s.toks[t].Deprel
}

func (s *sent) head(t int) int {
	h := s.toks[t].Head - 1
	if h < 0 || h >= len(s.toks) || h == t {
		return -1
	}
	return h
}
