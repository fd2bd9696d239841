package quotes

import (
	"fmt"
	"math/rand/v2"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/linear"
)

// CVReport compares the rules with the learned ranker in document-level
// cross-validation.
type CVReport struct {
	Folds, Epochs int
	Margin        float32
	// Rules, the ranker choosing every speaker, and the ranker only for
	// the quotes the rules leave without one (Backoff).
	Rules, Ranker, Backoff map[string]*Score // by split, and "all"
	// Candidates, by split: quote segments that match a gold quote, and
	// those whose gold speaker is among their candidates (candidate recall).
	GoldSegments, GoldInCands map[string]int
	// Dropped: segments the rules give no speaker (not titles or terms), by
	// split; DroppedGold: those that are gold quotes.
	Dropped, DroppedGold map[string]int
}

// article is an annotated article ready for extraction.
type article struct {
	a     GoldArticle
	doc   *model.Document
	opts  []Option
	rules []model.Quote // what the rules extract, set by cases
}

type labelled struct {
	c       quoteCase
	gold    int  // index of the right candidate, -1 for "no speaker"
	matched bool // the segment is a gold quote
}

// CrossValidate splits the articles into folds (article i in fold i mod
// folds), trains the ranker on all folds but one and scores the rules and
// the ranker (with the given Margin) on the one left out.
func CrossValidate(gold []GoldArticle, texts TextSource, analyse Analysis, folds, epochs int, margin float32) (CVReport, error) {
	if folds < 2 {
		return CVReport{}, fmt.Errorf("cross-validate quotes: %d folds, need at least 2", folds)
	}
	r := CVReport{Folds: folds, Epochs: epochs, Margin: margin, Rules: map[string]*Score{}, Ranker: map[string]*Score{}, Backoff: map[string]*Score{},
		Dropped: map[string]int{}, DroppedGold: map[string]int{}, GoldSegments: map[string]int{}, GoldInCands: map[string]int{}}
	var arts []article
	for _, a := range gold {
		x, err := loadArticle(a, texts, analyse, []Option{DirectOnly()})
		if err != nil {
			return r, fmt.Errorf("cross-validate quotes: %w", err)
		}
		arts = append(arts, x)
	}
	// count adds one to a split's count and to "all".
	count := func(m map[string]int, split string) {
		m[split]++
		m["all"]++
	}
	data := make([][]labelled, len(arts))
	for i := range arts {
		x := &arts[i]
		data[i] = x.cases()
		for _, l := range data[i] {
			if l.c.ruleOK {
				continue
			}
			count(r.Dropped, x.a.Split)
			if l.matched {
				count(r.DroppedGold, x.a.Split)
			}
		}
		for _, l := range data[i] {
			if l.matched {
				count(r.GoldSegments, x.a.Split)
				if l.gold >= 0 {
					count(r.GoldInCands, x.a.Split)
				}
			}
		}
	}
	add := func(m map[string]*Score, split string, s Score) {
		for _, k := range []string{split, "all"} {
			if m[k] == nil {
				m[k] = &Score{}
			}
			m[k].add(s)
		}
	}
	for f := range folds {
		var train []labelled
		for i := range arts {
			if i%folds != f {
				train = append(train, data[i]...)
			}
		}
		m, err := trainRanker(train, epochs)
		if err != nil {
			return r, fmt.Errorf("cross-validate quotes: fold %d: %w", f, err)
		}
		for i, x := range arts {
			if i%folds != f {
				continue
			}
			s, _ := scoreArticle(x.a, x.doc, x.rules)
			add(r.Rules, x.a.Split, s)
			s, _ = scoreArticle(x.a, x.doc, Extract(x.doc, append(x.opts, WithRanker(m, Margin(margin)))...))
			add(r.Ranker, x.a.Split, s)
			s, _ = scoreArticle(x.a, x.doc, Extract(x.doc, append(x.opts, WithRanker(m, BackoffOnly(), Margin(margin)))...))
			add(r.Backoff, x.a.Split, s)
		}
	}
	for _, m := range []map[string]*Score{r.Rules, r.Ranker, r.Backoff} {
		for _, s := range m {
			s.finish()
		}
	}
	return r, nil
}

// cases extracts the article with the rules (kept in x.rules: the ranker
// below passes their choices through) and labels each segment's candidates
// against the annotation.
func (x *article) cases() []labelled {
	var out []labelled
	rank := func(c *quoteCase, rule model.Speaker, ok bool) (model.Speaker, bool) {
		out = append(out, x.label(*c))
		return rule, ok
	}
	x.rules = Extract(x.doc, append(x.opts, func(c *config) { c.rank = rank })...)
	return out
}

// label finds the gold quote over the segment and the candidate that is its
// speaker.
func (x article) label(c quoteCase) labelled {
	l := labelled{c: c, gold: -1}
	cp := func(b int) int { return utf8.RuneCountInString(x.doc.Text[:b]) }
	span := model.Span{Start: cp(c.span.Start), End: cp(c.span.End)}
	for _, g := range x.a.Quotes {
		if iou(span, model.Span{Start: g.Start, End: g.End}) < MinIoU {
			continue
		}
		l.matched = true
		for k, cd := range c.cands {
			if SpeakerMatch(g, cd.sp) {
				l.gold = k
				break
			}
		}
		break
	}
	return l
}

// trainRanker runs the averaged perceptron over the cases, in an order
// shuffled with a fixed seed at each epoch.
func trainRanker(data []labelled, epochs int) (*linear.Model, error) {
	t, err := linear.NewTrainer([]string{"up", "down"})
	if err != nil {
		return nil, err
	}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(5, 5))
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			l := &data[i]
			guess, _ := choose(t, &l.c, 0)
			gf, pf := l.c.feats(l.gold), l.c.feats(guess)
			if guess == l.gold {
				t.Learn(gf, 0, 0)
				continue
			}
			t.Learn(gf, 0, 1)
			t.Learn(pf, 1, 0)
		}
	}
	return t.Model()
}

// feats are the features of candidate k, or of "no speaker" for -1.
func (c *quoteCase) feats(k int) []linear.Feature {
	if k < 0 {
		return c.none
	}
	return c.cands[k].feats
}

// RankerOption tunes WithRanker.
type RankerOption func(*rankerConfig)

type rankerConfig struct {
	backoff bool
	margin  float32
}

// Margin makes "no speaker" win unless a candidate scores margin above it.
func Margin(v float32) RankerOption { return func(c *rankerConfig) { c.margin = v } }

// BackoffOnly keeps the rules' speaker where they find one: the ranker
// only speaks for the quotes they leave without a speaker.
func BackoffOnly() RankerOption { return func(c *rankerConfig) { c.backoff = true } }

// WithRanker makes a learned ranker choose each quote's speaker among its
// candidates (the rules' choice one of them), or no speaker.
func WithRanker(m linear.Scorer, opts ...RankerOption) Option {
	var rc rankerConfig
	for _, o := range opts {
		o(&rc)
	}
	return func(c *config) {
		c.rank = func(q *quoteCase, rule model.Speaker, ruleOK bool) (model.Speaker, bool) {
			if rc.backoff && ruleOK {
				return rule, true
			}
			k, ok := choose(m, q, rc.margin)
			if !ok {
				return model.Speaker{}, false
			}
			return q.cands[k].sp, true
		}
	}
}
