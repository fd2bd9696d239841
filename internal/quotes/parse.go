package quotes

import (
	"sort"
	"strings"

	"github.com/parleyhq/parley/internal/model"
)

// viaParse: the speaker is the subject of the speech verb that governs the
// quote, or that the quote governs, in the dependency parse.
const viaParse = "parse"

// tokRef points at one token of the analysed document.
type tokRef struct{ s, t int }

// deps is the dependency view of an analysed document: the sentences'
// tokens and each token's children.
type deps struct {
	sents []model.Sentence
	kids  [][][]int
}

// newDeps returns nil when the document has no parse.
func newDeps(doc *model.Document) *deps {
	parsed := false
	for _, s := range doc.Sentences {
		for _, t := range s.Tokens {
			if t.Deprel != "" {
				parsed = true
				break
			}
		}
	}
	if !parsed {
		return nil
	}
	d := &deps{sents: doc.Sentences, kids: make([][][]int, len(doc.Sentences))}
	for si, s := range doc.Sentences {
		d.kids[si] = make([][]int, len(s.Tokens))
		for ti, t := range s.Tokens {
			if h := t.Head - 1; h >= 0 && h < len(s.Tokens) && h != ti {
				d.kids[si][h] = append(d.kids[si][h], ti)
			}
		}
	}
	return d
}

func (d *deps) tok(r tokRef) *model.Token { return &d.sents[r.s].Tokens[r.t] }

// head returns the governor of r, false for the root (or a broken head).
func (d *deps) head(r tokRef) (tokRef, bool) {
	h := d.tok(r).Head - 1
	if h < 0 || h >= len(d.sents[r.s].Tokens) || h == r.t {
		return tokRef{}, false
	}
	return tokRef{r.s, h}, true
}

// child returns the first child of r with one of the relations (a relation
// "nsubj" also matches its subtypes' base only when written so).
func (d *deps) child(r tokRef, rels ...string) (tokRef, bool) {
	for _, c := range d.kids[r.s][r.t] {
		for _, rel := range rels {
			if d.sents[r.s].Tokens[c].Deprel == rel {
				return tokRef{r.s, c}, true
			}
		}
	}
	return tokRef{}, false
}

// nearest returns the child of r with relation rel closest to r: a verb
// with two subjects in the parse ("Longtime Imus in the Morning writer and
// performer Rob Bartlett tweeted") has the right one next to it.
func (d *deps) nearest(r tokRef, rel string) (tokRef, bool) {
	best, found := tokRef{}, false
	toks := d.sents[r.s].Tokens
	for _, c := range d.kids[r.s][r.t] {
		if toks[c].Deprel != rel {
			continue
		}
		// "Steven Wolf at Saint Francis said": not the second one.
		if c > 0 && toks[c-1].UPOS == "ADP" && c-1 != r.t {
			continue
		}
		if !found || abs(c-r.t) < abs(best.t-r.t) {
			best, found = tokRef{r.s, c}, true
		}
	}
	return best, found
}

// agent finds the "by X" of a passive verb, also when the parse hangs it
// on the complement ("was announced to be a "pandemic" by the WHO").
func (d *deps) agent(v tokRef) (tokRef, bool) {
	if a, ok := d.child(v, "obl:agent"); ok {
		// Only "by X" is an agent: the parse also labels "published in
		// the Journal" so.
		if cs, ok := d.child(a, "case"); !ok || d.lower(cs) == "by" {
			return a, true
		}
	}
	// "has been described by the Daily Hive as": the parse may call the
	// agent of a passive a plain obl.
	if _, ok := d.child(v, "aux:pass"); ok {
		for _, c := range d.kids[v.s][v.t] {
			r := tokRef{v.s, c}
			if cs, ok := d.child(r, "case"); ok && d.tok(r).Deprel == "obl" && d.lower(cs) == "by" && c > v.t {
				return r, true
			}
		}
	}
	if x, ok := d.child(v, "xcomp"); ok {
		for _, c := range d.kids[x.s][x.t] {
			r := tokRef{x.s, c}
			if cs, ok := d.child(r, "case"); ok && d.lower(cs) == "by" && c > x.t {
				return r, true
			}
		}
	}
	return tokRef{}, false
}

// hasCase: r carries a preposition, so it is no subject whatever its
// relation says ("and on Twitter referred").
func (d *deps) hasCase(r tokRef) bool {
	c, ok := d.child(r, "case")
	return ok && d.tok(c).UPOS == "ADP"
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func (d *deps) lower(r tokRef) string { return strings.ToLower(d.tok(r).Text) }

// sentencesOver returns the indices of the sentences overlapping [s, e).
func (d *deps) sentencesOver(s, e int) []int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].Span.End > s })
	var out []int
	for ; i < len(d.sents) && d.sents[i].Span.Start < e; i++ {
		out = append(out, i)
	}
	return out
}

// reportLemmas are verbs whose subject is the source of a quote they govern
// or that governs them, beyond the cue lexicon: "accused Biden of "...""
// and "praised the "great" economy" quote the subject's words.
var reportLemmas = set(`say tell state add explain note observe warn stress insist write tweet post comment
	remark declare announce ask reply respond argue claim conclude acknowledge admit suggest urge
	caution recall emphasize emphasise underline allege pledge promise vow confirm indicate
	elaborate shout chant exclaim complain maintain predict demand testify inform agree thank
	reiterate quip joke call describe term label dub brand accuse criticize criticise praise deny
	blast slam lament tout hail dismiss condemn reject welcome laud commend applaud defend mock
	characterize characterise refer apologize apologise congratulate boast threaten assure
	concede reveal report read proclaim affirm contend counter retort question wonder muse recount
	remind insist speak direct order instruct advise encourage invite implore beg request appeal reason`)

// sayLemmas report what was said as a clause ("told AFP arson has been
// used "as a weapon""); "suggest", "show" and the like also take clauses
// that report no one's words ("the frequency suggested a pattern").
var sayLemmas = set(`say tell state claim argue explain insist warn add note allege assert write
	declare announce testify acknowledge admit maintain contend`)

// mainClause: relations of a verb that heads a clause of its own, not one
// inside another's report.
var mainClause = set(`root conj parataxis`)

// isReportVerb: token r is a verb that reports speech.
func (d *deps) isReportVerb(r tokRef) bool {
	t := d.tok(r)
	if t.UPOS != "VERB" {
		return false
	}
	low := strings.ToLower(t.Text)
	if needsOut[low] {
		_, ok := d.child(r, "compound:prt")
		return ok
	}
	return cues[low] != 0 || reportLemmas[strings.ToLower(t.Lemma)]
}

// parseAttribution finds the speaker of quote item qi from the parse: the
// speech verb the quote hangs on ("X said "..."", "X called it "...""), the
// one hanging on the quote (""...," X said"), or "according to X".
func (sc *scan) parseAttribution(qi int) (attribution, bool) {
	d := sc.deps
	if d == nil {
		return attribution{}, false
	}
	q := sc.items[qi]
	inside := func(r tokRef) bool {
		sp := d.tok(r).Span
		return sp.Start >= q.s && sp.End <= q.e
	}
	var according attribution
	foundAccording := false
	for _, si := range d.sentencesOver(q.s, q.e) {
		toks := d.sents[si].Tokens
		for ti := range toks {
			r := tokRef{si, ti}
			if toks[ti].UPOS == "PUNCT" {
				continue // quote marks attach anywhere
			}
			if inside(r) {
				// A quote token governed from outside: climb to the verb.
				h, ok := d.head(r)
				if !ok || inside(h) {
					continue
				}
				if a, ok := sc.fromGovernor(h, r, qi); ok || a.via == viaNone {
					return a, ok
				}
				continue
			}
			// An outside token hanging on the quote: a post-posed "X said"
			// or "according to X".
			h, ok := d.head(r)
			if !ok || !inside(h) {
				continue
			}
			if c, ok := d.child(r, "case"); ok && d.lower(c) == "according" {
				// "According to the BBC, a spokesman said; "..."": a
				// report verb on the quote names the speaker, the source
				// only when there is none.
				if m, ok := sc.tokenMention(r, r); ok && !foundAccording {
					according, foundAccording = attribution{m: m, cue: "according to", via: viaAccording}, true
				}
			}
			// "The very first sentence of my blog post was "..."": the
			// document's owner speaks.
			if toks[ti].Deprel == "nsubj" && d.hasChild(h, "cop") {
				if m, ok := sc.docOwner(r); ok {
					c, _ := d.child(h, "cop")
					return attribution{m: m, cue: d.tok(c).Text, via: viaParse}, true
				}
			}
			if d.isReportVerb(r) && hangingRels[toks[ti].Deprel] {
				if d.hypothetical(r) {
					return attribution{via: viaNone}, false
				}
				if m, ok := sc.verbSubject(r, qi, 0); ok {
					return attribution{m: m, cue: toks[ti].Text, via: viaParse}, true
				}
			}
		}
	}
	return according, foundAccording
}

// colonStatement: a quote after the colon that ends "The government
// issued a statement agreeing ...:" is the statement; whoever issued it
// speaks, however the parse hangs the quote.
func (sc *scan) colonStatement(qi int) (attribution, bool) {
	d := sc.deps
	if d == nil || qi == 0 || !sc.isPunct(qi-1, ":") {
		return attribution{}, false
	}
	colon := sc.items[qi-1]
	for _, si := range d.sentencesOver(colon.s, colon.e) {
		toks := d.sents[si].Tokens
		for ti := range toks {
			r := tokRef{si, ti}
			if toks[ti].Deprel != "root" || toks[ti].Span.Start >= colon.s || d.hypothetical(r) {
				continue
			}
			if o, ok := d.child(r, "obj"); !ok || !docNouns[d.lower(o)] || d.hasCase(o) {
				continue
			}
			if m, ok := sc.verbSubject(r, qi, 0); ok {
				return attribution{m: m, cue: toks[ti].Text, via: viaParse}, true
			}
		}
	}
	return attribution{}, false
}

// fromGovernor climbs from h, the outside governor of quote token r, to a
// report verb within a few steps through nominals ("called the move a
// "smash and grab"") and takes its subject.
func (sc *scan) fromGovernor(h, r tokRef, qi int) (attribution, bool) {
	d := sc.deps
	below := r // the node under h on the way up
	punct := false
	for steps := 0; steps < 3; steps++ {
		t := d.tok(h)
		if t.UPOS == "PUNCT" && !punct {
			// A quote hung on punctuation is a parse error ("said, "...".",
			// the quote under the final period): the punctuation's
			// governor takes it as a complement.
			next, ok := d.head(h)
			if !ok {
				return attribution{}, false
			}
			below, h, punct = h, next, true
			continue
		}
		if t.UPOS == "VERB" || t.UPOS == "AUX" {
			if !d.isReportVerb(h) || !(punct || complementRels[d.tok(below).Deprel]) {
				// "According to Sufianov, the Olympiad shows young
				// people the "social elevators"": the source of the clause.
				if a, ok := sc.accordingChild(h); ok {
					return a, true
				}
				// "citing the Chuck Jones quote that "..."": the author the
				// document's name gives.
				if o, ok := d.child(h, "obj"); ok && docNouns[d.lower(o)] && complementRels[d.tok(below).Deprel] {
					if m, ok := sc.namedAuthor(o); ok {
						return attribution{m: m, cue: t.Text, via: viaParse}, true
					}
				}
				// "Liton told AFP arson has been used "as a weapon"": a
				// partial quote in the clause a speech verb reports.
				// Not when the speech is itself reported ("Trump alleged the
				// media was claiming he had suffered "mini-strokes"").
				if g, ok := d.head(h); ok && t.Deprel == "ccomp" && sayLemmas[strings.ToLower(d.tok(g).Lemma)] && !d.hypothetical(g) && mainClause[d.tok(g).Deprel] {
					if m, ok := sc.verbSubject(g, qi, 0); ok {
						return attribution{m: m, cue: d.tok(g).Text, via: viaParse}, true
					}
				}
				return attribution{}, false
			}
			if _, agent := d.child(h, "obl:agent"); t.Deprel == "acl" && namingCues[strings.ToLower(t.Text)] && !agent {
				return attribution{}, false // "a program called "X"" names
			}
			if d.hypothetical(h) {
				return attribution{via: viaNone}, false
			}
			if sc.modifiesSubject(h, qi) {
				return attribution{}, false
			}
			// "Zawahiri argued that the secular press was telling "lies"":
			// a word quoted inside reported speech is the reporter's.
			// Not "X told MSNBC ... while Trump noted his "strength"", a
			// clause of its own the parse hung on the verb.
			mk, marked := d.child(h, "mark")
			if g, ok := d.head(h); ok && t.Deprel == "ccomp" && (!marked || d.lower(mk) == "that") && d.tok(below).Deprel == "obj" && sayLemmas[strings.ToLower(d.tok(g).Lemma)] && mainClause[d.tok(g).Deprel] && !d.hypothetical(g) {
				if inner := quoteInner(sc.items[qi].text); !startsUpper(inner) && !firstPerson(inner) {
					if m, ok := sc.verbSubject(g, qi, 0); ok {
						return attribution{m: m, cue: d.tok(g).Text, via: viaParse}, true
					}
				}
			}
			m, ok := sc.verbSubject(h, qi, 0)
			if !ok {
				return attribution{}, false
			}
			return attribution{m: m, cue: t.Text, via: viaParse}, true
		}
		// "according to X, "..."" with the quote under X.
		if c, ok := d.child(h, "case"); ok && d.lower(c) == "according" {
			if m, ok := sc.tokenMention(h, h); ok {
				return attribution{m: m, cue: "according to", via: viaAccording}, true
			}
		}
		// "His last words to his brother were: "..."": the document's
		// owner speaks.
		if docNouns[d.lower(h)] && (d.tok(below).Deprel == "appos" || d.tok(below).Deprel == "parataxis") {
			if o, ok := d.child(h, "nmod:poss"); ok {
				if m, ok := sc.tokenMention(o, o); ok && m.kind != mNominal {
					return attribution{m: m, cue: t.Text, via: viaParse}, true
				}
			}
		}
		// "announced an order by Admiral Elson Hermogino directing units
		// to "..."": the document's author, named by "by" or "from".
		if docNouns[d.lower(h)] {
			for _, c := range d.kids[h.s][h.t] {
				ct := tokRef{h.s, c}
				if cs, ok := d.child(ct, "case"); ok && d.tok(ct).Deprel == "nmod" && (d.lower(cs) == "by" || d.lower(cs) == "from") {
					if m, ok := sc.tokenMention(ct, ct); ok && m.kind == mName {
						return attribution{m: m, cue: t.Text, via: viaParse}, true
					}
				}
			}
		}
		switch t.UPOS {
		case "NOUN", "PROPN", "PRON", "ADJ", "NUM", "X":
		default:
			return attribution{}, false // only through nominals
		}
		next, ok := d.head(h)
		if !ok {
			break
		}
		below, h = h, next
	}
	return attribution{}, false
}

// modifiesSubject: quote item qi stands right before the subject of verb v
// ("He said the "phony" and "nasty" Harris attacked Biden"): a word
// describing the subject, not what the subject said.
func (sc *scan) modifiesSubject(v tokRef, qi int) bool {
	s, ok := sc.deps.nearest(v, "nsubj")
	if !ok || s.t > v.t {
		return false
	}
	n, ok := sc.word(qi + 1)
	return ok && n.s == sc.deps.tok(s).Span.Start
}

// habitualLemmas are the verbs whose "would" tells repeated speech ("he
// would say"), where "Norton would later add "..." to this title" looks
// ahead.
var habitualLemmas = set(`say tell ask reply respond shout yell scream`)

// habitual: "would" + verb v tells what a third party used to say: a verb
// of saying whose subject is a name or a noun phrase, not "I", "we" or
// "you", and no if-clause hangs on it.
func (d *deps) habitual(v tokRef) bool {
	s, ok := d.child(v, "nsubj")
	if !ok || !habitualLemmas[strings.ToLower(d.tok(v).Lemma)] {
		return false
	}
	switch d.lower(s) {
	case "i", "we", "you", "one", "it", "that", "this", "nobody", "anyone", "everyone", "people":
		return false
	}
	for _, c := range d.kids[v.s][v.t] {
		if t := d.sents[v.s].Tokens[c]; t.Deprel == "advcl" {
			if m, ok := d.child(tokRef{v.s, c}, "mark"); ok && (d.lower(m) == "if" || d.lower(m) == "unless") {
				return false
			}
		}
	}
	return true
}

// hypothetical: speech that did not happen, "I would say to them "..."",
// "if a conspiracy of publishers says "..."": a conditional modal on the
// verb, or the verb in an if-clause.
func (d *deps) hypothetical(v tokRef) bool {
	for _, c := range d.kids[v.s][v.t] {
		t := d.sents[v.s].Tokens[c]
		switch {
		case t.Deprel == "aux" && hypotheticalModals[strings.ToLower(t.Text)]:
			// "the family would say, "..."": what someone used to say;
			// "I would say" hedges.
			if strings.EqualFold(t.Text, "would") && d.habitual(v) {
				continue
			}
			return true
		case t.Deprel == "mark" && (strings.EqualFold(t.Text, "if") || strings.EqualFold(t.Text, "unless")):
			return true
		case t.Deprel == "aux" && strings.EqualFold(t.Text, "had") && c < v.t:
			// "Had I said "...", nobody would have": an inverted if-clause.
			if s, ok := d.child(v, "nsubj"); ok && c < s.t {
				return true
			}
		}
	}
	// "if you have a copy and your friend says "..."": the if-clause's
	// conjunct, parsed as a conjunct of the if-clause or as the main verb
	// with the if-clause and "and" before it.
	if cc, ok := d.child(v, "cc"); ok && cc.t < v.t {
		for _, c := range d.kids[v.s][v.t] {
			a := tokRef{v.s, c}
			if c < cc.t && d.tok(a).Deprel == "advcl" {
				if m, ok := d.child(a, "mark"); ok && (d.lower(m) == "if" || d.lower(m) == "unless") {
					return true
				}
			}
		}
	}
	if d.tok(v).Deprel == "conj" {
		if h, ok := d.head(v); ok {
			if m, ok := d.child(h, "mark"); ok && (d.lower(m) == "if" || d.lower(m) == "unless") {
				return true
			}
		}
	}
	return false
}

// hypotheticalModals: speech that did not (yet) happen.
var hypotheticalModals = set(`would could might 'd will 'll may shall should can must`)

// docVerbs: the verb whose subject issued a document ("announced" for "the
// announcement").
var docVerbs = map[string]string{"announcement": "announce", "statement": "state", "warning": "warn",
	"ruling": "rule", "response": "respond", "reply": "reply", "decree": "decree", "tweet": "tweet", "post": "post"}

// hangingRels relate a report verb to the quote it follows or interrupts
// (""...," he said" is parataxis in the parse).
var hangingRels = set(`parataxis dep advcl list discourse`)

// complementRels relate a report verb to what it reports: "said "..."",
// "called it "..."", "described as "..."", ""...," he said" (parataxis).
var complementRels = set(`ccomp parataxis obj xcomp obl iobj advcl dep discourse list appos nsubj:outer`)

// accordingChild finds "according to X" among the dependents of verb v.
func (sc *scan) accordingChild(v tokRef) (attribution, bool) {
	d := sc.deps
	for _, c := range d.kids[v.s][v.t] {
		r := tokRef{v.s, c}
		if cs, ok := d.child(r, "case"); ok && d.lower(cs) == "according" {
			if m, ok := sc.tokenMention(r, r); ok {
				return attribution{m: m, cue: "according to", via: viaAccording}, true
			}
		}
	}
	return attribution{}, false
}

// verbSubject returns who speaks with verb v: its subject, the agent of a
// passive ("was described as "..." by X"), or for a verb without subject
// ("adding", "to say", "and said") the subject of the verb it hangs on.
func (sc *scan) verbSubject(v tokRef, qi, depth int) (mention, bool) {
	// qi < 0: no quote (indirect speech).
	d := sc.deps
	if depth > 3 {
		return mention{}, false
	}
	if s, ok := d.nearest(v, "nsubj"); ok && !d.hasCase(s) {
		// "Smith, who said": the relative pronoun's antecedent.
		if w := d.lower(s); (w == "who" || w == "which" || w == "that") && d.tok(v).Deprel == "acl:relcl" {
			h, ok := d.head(v)
			if !ok {
				return mention{}, false
			}
			m, ok := sc.tokenMention(h, v)
			// "the home of Prime Minister Tuilaepa, who told": who is
			// the person the phrase names.
			if w == "who" && (!ok || m.kind == mNominal && !personHead(m.desc)) {
				if n, okn := d.child(h, "nmod"); okn && d.tok(n).UPOS == "PROPN" {
					if p, okp := sc.tokenMention(n, v); okp && p.kind == mName && !p.org {
						return p, true
					}
				}
			}
			return m, ok
		}
		return sc.subjectMention(s, v)
	}
	if _, ok := d.child(v, "nsubj:pass"); ok {
		if a, ok := d.agent(v); ok {
			return sc.tokenMention(a, v)
		}
		return mention{}, false // "was said to be": no one is named
	}
	// A finite verb the parser left without a subject, right after a name
	// that follows a comma ("While in New York to attend the General
	// Assembly, President Zelensky told reporters", with "told" hung on
	// "attend"): that name, as the scanner reads it.
	if t := d.tok(v); t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP" {
		if vi, _ := sc.itemRange(t.Span.Start, t.Span.End); vi >= 0 {
			ss := sc.sents[sc.sentOf(vi)][0]
			if m, ok := sc.subjectBefore(vi, ss); ok && m.kind == mName && m.from > ss && sc.isPunct(m.from-1, ",") {
				return m, true
			}
		}
	}
	// A participle without subject ("with Ross Spano of Florida calling
	// the process "..."", "the media falsely describing him as a "..."",
	// "..., adding "...""): the scanner's participle rules, which read the
	// phrase before it or the main clause, however the parse attached it.
	if t := d.tok(v); t.XPOS == "VBG" {
		if vi, _ := sc.itemRange(t.Span.Start, t.Span.End); vi >= 0 {
			si := sc.sentOf(vi)
			if qi >= 0 && si == sc.sentOf(qi) {
				if a, ok, _ := sc.preCue(vi, qi, sc.sents[si][0], sc.sents[si][1]); ok {
					return a.m, true
				}
			}
		}
	}
	h, ok := d.head(v)
	if !ok {
		return mention{}, false
	}
	switch rel := d.tok(v).Deprel; rel {
	case "xcomp":
		// "led Biden to express": the object controls the verb.
		if o, ok := d.child(h, "obj"); ok && o.t < v.t {
			return sc.tokenMention(o, v)
		}
		fallthrough
	case "advcl", "conj":
		if d.tok(h).UPOS == "VERB" || d.tok(h).UPOS == "AUX" {
			return sc.verbSubject(h, qi, depth+1)
		}
	case "acl":
		// "a spokesperson saying", "signed a letter saying"; but "held a
		// press conference claiming": the one who held it.
		if m, ok := sc.tokenMention(h, v); ok && (m.kind == mName || m.kind == mNominal && (m.doc || docNouns[lastHead(m.desc)] || personHead(m.desc))) {
			return m, true
		}
		if g, ok := d.head(h); ok && d.tok(g).UPOS == "VERB" {
			return sc.verbSubject(g, qi, depth+1)
		}
	}
	return mention{}, false
}

// personHead: the head noun of description desc names people ("the
// spokesman", "local officials"), not a thing ("a press conference").
func personHead(desc string) bool {
	h := lastHead(desc)
	return roleNouns[h] || titleWords[h] || peopleNouns[h] || groupNouns[h] || nounGender[h] != ""
}

// partNouns take a part of a document ("Part of the statement reads").
var partNouns = set(`part parts portion portions excerpt excerpts extract section passage sentence line lines paragraph`)

// docOwner reads the owner of document token r ("my blog post", "the
// first sentence of his letter"), a name or pronoun.
func (sc *scan) docOwner(r tokRef) (mention, bool) {
	d := sc.deps
	if partNouns[d.lower(r)] {
		if n, ok := d.child(r, "nmod"); ok && docNouns[d.lower(n)] {
			r = n
		}
	}
	if !docNouns[d.lower(r)] {
		return mention{}, false
	}
	o, ok := d.child(r, "nmod:poss")
	if !ok {
		return mention{}, false
	}
	if w := d.lower(o); w == "my" || w == "our" {
		t := d.tok(o)
		if i, _ := sc.itemRange(t.Span.Start, t.Span.End); i >= 0 {
			return mention{from: i, to: i + 1, kind: mPronoun}, true
		}
		return mention{}, false
	}
	m, ok := sc.tokenMention(o, o)
	// "their response": a group the other rules read better.
	return m, ok && m.kind != mNominal && !(m.kind == mPronoun && m.gender == "")
}

// clauseRels are dependents that end a speaker's phrase: clauses and
// coordination ("Ferrand in relaying the news to parliament said").
var clauseRels = set(`acl acl:relcl advcl parataxis ccomp xcomp conj cc punct dep list`)

// subjectMention reads the subject r of verb v. Before the verb, the
// scanner's leftward reading from the verb wins when it stays inside the
// subject's phrase in the parse ("Member of Parliament (MP) Yvette Cooper
// of the Labour Party added"); otherwise the parse decides ("Ferrand in
// relaying the news to parliament said").
func (sc *scan) subjectMention(r, v tokRef) (mention, bool) {
	d := sc.deps
	toks := d.sents[r.s].Tokens
	if v.s != r.s || r.t > v.t || partNouns[d.lower(r)] {
		return sc.tokenMention(r, v)
	}
	lo, hi := d.phrase(r, subjectStops)
	// Two subjects in the parse ("Jennifer Lu of Marriage Equality
	// Coalition Taiwan said"): one phrase split in two.
	for _, c := range d.kids[v.s][v.t] {
		if c < lo && toks[c].Deprel == toks[r.t].Deprel {
			first, _ := d.phrase(tokRef{r.s, c}, subjectStops)
			// "Cardinal Marc Ouellet of the Holy See said": a person's
			// name before "of" heads the phrase.
			if toks[c].UPOS == "PROPN" && (lo > 0 && strings.EqualFold(toks[lo-1].Text, "of") || lo > 1 && strings.EqualFold(toks[lo-2].Text, "of")) {
				r = tokRef{r.s, c}
			}
			lo = first
		}
	}
	vi, _ := sc.itemRange(toks[v.t].Span.Start, toks[v.t].Span.End)
	if vi >= 0 {
		ss := sc.sents[sc.sentOf(vi)][0]
		if m, ok := sc.subjectBefore(vi, ss); ok && sc.items[m.from].s >= toks[lo].Span.Start && sc.items[m.to-1].e <= toks[hi].Span.End && sc.holdsHead(m, r) {
			if f, _ := sc.itemRange(toks[lo].Span.Start, toks[lo].Span.End); f >= 0 {
				if h, _ := sc.itemRange(toks[r.t].Span.Start, toks[r.t].Span.End); h >= 0 {
					m = sc.withModifiers(m, f, h)
				}
			}
			m.around = sc.items2(toks[lo].Span.Start, toks[hi].Span.End)
			return m, true
		}
	}
	// "The secretary general of CEI (Italian Episcopal Conference), Nunzio
	// Galantino, has called": a common-noun subject with a person's name
	// in apposition; the name speaks.
	if toks[r.t].UPOS == "NOUN" {
		for _, c := range d.kids[r.s][r.t] {
			a := tokRef{r.s, c}
			if c > r.t && toks[c].Deprel == "appos" && toks[c].UPOS == "PROPN" && c > 0 && toks[c-1].Text == "," {
				if n, ok := sc.tokenMention(a, v); ok && n.kind == mName && !n.org {
					return n, true
				}
			}
		}
	}
	// The parser may hang that name anywhere under the subject ("The
	// secretary general of FIOM (...), Roberto Verdi, has called"): a
	// name between commas that ends the subject right before the verb.
	if toks[r.t].UPOS == "NOUN" {
		e := v.t - 1
		for e > r.t && toks[e].Head == v.t+1 && (toks[e].Deprel == "aux" || toks[e].Deprel == "advmod") {
			e--
		}
		b := e - 1
		for b > r.t && toks[b].UPOS == "PROPN" {
			b--
		}
		if toks[e].Text == "," && b < e-1 && toks[b].Text == "," {
			if n, ok := sc.tokenMention(tokRef{r.s, b + 1}, v); ok && n.kind == mName && !n.org {
				return n, true
			}
		}
	}
	m, ok := sc.tokenMention(r, v)
	// "Lead author Daniel Paluh, a Ph.D. candidate at the University of
	// Florida, said" with the description as the subject: the name it
	// describes speaks, as in the scanner.
	closed := toks[hi].Text == "," || hi+1 < v.t && toks[hi+1].Text == ","
	if ok && m.kind == mNominal && lo > 0 && toks[lo-1].Text == "," && closed && vi >= 0 {
		if from, _ := sc.itemRange(toks[lo].Span.Start, toks[lo].Span.End); from >= 0 {
			if n, ok := sc.nameBeforeCommas(from, sc.sents[sc.sentOf(vi)][0]); ok {
				n.title, n.to, n.around = m.desc, m.to, m.around
				return n, true
			}
		}
	}
	return m, ok
}

// holdsHead: mention m covers the subject token r or a name under it
// ("Member of Parliament (MP) Yvette Cooper ... added", "A university
// student named Wong said"), not one inside a prepositional phrase ("Steven
// Wolf at Saint Francis said").
func (sc *scan) holdsHead(m mention, r tokRef) bool {
	d := sc.deps
	toks := d.sents[r.s].Tokens
	in := func(t int) bool {
		sp := toks[t].Span
		return sp.Start >= sc.items[m.from].s && sp.End <= sc.items[m.to-1].e
	}
	var found func(t int) bool
	found = func(t int) bool {
		if t == r.t && in(t) || t != r.t && in(t) && toks[t].UPOS == "PROPN" {
			return true
		}
		for _, c := range d.kids[r.s][t] {
			// not through prepositions, relative clauses, or a conjunct,
			// which names someone or somewhere else
			if !d.hasCase(tokRef{r.s, c}) && toks[c].Deprel != "acl:relcl" && toks[c].Deprel != "conj" && !sc.nameAppos(r, c) && found(c) {
				return true
			}
		}
		return false
	}
	return found(r.t)
}

// nameAppos: c is an appositive set off by a comma after the name r
// ("Erwin Chemerinsky, Dean of UC Berkeley School of Law called"); the
// names in it describe r and do not speak.
func (sc *scan) nameAppos(r tokRef, c int) bool {
	toks := sc.deps.sents[r.s].Tokens
	if toks[r.t].UPOS != "PROPN" || toks[c].Deprel != "appos" {
		return false
	}
	lo, _ := sc.deps.phrase(tokRef{r.s, c}, nil)
	return lo > r.t && (toks[lo].Text == "," || toks[lo-1].Text == ",")
}

// subjectStops end a subject's phrase: relative and adverbial clauses.
var subjectStops = set(`acl:relcl advcl`)

// phrase returns the first and last token of r's subtree, not descending
// into the relations in stop.
func (d *deps) phrase(r tokRef, stop map[string]bool) (lo, hi int) {
	toks := d.sents[r.s].Tokens
	lo, hi = r.t, r.t
	var walk func(t int)
	walk = func(t int) {
		lo, hi = min(lo, t), max(hi, t)
		for _, c := range d.kids[r.s][t] {
			if !stop[toks[c].Deprel] {
				walk(c)
			}
		}
	}
	walk(r.t)
	return lo, hi
}

// items2 is itemRange as an array, [0 0] when the range has no plain words.
func (sc *scan) items2(s, e int) [2]int {
	from, to := sc.itemRange(s, e)
	if from < 0 {
		return [2]int{}
	}
	return [2]int{from, to}
}

// tokenMention reads the speaker phrase headed by token r with the
// scanner's phrase reader (names, titles, appositives), from the first word
// of r's subtree without its clauses ("Ferrand in relaying the news to
// parliament said") up to the verb v, or to the end of the sentence when
// the phrase follows the verb. The parse often splits a title from the
// name that follows it ("US Secretary of State | Mike Pompeo"); the reader
// keeps them together.
func (sc *scan) tokenMention(r, v tokRef) (mention, bool) {
	d := sc.deps
	toks := d.sents[r.s].Tokens
	// "Part of the judge's statement reads": the document.
	if partNouns[d.lower(r)] {
		if n, ok := d.child(r, "nmod"); ok && docNouns[d.lower(n)] {
			r = n
		}
	}
	// "according to its press release", "Trump's tweet read": the owner
	// of the document speaks.
	if docNouns[d.lower(r)] {
		if o, ok := d.child(r, "nmod:poss"); ok {
			return sc.tokenMention(o, v)
		}
	}
	g, ok := possessives[d.lower(r)]
	if !ok {
		g, ok = objectPronouns[d.lower(r)]
	}
	if ok {
		if i, _ := sc.itemRange(toks[r.t].Span.Start, toks[r.t].Span.End); i >= 0 {
			if g == "-" {
				g = ""
			}
			return mention{from: i, to: i + 1, kind: mPronoun, gender: g}, true
		}
	}
	lo, hi := d.phrase(r, clauseRels)
	// "signed by the Pope read" with "the" hung on the verb: an article
	// right before the phrase is its own.
	if lo > 0 && strings.EqualFold(toks[lo-1].Text, "the") {
		lo--
	}
	stop := d.sents[r.s].Span.End
	if v.s == r.s && v.t > r.t {
		stop = toks[v.t].Span.Start
	}
	from, _ := sc.itemRange(toks[lo].Span.Start, toks[lo].Span.End)
	head, _ := sc.itemRange(toks[r.t].Span.Start, toks[r.t].Span.End)
	// The case words the parse puts in the phrase ("of Prime Minister
	// Tuilaepa", "according to state television") are not the speaker's.
	for from >= 0 && from < head && (prepositions[sc.items[from].low] || sc.items[from].low == "according") {
		from++
	}
	limit := sort.Search(len(sc.items), func(i int) bool { return sc.items[i].s >= stop })
	if from < 0 || head < 0 {
		return mention{}, false
	}
	for k := from; k < limit; k++ {
		if sc.items[k].kind == itQuote || sc.items[k].kind == itPara {
			limit = k
		}
	}
	m, _, ok := sc.mentionRight(from, limit)
	if (!ok || m.from > head || head >= m.to) && !(ok && m.kind == mName && sc.prepBetween(m.from, head)) {
		// The phrase reader stopped before the head ("His wife Mary"):
		// read from the head, unless a preposition parts them ("Ryan
		// Cloutier of the Harvard–Smithsonian Center" with the parse's
		// head on "Center": the name is the speaker).
		m, _, ok = sc.mentionRight(head, limit)
		// "His legal team argued", "according to state television": an
		// unnamed source keeps the words before its head.
		if ok {
			m = sc.withModifiers(m, from, head)
		}
	}
	if !ok {
		// A lone name the reader takes for a place ("According to
		// Sufianov"): the parse makes it a source.
		if toks[r.t].UPOS != "PROPN" || !sc.items[head].cap {
			return mention{}, false
		}
		m = mention{from: head, to: head + 1, kind: mName, name: sc.items[head].text}
	}
	m.around = sc.items2(toks[lo].Span.Start, toks[hi].Span.End)
	return m, true
}

// withModifiers extends an unnamed source read from its head item to the
// words the parse puts before it, from item from ("His legal team argued",
// "according to state television": from is after the case words).
func (sc *scan) withModifiers(m mention, from, head int) mention {
	if m.kind == mNominal && m.from == head && from < head && sc.plainWords(from, head) {
		m.from, m.desc, m.definite = from, sc.textOf(from, m.to), sc.items[from].low == "the"
		m.dfrom, m.dto = 0, 0
	}
	return m
}

// plainWords: items [from, to) are words, none capitalised but the first.
func (sc *scan) plainWords(from, to int) bool {
	for k := from; k < to; k++ {
		if sc.items[k].kind != itWord || k > from && sc.items[k].cap {
			return false
		}
	}
	return true
}

// prepBetween: a preposition among items [from, to).
func (sc *scan) prepBetween(from, to int) bool {
	for k := from; k < to && k < len(sc.items); k++ {
		if sc.items[k].upos == "ADP" {
			return true
		}
	}
	return false
}

// itemRange maps the byte range [s, e) to the scanner's word items covering
// it, [from, to); from is -1 when they are not plain words.
func (sc *scan) itemRange(s, e int) (int, int) {
	from := sort.Search(len(sc.items), func(i int) bool { return sc.items[i].e > s })
	to := sort.Search(len(sc.items), func(i int) bool { return sc.items[i].s >= e })
	if from >= to {
		return -1, -1
	}
	for k := from; k < to; k++ {
		if sc.items[k].kind == itQuote || sc.items[k].kind == itPara {
			return -1, -1
		}
	}
	return from, to
}

// docAuthor finds who issued the document that mention m names ("the
// warning" after "the orange warning issued by Met Éireann", "the statement"
// after "the ministry released a statement"): the nearest earlier mention of
// the same document noun, in this sentence or the five before, whose parse
// names an author.
func (sc *scan) docAuthor(m mention) (mention, bool) {
	d := sc.deps
	if d == nil {
		return mention{}, false
	}
	last := sc.items[m.to-1]
	noun := last.low
	// The window of six sentences runs from the latest mention of the
	// document: "the letter" chains back to the sentence that says whose.
	near := last.s
	for si := len(d.sents) - 1; si >= 0; si-- {
		s := d.sents[si]
		if s.Span.Start > last.s {
			continue
		}
		if s.Span.End < near && len(d.sents) > si+6 && d.sents[si+6].Span.End < near {
			break
		}
		for ti := len(s.Tokens) - 1; ti >= 0; ti-- {
			t := s.Tokens[ti]
			if t.Span.Start > last.s {
				continue
			}
			if strings.ToLower(t.Text) == noun || strings.ToLower(t.Lemma) == noun {
				if a, ok := sc.authorOf(tokRef{si, ti}); ok {
					return a, true
				}
				near = t.Span.Start
			}
			// "GitHub also announced ..." before "the announcement".
			if v := docVerbs[noun]; v != "" && t.UPOS == "VERB" && strings.ToLower(t.Lemma) == v {
				if s, ok := d.nearest(tokRef{si, ti}, "nsubj"); ok && !d.hasCase(s) {
					if m, ok := sc.tokenMention(s, tokRef{si, ti}); ok && (m.kind == mName || m.kind == mPronoun) {
						return m, true
					}
				}
			}
		}
	}
	return mention{}, false
}

// namedAuthor reads a name compounded with document token r: "the Chuck
// Jones quote", "a Pentagon statement" (not "a June 1999 memo").
func (sc *scan) namedAuthor(r tokRef) (mention, bool) {
	d := sc.deps
	for _, c := range d.kids[r.s][r.t] {
		ct := tokRef{r.s, c}
		if c < r.t && d.tok(ct).Deprel == "compound" && d.tok(ct).UPOS == "PROPN" && !notNames[d.tok(ct).Text] {
			if m, ok := sc.tokenMention(ct, ct); ok && m.kind == mName {
				return m, true
			}
		}
	}
	return mention{}, false
}

// authorOf reads the author of document token r from the parse: its
// possessor ("the ministry's statement"), the agent of a participle ("a
// warning issued by X"), "from X" / "by X", or the subject of the verb it
// is the object of ("X released a statement").
func (sc *scan) authorOf(r tokRef) (mention, bool) {
	d := sc.deps
	named := func(m mention, ok bool) (mention, bool) {
		return m, ok && (m.kind == mName || m.kind == mPronoun || m.kind == mNominal && !m.doc && sc.phrase(m.from, m.to).person)
	}
	if o, ok := d.child(r, "nmod:poss"); ok {
		if m, ok := named(sc.tokenMention(o, o)); ok {
			return m, true
		}
	}
	for _, c := range d.kids[r.s][r.t] {
		ct := tokRef{r.s, c}
		switch d.tok(ct).Deprel {
		case "acl":
			if a, ok := d.agent(ct); ok {
				if m, ok := named(sc.tokenMention(a, a)); ok {
					return m, true
				}
			}
		case "nmod":
			if cs, ok := d.child(ct, "case"); ok && (d.lower(cs) == "by" || d.lower(cs) == "from") {
				if m, ok := named(sc.tokenMention(ct, ct)); ok {
					return m, true
				}
			}
		}
	}
	// "In the letter to GitHub, Stoltz said": the letter is the speaker's.
	if d.tok(r).Deprel == "obl" {
		if h, ok := d.head(r); ok && d.isReportVerb(h) {
			if s, ok := d.nearest(h, "nsubj"); ok && !d.hasCase(s) {
				return named(sc.tokenMention(s, h))
			}
			// The parse often hangs the subject on the letter: the scanner's.
			t := d.tok(h)
			if vi, _ := sc.itemRange(t.Span.Start, t.Span.End); vi >= 0 {
				return named(sc.subjectBefore(vi, sc.sents[sc.sentOf(vi)][0]))
			}
		}
	}
	if d.tok(r).Deprel == "obj" {
		if h, ok := d.head(r); ok && d.tok(h).UPOS == "VERB" {
			if s, ok := d.nearest(h, "nsubj"); ok && !d.hasCase(s) {
				return named(sc.tokenMention(s, h))
			}
		}
	}
	return mention{}, false
}

// indirectLemmas report speech in a clause ("X said the talks failed",
// "X warned that ..."); other report verbs ("called", "praised") do not.
var indirectLemmas = set(`say tell state claim insist argue add explain note warn announce confirm deny
	acknowledge admit allege maintain report write tweet post suggest indicate stress emphasize
	emphasise concede reveal inform assure remind reply respond testify predict`)

// parseIndirect finds reported speech in the sentences without direct
// quotes: a report verb's clausal complement ("X said (that) CLAUSE", "X
// told reporters CLAUSE") and "according to X" over a clause. Complements
// inside one already taken are left to it.
func (sc *scan) parseIndirect(doc *model.Document, ix *docIndex) []model.Quote {
	d := sc.deps
	var out []model.Quote
	segs := sc.segs
	for si, s := range d.sents {
		// skip sentences holding a direct quote
		k := sort.Search(len(segs), func(i int) bool { return segs[i].end > s.Span.Start })
		if k < len(segs) && segs[k].start < s.Span.End {
			continue
		}
		taken := -1 // last token of the content taken so far
		for ti, t := range s.Tokens {
			if ti <= taken {
				continue
			}
			v := tokRef{si, ti}
			lo, hi, m, cue, ok := sc.reportedClause(v, t)
			if !ok {
				continue
			}
			sp := ix.speaker(m)
			if sp.Name == "" && !sp.Unnamed {
				continue
			}
			span := model.Span{Start: s.Tokens[lo].Span.Start, End: s.Tokens[hi].Span.End}
			out = append(out, model.Quote{
				Speaker:  sp,
				Text:     doc.Text[span.Start:span.End],
				Kind:     model.Indirect,
				Cue:      cue,
				Span:     span,
				Sentence: si,
			})
			taken = max(hi, ti)
		}
	}
	return out
}

// reportedClause reads the reported clause of token v: its complement when
// v is a report verb, the clause it qualifies when v is "according to X".
// It returns the first and last token of the content, the speaker and cue.
func (sc *scan) reportedClause(v tokRef, t model.Token) (lo, hi int, m mention, cue string, ok bool) {
	d := sc.deps
	toks := d.sents[v.s].Tokens
	if c, okc := d.child(v, "case"); okc && d.lower(c) == "according" {
		h, okh := d.head(v)
		if !okh || toks[h.t].UPOS != "VERB" && toks[h.t].UPOS != "AUX" && toks[h.t].UPOS != "ADJ" && toks[h.t].UPOS != "NOUN" {
			return
		}
		if m, ok = sc.accordingMention(c, v); !ok || m.kind == mNominal && !sc.phrase(m.from, m.to).person {
			return 0, 0, mention{}, "", false
		}
		// The clause is the rest of the sentence: the parse often hangs
		// "according to X" on a word inside it.
		alo, ahi := d.phrase(v, nil)
		first, last := trimPunct(toks, 0, len(toks)-1)
		switch {
		case alo <= first: // According to X, CLAUSE.
			lo, hi = ahi+1, last
		case ahi >= last: // CLAUSE, according to X.
			lo, hi = first, alo-1
		default:
			return 0, 0, mention{}, "", false
		}
		lo, hi = trimPunct(toks, lo, hi)
		return lo, hi, m, "according to", hi-lo >= 2
	}
	if t.UPOS != "VERB" || !indirectLemmas[strings.ToLower(t.Lemma)] {
		return
	}
	c, okc := d.child(v, "ccomp")
	if !okc || c.t < v.t || toks[c.t].UPOS != "VERB" && toks[c.t].UPOS != "AUX" && !d.hasChild(c, "cop") {
		return
	}
	if m, ok = sc.verbSubject(v, -1, 0); !ok {
		return
	}
	lo, hi = d.phrase(c, nil)
	// The content starts after the verb and its own words before the
	// clause ("told reporters on Monday"), whatever the parse hung on the
	// clause's subject ("said fixing the plant, which ..., may take a
	// year").
	after := v.t + 1
	for _, k := range d.kids[v.s][v.t] {
		if k <= v.t || k >= c.t {
			continue
		}
		switch rel := toks[k].Deprel; {
		case rel == "obj" && !listenerCues[strings.ToLower(t.Text)]:
			continue // "said fixing the plant ... may take a year": content
		case rel == "obj", rel == "iobj", rel == "advmod", strings.HasPrefix(rel, "obl"), rel == "punct":
			if _, khi := d.phrase(tokRef{v.s, k}, nil); khi < c.t {
				after = max(after, khi+1)
			}
		}
	}
	lo = min(lo, after)
	if lo < len(toks) && toks[lo].Deprel == "mark" && d.lower(tokRef{v.s, lo}) == "that" {
		lo++
	}
	lo, hi = trimPunct(toks, lo, hi)
	return lo, hi, m, strings.ToLower(t.Text), hi-lo >= 2
}

// accordingMention reads X in "according to X" (c is "according", x the
// head of X) with the scanner's reader from the word after "to", as the
// rules do; the parse's phrase when that fails.
func (sc *scan) accordingMention(c, x tokRef) (mention, bool) {
	d := sc.deps
	toks := d.sents[x.s].Tokens
	if f, ok := d.child(c, "fixed"); ok && f.t+1 < len(toks) {
		from, _ := sc.itemRange(toks[f.t+1].Span.Start, toks[f.t+1].Span.End)
		_, to := sc.itemRange(toks[x.t].Span.Start, d.sents[x.s].Span.End)
		if from >= 0 && to > from {
			if m, _, ok := sc.mentionRight(from, to); ok {
				return m, true
			}
		}
	}
	return sc.tokenMention(x, x)
}

// hasChild: r has a dependent with relation rel.
func (d *deps) hasChild(r tokRef, rel string) bool {
	_, ok := d.child(r, rel)
	return ok
}

// trimPunct drops punctuation at both ends of the token range [lo, hi],
// and a conjunction opening it ("but the man was found").
func trimPunct(toks []model.Token, lo, hi int) (int, int) {
	for lo < hi && (toks[lo].UPOS == "PUNCT" || toks[lo].UPOS == "CCONJ") {
		lo++
	}
	for hi > lo && toks[hi].UPOS == "PUNCT" {
		hi--
	}
	return lo, hi
}
