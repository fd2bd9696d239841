package parser

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/linear"
)

// Option tunes Train.
type Option func(*options)

type options struct {
	epochs     int
	seed       uint64
	minWeight  float64
	minUpdates int
	explore    float64
	progress   func(epoch int, accuracy float64)
}

// Epochs sets the number of passes over the training data (default 15).
func Epochs(n int) Option { return func(o *options) { o.epochs = n } }

// Seed sets the seed of shuffling and exploration (default 1).
func Seed(s uint64) Option { return func(o *options) { o.seed = s } }

// MinWeight drops averaged weights below w from the model (default 0.05),
// see linear.MinWeight.
func MinWeight(w float64) Option { return func(o *options) { o.minWeight = w } }

// MinUpdates drops features updated fewer than n times during training
// (default 5), see linear.MinUpdates. On EWT dev, 5 instead of 1 costs
// 0.3 UAS and keeps a fifth of the features, which makes parsing faster.
func MinUpdates(n int) Option { return func(o *options) { o.minUpdates = n } }

// Explore sets how often, from the second epoch on, training follows a
// wrong predicted transition instead of the best correct one (default 0.9),
// so the model learns to recover from its own mistakes.
func Explore(p float64) Option { return func(o *options) { o.explore = p } }

// Progress is called after each epoch with the share of transitions the
// learning model got right in that epoch.
func Progress(fn func(epoch int, accuracy float64)) Option {
	return func(o *options) { o.progress = fn }
}

// Train learns a parser from sentences whose tokens carry gold Head and
// Deprel (and the tags the parser will see at run time: predicted ones for
// realistic training). Non-projective trees are made projective by lifting
// arcs, since arc-eager parsing only builds projective trees.
func Train(sents [][]model.Token, opts ...Option) (*Parser, error) {
	o := options{epochs: 15, seed: 1, minWeight: 0.05, minUpdates: 5, explore: 0.9}
	for _, opt := range opts {
		opt(&o)
	}
	tr, err := train(sents, o)
	if err != nil {
		return nil, err
	}
	m, err := tr.Model(linear.MinWeight(o.minWeight), linear.MinUpdates(o.minUpdates))
	if err != nil {
		return nil, fmt.Errorf("train parser: %w", err)
	}
	return newParser(m)
}

// train runs the perceptron over sents and returns the trainer.
func train(sents [][]model.Token, o options) (*linear.Trainer, error) {
	if o.epochs < 1 {
		return nil, fmt.Errorf("train parser: epochs %d < 1", o.epochs)
	}
	labelSet := map[string]bool{RootLabel: true}
	for i, s := range sents {
		if err := checkTree(s); err != nil {
			return nil, fmt.Errorf("train parser: sentence %d: %w", i+1, err)
		}
		for _, t := range s {
			labelSet[t.Deprel] = true
		}
	}
	if len(sents) == 0 {
		return nil, errors.New("train parser: no training sentences")
	}
	labels := make([]string, 0, len(labelSet))
	for l := range labelSet {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	tr, err := linear.NewTrainer(classNames(labels))
	if err != nil {
		return nil, fmt.Errorf("train parser: %w", err)
	}
	// The parser built on the trainer's class layout decodes classes while
	// training; its model is replaced by the averaged one at the end.
	p := &Parser{labels: labels, root: int32(slices.Index(labels, RootLabel))}
	labelID := map[string]int32{}
	for i, l := range labels {
		labelID[l] = int32(i)
	}
	golds := make([]gold, len(sents))
	for i, s := range sents {
		golds[i] = newGold(s, labelID)
	}

	rng := rand.New(rand.NewPCG(o.seed, 0x9a55e))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	sc := new(scratch)
	sc.sized(tr.NumClasses())
	var c costs
	for epoch := 1; epoch <= o.epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, si := range order {
			g := &golds[si]
			st := &sc.st
			st.reset(len(sents[si]))
			sc.ws.reset(sents[si])
			for !st.done() {
				sc.feats = features(sc.feats[:0], st, &sc.ws)
				tr.Score(sc.feats, sc.scores)
				pred := p.best(st, sc.scores, nil)
				g.costs(st, &c)
				total++
				next := pred
				if g.zeroCost(p, st, &c, pred) {
					tr.Learn(sc.feats, pred, pred)
					right++
				} else {
					// Projective gold trees always leave a zero-cost move.
					best := p.best(st, sc.scores, &c)
					tr.Learn(sc.feats, best, pred)
					if epoch == 1 || rng.Float64() >= o.explore {
						next = best
					}
				}
				st.apply(p.decode(next))
			}
		}
		if o.progress != nil {
			o.progress(epoch, float64(right)/float64(max(total, 1)))
		}
	}
	return tr, nil
}

// checkTree reports whether the heads of s form a tree with one root.
func checkTree(s []model.Token) error {
	n := len(s)
	roots := 0
	for i, t := range s {
		if t.Head < 0 || t.Head > n || t.Head == i+1 {
			return fmt.Errorf("word %d: bad head %d", i+1, t.Head)
		}
		if t.Deprel == "" {
			return fmt.Errorf("word %d: no relation", i+1)
		}
		if t.Head == 0 {
			roots++
			if t.Deprel != RootLabel {
				return fmt.Errorf("word %d: attached to the root as %q", i+1, t.Deprel)
			}
		} else if t.Deprel == RootLabel {
			return fmt.Errorf("word %d: %q below the root", i+1, RootLabel)
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d roots", roots)
	}
	// Walk up from each word, marking the path; meeting the current path
	// again is a cycle. Each word is walked once, so this is linear.
	const (
		unseen = iota
		onPath
		done
	)
	mark := make([]byte, n+1)
	mark[0] = done
	for i := 1; i <= n; i++ {
		h := i
		for mark[h] == unseen {
			mark[h] = onPath
			h = s[h-1].Head
		}
		if mark[h] == onPath {
			return fmt.Errorf("word %d: cycle", h)
		}
		for h := i; mark[h] == onPath; h = s[h-1].Head {
			mark[h] = done
		}
	}
	return nil
}

// gold is a training tree in state indices: heads 0-based, the root n.
type gold struct {
	head  []int32
	label []int32
}

func newGold(s []model.Token, labelID map[string]int32) gold {
	n := int32(len(s))
	g := gold{head: make([]int32, n), label: make([]int32, n)}
	for i, t := range s {
		g.head[i] = int32(t.Head) - 1
		if t.Head == 0 {
			g.head[i] = n
		}
		g.label[i] = labelID[t.Deprel]
	}
	projectivize(g.head)
	return g
}

// projectivize lifts non-projective arcs (attaches the dependent to its
// head's head), shortest first, until the tree is projective. The root is
// at index n = len(head).
func projectivize(head []int32) {
	n := int32(len(head))
	dominates := func(h, k int32) bool {
		for k != n {
			if k == h {
				return true
			}
			k = head[k]
		}
		return h == n
	}
	for {
		lift, liftLen := int32(-1), int32(0)
		for d := range n {
			h := head[d]
			lo, hi := min(h, d), max(h, d)
			if hi-lo < 2 || (lift >= 0 && hi-lo >= liftLen) {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(h, k) {
					lift, liftLen = d, hi-lo
					break
				}
			}
		}
		if lift < 0 {
			return
		}
		head[lift] = head[head[lift]]
	}
}

// costs holds, for a state, how many gold arcs each transition kind makes
// unreachable, and the gold label a LEFT or RIGHT arc must carry to cost
// nothing (-1: any label, the arc itself is not gold).
type costs struct {
	shift, reduce, left, right int
	leftLabel, rightLabel      int32
}

// costs computes the arc-eager dynamic oracle costs (Goldberg and Nivre
// 2012) of the transitions in s.
func (g *gold) costs(s *state, c *costs) {
	*c = costs{leftLabel: -1, rightLabel: -1}
	n, b, s0 := s.n, s.b, s.top()
	inBuffer := func(k int32) bool { return k >= b } // the root n included
	if b < n {
		for _, k := range s.stack {
			if g.head[b] == k {
				c.shift++
			}
			if s.head[k] < 0 && g.head[k] == b {
				c.shift++
				c.right++
			}
		}
		if s0 >= 0 {
			if gh := g.head[b]; gh == s0 {
				c.rightLabel = g.label[b]
			} else if inBuffer(gh) || slices.Contains(s.stack, gh) {
				c.right++
			}
		}
	}
	if s0 < 0 {
		return
	}
	deps := 0 // gold dependents of s0 still in the buffer
	for k := b; k < n; k++ {
		if g.head[k] == s0 {
			deps++
		}
	}
	c.reduce = deps
	c.left = deps
	if gh := g.head[s0]; gh == b {
		c.leftLabel = g.label[s0]
	} else if inBuffer(gh) {
		c.left++
	}
}

// zeroCost reports whether class cl costs nothing under c.
func (g *gold) zeroCost(p *Parser, s *state, c *costs, cl int) bool {
	kind, label := p.decode(cl)
	switch kind {
	case shift:
		return c.shift == 0
	case reduce:
		return c.reduce == 0
	case left:
		return c.left == 0 && (c.leftLabel < 0 || c.leftLabel == label || s.b == s.n)
	}
	return c.right == 0 && (c.rightLabel < 0 || c.rightLabel == label)
}
