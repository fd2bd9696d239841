package parser

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/cluster"
	"github.com/parleyhq/parley/internal/nlp/linear"
)

// Option tunes Train.
type Option func(*options)

type options struct {
	epochs        int
	seed          uint64
	members       int
	minWeight     float64
	minUpdates    int
	relMinUpdates int
	explore       float64
	clusters      *cluster.Clusters
	noClusters    bool
	selectBy      func(*Parser) float64
	progress      func(Epoch)
}

// Epochs sets the number of passes over the training data (default 15).
func Epochs(n int) Option { return func(o *options) { o.epochs = n } }

// Seed sets the seed of shuffling and exploration (default 1).
func Seed(s uint64) Option { return func(o *options) { o.seed = s } }

// Ensemble trains n parsers, with seeds seed, seed+1, ..., side by side
// (one goroutine each) and returns the parser whose weights are their mean
// (linear.Merge): it parses as their ensemble would, at the speed and size of
// one parser. Default 1.
func Ensemble(n int) Option { return func(o *options) { o.members = n } }

// MinWeight drops averaged weights below w from the models (default
// 0.05), see linear.MinWeight.
func MinWeight(w float64) Option { return func(o *options) { o.minWeight = w } }

// MinUpdates drops the move model's features updated fewer than n times
// during training (default 5), see linear.MinUpdates: a smaller model is
// faster. On EWT dev, 5 instead of 1 cost the round-one parser 0.3 UAS and
// kept a fifth of its features.
func MinUpdates(n int) Option { return func(o *options) { o.minUpdates = n } }

// RelMinUpdates is MinUpdates for the relation models (default 2), which
// learn once per arc, not once per transition, and so lose more to
// pruning: 1 instead of 5 gained 0.15 LAS on EWT dev.
func RelMinUpdates(n int) Option { return func(o *options) { o.relMinUpdates = n } }

// Explore sets how often, from the second epoch on, training follows a
// wrong predicted transition instead of the best correct one (default 0.9),
// so the model learns to recover from its own mistakes.
func Explore(p float64) Option { return func(o *options) { o.explore = p } }

// Clusters sets the word clusters of the cluster features (default: the
// embedded ones, cluster.Default); nil trains without cluster features.
func Clusters(c *cluster.Clusters) Option {
	return func(o *options) { o.clusters, o.noClusters = c, c == nil }
}

// Select scores the averaged model with score after each epoch (on
// development data, say) and makes Train return the model of the
// best-scoring epoch rather than the last one.
func Select(score func(*Parser) float64) Option { return func(o *options) { o.selectBy = score } }

// Epoch reports on one training epoch.
type Epoch struct {
	Epoch    int
	Accuracy float64 // share of moves the learning model got right
	Score    float64 // the Select score, if any
}

// Progress is called after each epoch.
func Progress(fn func(Epoch)) Option { return func(o *options) { o.progress = fn } }

// Train learns a parser from sentences whose tokens carry gold Head and
// Deprel (and the tags the parser will see at run time: predicted ones for
// realistic training). Non-projective trees are made projective by lifting
// arcs, since arc-eager parsing only builds projective trees.
func Train(sents [][]model.Token, opts ...Option) (*Parser, error) {
	o := options{epochs: 15, seed: 1, members: 1, minWeight: 0.05, minUpdates: 5, relMinUpdates: 2, explore: 0.9}
	for _, opt := range opts {
		opt(&o)
	}
	if err := o.resolve(); err != nil {
		return nil, err
	}
	var best *Parser
	var bestScore float64
	epochDone := func(epoch int, acc float64, ts []trainers) error {
		e := Epoch{Epoch: epoch, Accuracy: acc}
		if o.selectBy != nil {
			p, err := merged(ts, o)
			if err != nil {
				return err
			}
			if e.Score = o.selectBy(p); best == nil || e.Score > bestScore {
				best, bestScore = p, e.Score
			}
		}
		if o.progress != nil {
			o.progress(e)
		}
		return nil
	}
	ts, err := train(sents, o, epochDone)
	if err != nil {
		return nil, err
	}
	if best != nil {
		return best, nil
	}
	return merged(ts, o)
}

// resolve loads the default clusters unless told to go without.
func (o *options) resolve() error {
	if o.clusters == nil && !o.noClusters {
		c, err := cluster.Default()
		if err != nil {
			return fmt.Errorf("train parser: %w", err)
		}
		o.clusters = c
	}
	return nil
}

// trainers are the kind and relation models being learnt.
type trainers struct {
	moves *linear.Trainer
	rels  [2]*linear.Trainer
}

// models lists the trainers in the order of the parser's models.
func (t trainers) models() [3]*linear.Trainer {
	return [3]*linear.Trainer{t.moves, t.rels[0], t.rels[1]}
}

// merged returns the parser of the mean averaged weights of the members.
func merged(ts []trainers, o options) (*Parser, error) {
	var ms [3]*linear.Model
	for i := range ms {
		mu := o.minUpdates
		if i > 0 && o.relMinUpdates > 0 {
			mu = o.relMinUpdates
		}
		members := make([]*linear.Trainer, len(ts))
		for j, t := range ts {
			members[j] = t.models()[i]
		}
		m, err := linear.Merge(members, linear.MinWeight(o.minWeight), linear.MinUpdates(mu))
		if err != nil {
			return nil, fmt.Errorf("train parser: %w", err)
		}
		ms[i] = m
	}
	p, err := newParser(ms[0], [2]*linear.Model{ms[1], ms[2]})
	if err != nil {
		return nil, err
	}
	p.clusters = o.clusters
	return p, nil
}

// member is one parser of the ensemble being trained, with its own
// shuffling and exploration.
type member struct {
	tr    trainers
	rng   *rand.Rand
	order []int
	sc    scratch
	good  int // moves of zero cost in the last epoch
	total int // moves learnt from in the last epoch
}

// train runs the perceptron over sents and returns the members' trainers,
// handing them to epochDone after each epoch.
func train(sents [][]model.Token, o options, epochDone func(epoch int, accuracy float64, ts []trainers) error) ([]trainers, error) {
	if o.epochs < 1 {
		return nil, fmt.Errorf("train parser: epochs %d < 1", o.epochs)
	}
	if o.members < 1 {
		return nil, fmt.Errorf("train parser: ensemble of %d parsers", o.members)
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
	labelID := map[string]int32{}
	for i, l := range labels {
		labelID[l] = int32(i)
	}
	golds := make([]gold, len(sents))
	for i, s := range sents {
		golds[i] = newGold(s, labelID)
	}
	p, err := trainingParser(labels, golds)
	if err != nil {
		return nil, err
	}
	members := make([]*member, o.members)
	for i := range members {
		m := &member{
			rng:   rand.New(rand.NewPCG(o.seed+uint64(i), 0x9a55e)),
			order: make([]int, len(sents)),
		}
		for j := range m.order {
			m.order[j] = j
		}
		if m.tr.moves, err = linear.NewTrainer(p.moveModel.Classes()); err != nil {
			return nil, fmt.Errorf("train parser: %w", err)
		}
		for d := range m.tr.rels {
			if m.tr.rels[d], err = linear.NewTrainer(p.rels[d].m.Classes()); err != nil {
				return nil, fmt.Errorf("train parser: %w", err)
			}
		}
		members[i] = m
	}
	ts := make([]trainers, len(members))
	for i, m := range members {
		ts[i] = m.tr
	}
	for epoch := 1; epoch <= o.epochs; epoch++ {
		// Members share only read-only data (sentences, gold trees, the
		// move set), so they learn side by side.
		var wg sync.WaitGroup
		for _, m := range members {
			wg.Go(func() { p.trainEpoch(m, sents, golds, epoch, o) })
		}
		wg.Wait()
		good, total := 0, 0
		for _, m := range members {
			good += m.good
			total += m.total
		}
		if err := epochDone(epoch, float64(good)/float64(max(total, 1)), ts); err != nil {
			return nil, err
		}
	}
	return ts, nil
}

// trainEpoch runs one pass of member m over the training sentences.
func (p *Parser) trainEpoch(m *member, sents [][]model.Token, golds []gold, epoch int, o options) {
	tr, sc, rng := m.tr, &m.sc, m.rng
	rng.Shuffle(len(m.order), func(i, j int) { m.order[i], m.order[j] = m.order[j], m.order[i] })
	// From the second epoch on, training follows its own mistakes
	// with probability o.explore.
	explore := func() bool { return epoch > 1 && rng.Float64() < o.explore }
	var c costs
	m.good, m.total = 0, 0
	for _, si := range m.order {
		g := &golds[si]
		st := &sc.st
		st.reset(len(sents[si]))
		sc.ws.reset(sents[si], o.clusters)
		for !st.done() {
			if kind, label, ok := p.forced(st); ok {
				st.apply(kind, label)
				continue
			}
			sc.features()
			sc.score(tr.moves, len(p.moves), sc.feats)
			pred := p.bestMove(st, sc.scores, nil)
			g.costs(st, &c)
			m.total++
			next := pred
			if p.free(p.moves[pred], &c) {
				tr.moves.Learn(sc.feats, pred, pred)
				m.good++
			} else {
				// Projective gold trees always leave a zero-cost move.
				best := p.bestMove(st, sc.scores, &c)
				tr.moves.Learn(sc.feats, best, pred)
				if !explore() {
					next = best
				}
			}
			// The relation of a gold arc is learnt wherever the arc
			// can be made, whatever the move, over all relations of
			// its direction.
			for _, k := range []int{left, right} {
				if gl := c.label(k); gl >= 0 && (k == right || st.canLeft()) {
					a := &p.rels[k-left]
					sc.score(tr.rels[k-left], len(a.label), sc.rfeats)
					tr.rels[k-left].Learn(sc.rfeats, int(a.class[gl]), a.best(sc.scores, -1))
				}
			}
			mv := p.moves[next]
			label := int32(-1)
			if mv.kind == left || mv.kind == right {
				a := &p.rels[mv.kind-left]
				sc.score(tr.rels[mv.kind-left], len(a.label), sc.rfeats)
				label = a.label[a.best(sc.scores, mv.group)]
				if gl := c.label(mv.kind); gl >= 0 && gl != label && a.group[a.class[gl]] == mv.group && !explore() {
					label = gl
				}
			}
			st.apply(mv.kind, label)
		}
	}
}

// trainingParser returns a parser without weights whose moves and relation
// classes are those the gold trees use: per direction, the relations of
// its arcs and the groups that hold any.
func trainingParser(labels []string, golds []gold) (*Parser, error) {
	var seen [2]map[int32]bool
	for d := range seen {
		seen[d] = map[int32]bool{}
	}
	for _, g := range golds {
		n := int32(len(g.head))
		for i, h := range g.head {
			if h == n {
				continue // the root arc is forced, not predicted
			}
			d := 0
			if h < int32(i) {
				d = 1 // the head comes first: a RIGHT arc
			}
			seen[d][g.label[i]] = true
		}
	}
	var relClasses [2][]string
	var groups [2][]string
	for d := range seen {
		ids := make([]int32, 0, len(seen[d]))
		for id := range seen[d] {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			g := groupOf(left+d, labels[id])
			relClasses[d] = append(relClasses[d], relClass(g, labels[id]))
			if !slices.Contains(groups[d], g) {
				groups[d] = append(groups[d], g)
			}
		}
		// Groups in the order of relGroups.
		slices.SortFunc(groups[d], func(a, b string) int {
			return groupRank(left+d, a) - groupRank(left+d, b)
		})
	}
	moves := []string{"SHIFT", "REDUCE"}
	for d, gs := range groups {
		for _, g := range gs {
			moves = append(moves, kindNames[left+d]+":"+g)
		}
	}
	var ms [3]*linear.Model
	for i, cs := range [][]string{moves, relClasses[0], relClasses[1]} {
		t, err := linear.NewTrainer(cs)
		if err != nil {
			return nil, fmt.Errorf("train parser: %w", err)
		}
		if ms[i], err = t.Model(); err != nil {
			return nil, fmt.Errorf("train parser: %w", err)
		}
	}
	p, err := newParser(ms[0], [2]*linear.Model{ms[1], ms[2]})
	if err != nil {
		return nil, fmt.Errorf("train parser: %w", err)
	}
	if !slices.Equal(p.labels, labels) {
		// Only labels never on an arc (an unused "root" below a word)
		// can be missing; the ids must agree with the gold trees'.
		return nil, errors.New("train parser: labels not seen on any arc")
	}
	return p, nil
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

// of is the cost of transition kind k.
func (c *costs) of(k int) int {
	switch k {
	case shift:
		return c.shift
	case reduce:
		return c.reduce
	case left:
		return c.left
	}
	return c.right
}

// label is the gold relation of the arc of kind k (left or right) from the
// state of c, or -1 when that arc is not in the gold tree.
func (c *costs) label(k int) int32 {
	if k == left {
		return c.leftLabel
	}
	return c.rightLabel
}
