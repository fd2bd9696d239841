// Package events codes "who did what to whom, when" from analysed
// sentences: verb patterns from a verb dictionary (package verbs) over the
// dependency parse, actors from actor mentions (package actors), CAMEO and
// PLOVER facts from package cameo, with modality and event dates.
package events

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/actors"
	"github.com/parleyhq/parley/internal/cameo"
	"github.com/parleyhq/parley/internal/events/verbs"
	"github.com/parleyhq/parley/internal/model"
)

// Coder turns analysed documents into events. It is immutable after New
// and safe for concurrent use.
type Coder struct {
	dict        *verbs.Dictionary
	discards    *verbs.Discards
	requireDyad bool
	control     bool
	keepNull    bool
}

// Option configures a Coder.
type Option func(*Coder)

// WithDiscards skips sentences (and documents) holding a discard phrase.
func WithDiscards(d *verbs.Discards) Option { return func(c *Coder) { c.discards = d } }

// RequireDyad drops events without a target (PETRARCH's require_dyad).
// The default keeps them: PLOVER makes the target optional.
func RequireDyad(on bool) Option { return func(c *Coder) { c.requireDyad = on } }

// Control turns on control-verb handling: in "agreed to meet" the event is
// the meeting, intended, and "agree" makes no event of its own unless one
// of its patterns matched. On by default; the PETRARCH suite expects the
// older behaviour and turns it off.
func Control(on bool) Option { return func(c *Coder) { c.control = on } }

// KeepNullActors keeps actors whose code names no country or organisation
// (PETRARCH's "---GOV" for "officials said"). By default an event with such
// a source is dropped and such a target left out: they say nothing an
// analyst can use. The PETRARCH suite expects them.
func KeepNullActors(on bool) Option { return func(c *Coder) { c.keepNull = on } }

// New returns a coder over dictionary d.
func New(d *verbs.Dictionary, opts ...Option) *Coder {
	c := &Coder{dict: d, control: true}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Result is the outcome of coding one document.
type Result struct {
	Events []model.Event
	// Discarded names the discard phrase that stopped the whole document.
	Discarded string
	// SentenceDiscards counts sentences skipped for a discard phrase.
	SentenceDiscards int
}

// Code codes every sentence of doc with the given actor mentions and
// returns the events in sentence order. It does not modify doc except to
// add a note when the document has no date.
func (c *Coder) Code(doc *model.Document, mentions []actors.Mention) Result {
	var res Result
	bySent := make([][]actors.Mention, len(doc.Sentences))
	for _, m := range mentions {
		if m.Sentence >= 0 && m.Sentence < len(bySent) {
			bySent[m.Sentence] = append(bySent[m.Sentence], m)
		}
	}
	if c.discards != nil {
		for _, s := range doc.Sentences {
			if p, story, ok := c.discards.Match(upperWords(s.Tokens)); ok && story {
				res.Discarded = p
				return res
			}
		}
	}
	dc := &docCoder{c: c, doc: doc}
	quotes := quotedSpans(doc.Text)
	for i, s := range doc.Sentences {
		if c.discards != nil {
			if _, _, ok := c.discards.Match(upperWords(s.Tokens)); ok {
				res.SentenceDiscards++
				continue
			}
		}
		if !c.worthCoding(s.Tokens) {
			continue
		}
		st := newSent(i, s.Tokens, bySent[i])
		st.markQuoted(quotes)
		dc.sentence(st)
	}
	if doc.Published.IsZero() && len(dc.events) > 0 {
		addNote(doc, "no document date: event dates not resolved")
	}
	res.Events = dc.events
	return res
}

// quotedSpans finds the direct quotations of a text: between straight
// double quotes, or curly or angle quotes, closed at the latest at the end
// of the paragraph. Verbs inside them are the speaker's words, coded as the
// speaker's statement, not as events of their own ("likes dropping bombs on
// people", "has consistently demonstrated remarkable agility").
func quotedSpans(text string) []model.Span {
	var out []model.Span
	open := -1
	for i, r := range text {
		switch {
		case r == '\n':
			if open >= 0 {
				out = append(out, model.Span{Start: open, End: i})
				open = -1
			}
		case r == '"' && open < 0, r == '“' && open < 0, r == '«' && open < 0:
			open = i
		case r == '"' || r == '”' || r == '»':
			if open >= 0 {
				out = append(out, model.Span{Start: open, End: i + 1})
				open = -1
			}
		}
	}
	if open >= 0 {
		out = append(out, model.Span{Start: open, End: len(text)})
	}
	return out
}

// worthCoding reports whether a sentence holds a dictionary word or an
// initiative noun; most do not, and preparing them costs more than the
// look-up.
func (c *Coder) worthCoding(toks []model.Token) bool {
	for _, t := range toks {
		w, l := strings.ToLower(t.Text), strings.ToLower(t.Lemma)
		if c.dict.HasForm(w) || c.dict.HasForm(l) || initiativeLower[l] {
			return true
		}
	}
	return false
}

func addNote(doc *model.Document, note string) {
	for _, n := range doc.Notes {
		if n == note {
			return
		}
	}
	doc.Notes = append(doc.Notes, note)
}

func upperWords(toks []model.Token) []string {
	w := make([]string, len(toks))
	for i, t := range toks {
		w[i] = strings.ToUpper(t.Text)
	}
	return w
}

// docCoder carries what one document's sentences share: the events so far
// (for replies without an explicit target) and the owners of initiatives.
type docCoder struct {
	c      *Coder
	doc    *model.Document
	events []model.Event
	owner  *model.Actor // the last actor named as leading an initiative
}

// hit is a verb found in a sentence and what it codes.
type hit struct {
	verb    *verbs.Verb
	tok     int // the verb token
	first   int // first and last tokens of a multi-word verb
	last    int
	code    verbs.Code
	pattern *verbs.Pattern
	bind    binding
}

func (dc *docCoder) sentence(s *sent) {
	hits := dc.c.findVerbs(s)
	suppressed := map[int]bool{}
	modal := map[int]string{}
	if dc.c.control {
		// "agreed to meet": the complement carries the event with the
		// controller's modality and the controller makes none, unless one
		// of the controller's patterns matched ("declined to comment").
		byTok := map[int]*hit{}
		for i := range hits {
			byTok[hits[i].tok] = &hits[i]
		}
		for i := range hits {
			h := &hits[i]
			head := s.head(h.tok)
			if s.rel(h.tok) != "xcomp" || head < 0 {
				continue
			}
			m, ok := controlModality[s.lemmas[head]]
			if !ok {
				continue
			}
			if g := byTok[head]; g != nil && g.pattern != nil {
				suppressed[h.tok] = true
				continue
			}
			modal[h.tok] = m
			suppressed[head] = true
		}
	}
	seen := map[string]bool{}
	for _, h := range hits {
		if suppressed[h.tok] || h.code.None() {
			continue
		}
		dc.emit(s, h, modal[h.tok], seen)
	}
	dc.noteOwners(s)
}

// controlModality lists control verbs and the modality they give the
// verb they govern.
var controlModality = map[string]string{
	"AGREE": model.Intended, "PLAN": model.Intended, "INTEND": model.Intended, "WANT": model.Intended,
	"SEEK": model.Intended, "HOPE": model.Intended, "AIM": model.Intended, "PROMISE": model.Intended,
	"PLEDGE": model.Intended, "VOW": model.Intended, "DECIDE": model.Intended, "PREPARE": model.Intended,
	"EXPECT": model.Intended, "TRY": model.Intended, "ATTEMPT": model.Intended, "OFFER": model.Intended,
	"WISH": model.Intended, "PROPOSE": model.Intended,
	"REFUSE": model.Negated, "DECLINE": model.Negated, "FAIL": model.Negated,
}

// findVerbs returns the dictionary verbs of the sentence with their codes.
func (c *Coder) findVerbs(s *sent) []hit {
	var hits []hit
	for i, t := range s.toks {
		if s.at[i] >= 0 && !isVerbTag(t) || s.quoted[i] {
			continue // part of an actor name, or someone's words
		}
		best := hit{tok: -1}
		for _, form := range []string{s.words[i], s.lemmas[i]} {
			if form == "" {
				continue
			}
			for _, v := range c.dict.Lookup(form) {
				if v.Noun != (t.UPOS == "NOUN" || t.UPOS == "PROPN") || !v.Noun && !isVerbTag(t) {
					continue
				}
				if v.Intransitive && s.child(i, "obj") >= 0 {
					continue
				}
				first, last, ok := s.phrase(v, i)
				if !ok || best.tok >= 0 && len(v.Words) <= len(best.verb.Words) {
					continue
				}
				best = hit{verb: v, tok: i, first: first, last: last}
			}
		}
		if best.tok < 0 {
			continue
		}
		best.code, best.bind = best.verb.Effective(), noBinding()
		for _, p := range best.verb.Block.Patterns {
			if b, ok := s.match(p, best, c.dict); ok {
				best.pattern, best.code, best.bind = p, p.Code, b
				break
			}
		}
		hits = append(hits, best)
	}
	return hits
}

func isVerbTag(t model.Token) bool {
	return t.UPOS == "VERB" || strings.HasPrefix(t.XPOS, "VB") && t.UPOS != "AUX"
}

// phrase checks the other words of a multi-word verb around token i.
func (s *sent) phrase(v *verbs.Verb, i int) (first, last int, ok bool) {
	first, last = i-v.Head, i+len(v.Words)-1-v.Head
	if first < 0 || last >= len(s.words) {
		return 0, 0, false
	}
	for k, w := range v.Words {
		if k != v.Head && s.words[first+k] != w {
			return 0, 0, false
		}
	}
	return first, last, true
}

// emit turns a verb hit into events: one per source and target of the
// compound groups, and a reverse event for "[fwd:rev]" codes.
func (dc *docCoder) emit(s *sent, h hit, modality string, seen map[string]bool) {
	src, tgt, compound := dc.roles(s, h)
	if len(src) == 0 {
		return
	}
	if modality == "" {
		modality = s.modality(h.tok)
	} else if s.modality(h.tok) == model.Negated {
		modality = model.Negated
	}
	date := ""
	if !dc.doc.Published.IsZero() {
		if d, ok := s.date(h.tok, dc.doc.Published, modality == model.Intended); ok {
			date = d.Format("2006-01-02")
		}
	}
	cd := h.code
	// "Biden attacked Trump": attacking a person, with no weapon named, is
	// a verbal attack (killing him is not).
	if cd.Fwd == "190" && h.pattern == nil && s.lemmas[h.tok] == "ATTACK" && s.attacksPerson(h.tok, tgt) {
		cd = verbs.Code{Fwd: "111"}
	}
	if s.prevented(h.tok) {
		return
	}
	// "She meets the requirement", "discussing the "original sin" of
	// slavery": meeting or discussing a thing with no one is no meeting
	// (but brokering or negotiating a deal is mediation or negotiation);
	// an honour "conferred by the president" is no consultation either.
	noActor := !slices.ContainsFunc(tgt, func(a *model.Actor) bool { return !isNull(a) })
	switch s.lemmas[h.tok] {
	case "MEET", "DISCUSS":
		if noActor && s.objectWithoutActor(h.tok) {
			return
		}
	case "CONFER":
		if noActor {
			return
		}
	}
	// "Brazil and the United States agreed to meet": each other.
	if !compound && len(tgt) == 0 && len(src) > 1 && (mutual(cd.Fwd) || reciprocal[s.lemmas[h.tok]]) {
		compound = true
	}
	pairs := [][2]*model.Actor{}
	if compound {
		for _, a := range src {
			for _, b := range src {
				if a != b {
					pairs = append(pairs, [2]*model.Actor{a, b})
				}
			}
		}
	} else {
		if len(tgt) == 0 {
			if r := dc.replyTarget(cd.Fwd, src[0]); r != nil {
				tgt = []*model.Actor{r}
			}
		}
		for _, a := range src {
			if len(tgt) == 0 {
				pairs = append(pairs, [2]*model.Actor{a, nil})
			}
			for _, b := range tgt {
				pairs = append(pairs, [2]*model.Actor{a, b})
			}
		}
	}
	for _, p := range pairs {
		for dir, code := range []string{cd.Fwd, cd.Rev} {
			a, b := p[0], p[1]
			if dir == 1 {
				// A host needs its guest: no reverse event without a
				// known source and target.
				if b == nil || !dc.c.keepNull && (isNull(a) || isNull(b)) {
					continue
				}
				a, b = b, a
			}
			if code == "" || b != nil && a.Code == b.Code || !dc.c.keepNull && isNull(a) {
				continue
			}
			if !dc.c.keepNull && b != nil && isNull(b) {
				b = nil
			}
			// "Mexico's foreign minister said Mexico would ...": no target
			// in one's own country.
			if b != nil && len(a.Code) > 3 && b.Code == a.Code[:3] {
				b = nil
			}
			// A visit is to someone abroad: "Navalny was flying to Moscow"
			// (his own country) is travel, and Russia hosts nobody.
			visit := code == "042" || code == "043"
			if visit && b != nil && len(b.Code) > 3 && a.Code == b.Code[:3] {
				continue
			}
			if b == nil && (dc.c.requireDyad || visit) {
				continue
			}
			ev := dc.event(s, h, code, a, b, modality, date)
			key := fmt.Sprintf("%s|%s|%s", ev.Source.Code, ev.Target.Code, code)
			if seen[key] {
				continue
			}
			seen[key] = true
			dc.events = append(dc.events, ev)
		}
	}
}

// nullCode is PETRARCH's code for no country: "---GOV" is a government
// of unknown country.
const nullCode = "---"

func isNull(a *model.Actor) bool { return strings.HasPrefix(a.Code, nullCode) }

// reciprocal verbs are done to one another by a compound subject: "Armenia
// and Azerbaijan fought".
var reciprocal = map[string]bool{"FIGHT": true, "CLASH": true, "BATTLE": true}

// mutual codes are done with one another: agreeing, consulting, meeting,
// negotiating, signing, cooperating (not mediating: co-mediators do not
// mediate each other).
func mutual(code string) bool {
	return strings.HasPrefix(code, "04") && code != "045" || strings.HasPrefix(code, "06") ||
		code == "030" || code == "036" || code == "057"
}

func (dc *docCoder) event(s *sent, h hit, code string, src, tgt *model.Actor, modality, date string) model.Event {
	sp := dc.doc.Sentences[s.idx].Span
	ev := model.Event{
		Sentence:    safeSlice(dc.doc.Text, sp),
		SentenceIdx: s.idx,
		Source:      *src,
		CAMEO:       code,
		Modality:    modality,
		Date:        date,
		Verb:        tokensText(s, h.first, h.last),
	}
	if tgt != nil {
		ev.Target = *tgt
	}
	if !dc.doc.Published.IsZero() {
		ev.DocumentDate = dc.doc.Published.Format("2006-01-02")
	}
	ev.DocumentID = dc.doc.ID
	if info, ok := cameo.Lookup(code); ok {
		ev.CAMEOLabel, ev.Plover, ev.Goldstein, ev.QuadClass = info.Label, info.Plover, info.Goldstein, info.Quad
	}
	span := model.Span{Start: s.toks[h.first].Span.Start, End: s.toks[h.last].Span.End}
	for _, a := range []model.Actor{ev.Source, ev.Target} {
		if a.Span.End > a.Span.Start {
			span.Start = min(span.Start, a.Span.Start)
			span.End = max(span.End, a.Span.End)
		}
	}
	ev.Span = span
	return ev
}

func safeSlice(text string, sp model.Span) string {
	if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
		return ""
	}
	return text[sp.Start:sp.End]
}

func tokensText(s *sent, first, last int) string {
	var b strings.Builder
	for i := first; i <= last; i++ {
		b.WriteString(s.toks[i].Text)
		if i < last && s.toks[i].SpaceAfter {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// actor builds the model.Actor of mention k.
func (s *sent) actor(k int) *model.Actor {
	m := s.ments[k]
	return &model.Actor{
		Text:            tokensText(s, m.First, m.Last),
		Code:            m.Code,
		Name:            m.Name,
		Span:            model.Span{Start: s.toks[m.First].Span.Start, End: s.toks[m.Last].Span.End},
		CountryInferred: m.CountryInferred,
	}
}

// groupActors is every actor of mention k's compound group; a mention with
// further codes ("the Shire" = FRO, BIL and SAM; "lawmakers in A and B")
// stands for one actor per code.
func (s *sent) groupActors(k int) []*model.Actor {
	var as []*model.Actor
	for _, j := range s.groups[s.group[k]] {
		a := s.actor(j)
		as = append(as, a)
		for _, c := range s.ments[j].Also {
			b := *a
			b.Code = c
			as = append(as, &b)
		}
	}
	return as
}

// replyTarget answers "who is this aimed at" for responses that name no
// target ("the White House offered no confirmation"): the source of the
// latest event in the document that targeted this actor.
func (dc *docCoder) replyTarget(code string, src *model.Actor) *model.Actor {
	if !(code == "011" || strings.HasPrefix(code, "12")) {
		return nil
	}
	for i := len(dc.events) - 1; i >= 0; i-- {
		e := dc.events[i]
		if e.Target.Code != "" && sameCountry(e.Target.Code, src.Code) && !sameCountry(e.Source.Code, src.Code) {
			a := e.Source
			a.Span = model.Span{} // from another sentence: no span here
			return &a
		}
	}
	return nil
}

// sameCountry compares the country part (first three letters) of codes.
func sameCountry(a, b string) bool {
	if len(a) < 3 || len(b) < 3 {
		return a == b
	}
	return a[:3] == b[:3]
}

// initiative nouns carry their leader forward: "Washington's latest peace
// initiative" ... "The initiative involves consultations with allies".
var initiativeNouns = map[string]bool{
	"INITIATIVE": true, "EFFORT": true, "PUSH": true, "PLAN": true, "PROPOSAL": true,
	"PROCESS": true, "CAMPAIGN": true, "COALITION": true, "OFFENSIVE": true, "OPERATION": true,
}

var initiativeLower = func() map[string]bool {
	m := map[string]bool{}
	for w := range initiativeNouns {
		m[strings.ToLower(w)] = true
	}
	return m
}()

// noteOwners records the actor leading an initiative named in s, through
// a possessive ("Washington's initiative") or "-led" ("U.S.-led push").
func (dc *docCoder) noteOwners(s *sent) {
	for i := range s.toks {
		if !initiativeNouns[s.lemmas[i]] && !initiativeNouns[s.words[i]] {
			continue
		}
		for _, k := range s.kids[i] {
			rel := s.toks[k].Deprel
			led := strings.HasSuffix(s.words[k], "-LED") || s.lemmas[k] == "LEAD" && (rel == "amod" || rel == "compound")
			if rel == "nmod:poss" || led {
				if m := s.mentionIn(k, nil); m >= 0 {
					dc.owner = s.actor(m)
					dc.owner.Span = model.Span{}
				}
			}
		}
	}
}

// date finds a date expression in the clause of token v and resolves it.
func (s *sent) date(v int, ref time.Time, future bool) (time.Time, bool) {
	for _, root := range []int{v, s.head(v)} {
		if root < 0 {
			break
		}
		for i := s.lo[root]; i <= s.hi[root]; i++ {
			if s.inOtherClause(i, root) {
				continue
			}
			for n := 1; n <= 3 && i+n <= len(s.words); n++ {
				if d, ok := ResolveDate(s.words[i:i+n], ref, future); ok {
					return d, true
				}
			}
		}
		if r := s.rel(v); r != "xcomp" && r != "conj" {
			break
		}
	}
	return time.Time{}, false
}

// inOtherClause reports whether token i lies in a clause embedded under
// root (a complement, adverbial or relative clause of its own).
func (s *sent) inOtherClause(i, root int) bool {
	for t, steps := i, 0; t >= 0 && t != root && steps < len(s.toks); t, steps = s.head(t), steps+1 {
		switch s.toks[t].Deprel {
		case "ccomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj", "xcomp":
			return true
		}
	}
	return false
}
