package quotes

import (
	"strings"
	"unicode"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/linear"
)

// A learned speaker ranker (round 5, an experiment): for each quote the
// rules consider, the people, organisations, descriptions and resolved
// pronouns near it are speaker candidates, plus "no speaker"; an averaged
// perceptron scores (quote, candidate) features and the best one speaks.

// quoteCase is one quote segment with its speaker candidates.
type quoteCase struct {
	span   model.Span // byte span of the segment
	ruleOK bool       // the rules gave the segment a speaker
	cands  []candidate
	none   []linear.Feature // the features of "no speaker"
}

// candidate is one speaker the quote may have.
type candidate struct {
	sp    model.Speaker
	feats []linear.Feature
}

// Feature templates of the ranker.
const (
	fBias = iota + 1
	fRule
	fRuleVia
	fKind
	fSentDist
	fSide
	fTokDist
	fSubject
	fCueNext
	fCuePrev
	fCueBetween
	fLast
	fOpensPara
	fSamePara
	fCount
	fInterview
	fKindDist
	fRuleKind
	fNoneVia
	fNoneOpens
	fNoneLen
	fNoneCands
	fNoneTitle
	fNoneShape
	fNoneWords
	fNoneWhole
)

// ident says which candidates are one speaker: the name's key, or the head
// noun of a description.
func ident(sp model.Speaker) string {
	if sp.Unnamed {
		return "u:" + headNoun(sp.Text)
	}
	return Key(sp.Name)
}

// quoteCase builds the candidates of quote item qi in sentence si. rule is the
// speaker the rules chose (ruleOK false when they chose none), via how, and last
// the previous quote's speaker.
func (sc *scan) quoteCase(ix *docIndex, si, qi int, rule model.Speaker, ruleOK bool, via string, last model.Speaker) quoteCase {
	q := sc.items[qi]
	c := quoteCase{span: model.Span{Start: q.s, End: q.e}, ruleOK: ruleOK}
	p := sc.para[si]
	inWindow := func(s int) bool { return s >= si-2 && s <= si+1 || sc.para[s] == p }
	opens := qi == sc.sents[si][0] && (si == 0 || sc.para[si-1] != p)
	type found struct {
		m      mention
		sent   int
		subj   bool
		isRule bool
	}
	var ms []found
	for _, im := range ix.mentions {
		if inWindow(im.sent) {
			ms = append(ms, found{m: im.m, sent: im.sent, subj: im.subject})
		}
	}
	for s := range sc.sents {
		if !inWindow(s) {
			continue
		}
		for i := sc.sents[s][0]; i < sc.sents[s][1]; i++ {
			if it := sc.items[i]; it.kind == itWord && pronouns[it.low] != "" {
				if m, ok := sc.analyse(i, i+1, 0, 0); ok {
					ms = append(ms, found{m: m, sent: s, subj: sc.subjectLike(i)})
				}
			}
		}
	}
	// A candidate is described by its rule flags, its mention nearest the
	// quote (summing all its mentions would favour the most named people)
	// and how often it is mentioned in the window.
	type agg struct {
		rule       []linear.Feature
		near       []linear.Feature
		best, seen int
		last       bool
	}
	var aggs []agg
	byID := map[string]int{}
	add := func(sp model.Speaker, f found) {
		id := ident(sp)
		k, seen := byID[id]
		if !seen {
			k = len(c.cands)
			byID[id] = k
			c.cands = append(c.cands, candidate{sp: sp})
			aggs = append(aggs, agg{best: -1, last: last.Name != "" && ident(last) == id})
		}
		g := &aggs[k]
		if f.isRule {
			c.cands[k].sp = sp
			g.rule = []linear.Feature{linear.Template(fRule).Int(1), linear.Template(fRuleVia).Str(via)}
			return
		}
		g.seen++
		dist := f.m.from - qi - 1
		if f.m.from < qi {
			dist = qi - f.m.to
		}
		d := dist + 1000*abs(f.sent-si)
		if g.best < 0 || d < g.best {
			g.best = d
			g.near = sc.mentionFeatures(f.m, f.sent, si, qi, dist, f.subj, via)
		}
	}
	if ruleOK {
		add(rule, found{isRule: true})
	}
	for _, f := range ms {
		sp := ix.speaker(f.m)
		if sp.Name == "" && !sp.Unnamed {
			continue // a pronoun left open
		}
		add(sp, f)
	}
	interview := len(ix.turns) > 0
	for k := range c.cands {
		g := aggs[k]
		fs := append(append([]linear.Feature{linear.Template(fBias)}, g.rule...), g.near...)
		if g.rule == nil {
			fs = append(fs, linear.Template(fRuleVia).Str(via).Int(0))
		}
		if g.last {
			fs = append(fs, linear.Template(fLast))
		}
		c.cands[k].feats = append(fs, linear.Template(fCount).Int(uint64(min(g.seen, 4))), linear.Template(fOpensPara).Int(b2u(opens)),
			linear.Template(fInterview).Int(b2u(interview)).Int(b2u(c.cands[k].sp.Unnamed)))
	}
	words := strings.Fields(quoteInner(q.text))
	title := len(words) <= 4 && len(words) > 0
	for _, w := range words {
		if w != "" && strings.ToLower(w[:1]) == w[:1] && len(w) > 3 {
			title = false
		}
	}
	c.none = []linear.Feature{
		linear.Template(fBias).Int(1),
		linear.Template(fNoneVia).Str(via).Int(b2u(ruleOK)),
		linear.Template(fNoneOpens).Int(b2u(opens)),
		linear.Template(fNoneLen).Int(uint64(min(len(words)/3, 6))),
		linear.Template(fNoneCands).Int(uint64(min(len(c.cands), 5))),
		linear.Template(fNoneTitle).Int(b2u(title)),
		linear.Template(fNoneShape).Int(quoteShape(quoteInner(q.text))),
		linear.Template(fNoneWords).Str(sc.low(qi - 1)).Int(0),
		linear.Template(fNoneWords).Str(sc.low(qi + 1)).Int(1),
		linear.Template(fNoneWhole).Int(b2u(qi == sc.sents[si][0])).Int(b2u(qi == sc.sents[si][1]-1)),
	}
	return c
}

// mentionFeatures describes one mention of a candidate relative to quote
// item qi in sentence si; dist is the number of items between them.
func (sc *scan) mentionFeatures(m mention, sent, si, qi, dist int, subj bool, via string) []linear.Feature {
	kind := "pron"
	switch {
	case m.kind == mName && m.org:
		kind = "org"
	case m.kind == mName:
		kind = "person"
	case m.kind == mNominal && m.definite:
		kind = "the-desc"
	case m.kind == mNominal:
		kind = "a-desc"
	}
	sd := min(max(sent-si, -3), 2)
	side := uint64(0)
	if m.from > qi {
		side = 1
	}
	td := uint64(0)
	for _, b := range []int{2, 5, 10, 20, 40} {
		if dist > b {
			td++
		}
	}
	ss, se := sc.sents[sent][0], sc.sents[sent][1]
	cueNext := m.to < se && sc.isCue(m.to, ss)
	cuePrev := m.from-1 >= ss && sc.isCue(m.from-1, ss)
	between := false
	a, b := m.to, qi
	if m.from > qi {
		a, b = qi+1, m.from
	}
	for i := a; i < b && i-a < maxReach; i++ {
		if sc.items[i].kind == itWord && sc.isCue(i, sc.sents[sc.sentOf(i)][0]) {
			between = true
			break
		}
	}
	ks := linear.Template(fKind).Str(kind)
	return []linear.Feature{
		ks,
		linear.Template(fSentDist).Int(uint64(sd + 3)),
		linear.Template(fSide).Int(side).Int(uint64(sd + 3)),
		linear.Template(fTokDist).Int(td),
		linear.Template(fSubject).Int(b2u(subj)).Str(kind),
		linear.Template(fCueNext).Int(b2u(cueNext)).Int(side),
		linear.Template(fCuePrev).Int(b2u(cuePrev)).Int(side),
		linear.Template(fCueBetween).Int(b2u(between)),
		linear.Template(fSamePara).Int(b2u(sc.para[sent] == sc.para[sc.sentOf(qi)])),
		linear.Template(fKindDist).Str(kind).Int(uint64(sd + 3)).Int(td),
		linear.Template(fRuleKind).Str(via).Str(kind),
	}
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// choose returns the best candidate, or false when "no speaker" wins.
func choose(s linear.Scorer, c *quoteCase, margin float32) (int, bool) {
	best, bestScore := -1, score(s, c.none)+margin
	for k := range c.cands {
		if v := score(s, c.cands[k].feats); v > bestScore {
			best, bestScore = k, v
		}
	}
	return best, best >= 0
}

// score is the ranking score of a feature set: the model holds two
// classes, and a feature's weight is the first minus the second.
func score(s linear.Scorer, feats []linear.Feature) float32 {
	var out [2]float32
	s.Score(feats, out[:])
	return out[0] - out[1]
}

// low is the lower-case text of item i ("" for none, "\"" for a quote).
func (sc *scan) low(i int) string {
	if i < 0 || i >= len(sc.items) {
		return ""
	}
	if it := sc.items[i]; it.kind == itQuote {
		return "\""
	} else if it.kind == itPara {
		return "¶"
	}
	return sc.items[i].low
}

// quoteShape says whether the quote opens with a capital letter and ends
// with punctuation: a sentence of speech rather than a term.
func quoteShape(in string) uint64 {
	in = strings.TrimSpace(in)
	if in == "" {
		return 0
	}
	var v uint64
	if r := []rune(in)[0]; unicode.IsUpper(r) {
		v |= 1
	}
	if strings.ContainsAny(in[len(in)-1:], ".?!,") {
		v |= 2
	}
	return v
}
