// Package cluster holds word clusters learnt from unannotated text with the
// algorithm of Brown et al. (1992), in the windowed form of Liang (2005):
// words that occur in similar contexts share long prefixes of their
// cluster paths. The tagger and parser use path prefixes as features, so
// that what they learnt of a word carries over to words with similar
// paths that the annotated data never showed.
package cluster

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
)

// Options of Brown.
type Option func(*options)

type options struct {
	window   int
	minCount int
	progress func(done, total int)
}

// Window sets how many clusters are active at a time (default 256). Cost
// grows with its square; more clusters keep finer distinctions.
func Window(c int) Option { return func(o *options) { o.window = c } }

// MinCount sets how often a word must occur to be clustered (default 3).
func MinCount(n int) Option { return func(o *options) { o.minCount = n } }

// Progress is called now and then with the merges done and to do.
func Progress(fn func(done, total int)) Option { return func(o *options) { o.progress = fn } }

// Brown clusters the words of sents (each a sentence of words; bigrams do
// not cross sentences) and returns their paths. The result depends only on
// the input and the options.
//
// Words enter by decreasing frequency into a window of active clusters;
// each time the window overflows, the two clusters whose merge loses the
// least mutual information between adjacent clusters are merged. Once all
// words are in, the window's clusters are merged down to one; these last
// merges form a binary tree over them, and a word's path is the sequence
// of left (0) and right (1) turns from the root to its cluster. The words
// of a cluster share its path.
func Brown(sents [][]string, opts ...Option) (*Clusters, error) {
	o := options{window: 256, minCount: 3}
	for _, opt := range opts {
		opt(&o)
	}
	if o.window < 2 {
		return nil, fmt.Errorf("cluster: window %d < 2", o.window)
	}
	vocab, seqs := index(sents, max(o.minCount, 1))
	if len(vocab) < 2 {
		return nil, errors.New("cluster: fewer than two words to cluster")
	}
	b := newBrown(vocab, seqs, min(o.window, len(vocab)))
	total := len(vocab) - 1
	done := 0
	step := func() {
		b.merge()
		done++
		if o.progress != nil && (done%256 == 0 || done == total) {
			o.progress(done, total)
		}
	}
	for w := b.c; w < len(vocab); w++ {
		b.add(int32(w))
		step()
	}
	b.startTree()
	for b.active() > 1 {
		step()
	}
	return b.paths(), nil
}

// word is a vocabulary entry.
type word struct {
	text  string
	count int
}

// index returns the words seen at least minCount times, most frequent
// first (ties by text), and the sentences as word ids (-1: rare word).
func index(sents [][]string, minCount int) ([]word, [][]int32) {
	counts := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			counts[w]++
		}
	}
	var vocab []word
	for w, n := range counts {
		if n >= minCount {
			vocab = append(vocab, word{w, n})
		}
	}
	slices.SortFunc(vocab, func(a, b word) int {
		if a.count != b.count {
			return b.count - a.count
		}
		return cmp.Compare(a.text, b.text)
	})
	id := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		id[w.text] = int32(i)
	}
	seqs := make([][]int32, len(sents))
	for i, s := range sents {
		seqs[i] = make([]int32, len(s))
		for j, w := range s {
			if k, ok := id[w]; ok {
				seqs[i][j] = k
			} else {
				seqs[i][j] = -1
			}
		}
	}
	return vocab, seqs
}

// neighbour is a bigram count with another word.
type neighbour struct {
	word  int32
	count float64
}

// brown is the state of the clustering. Clusters live in c+1 slots; the
// spare slot takes the next word before each merge.
//
// With p(x) the share of tokens in cluster x and p(x,y) the share of
// bigrams of a word in x followed by a word in y, the model's average
// mutual information is the sum over active pairs of
// q(x,y) = p(x,y) log(p(x,y) / (p(x) p(y))).
type brown struct {
	vocab    []word
	c        int           // window
	right    [][]neighbour // per word: words following it, with counts
	left     [][]neighbour // per word: words preceding it
	wordSlot []int32       // slot of each word's cluster, -1 before it enters
	members  [][]int32     // words of each slot
	node     []int32       // tree node of each slot's cluster (0 before the tree), -1 if free
	leaf     []int32       // tree node of each word's cluster
	parent   []int32       // tree: parent of each node, -1 for the root
	isRight  []bool        // tree: whether a node is its parent's right child
	p        []float64     // per slot: p(x)
	n        [][]float64   // n[x][y]: p(x,y)
	q        [][]float64   // q[x][y]
	s        []float64     // s[x]: the sum of q over the pairs involving x
	loss     [][]float64   // loss[x][y], x < y: mutual information lost by merging x and y
	tokens   float64
	bigrams  float64
	tree     bool // the final merges, which build the tree, have begun
}

func newBrown(vocab []word, seqs [][]int32, c int) *brown {
	b := &brown{vocab: vocab, c: c}
	nv := len(vocab)
	right := make([]map[int32]float64, nv)
	left := make([]map[int32]float64, nv)
	for i := range right {
		right[i], left[i] = map[int32]float64{}, map[int32]float64{}
	}
	for _, s := range seqs {
		for i, w := range s {
			if w >= 0 {
				b.tokens++
			}
			if i > 0 && w >= 0 && s[i-1] >= 0 {
				right[s[i-1]][w]++
				left[w][s[i-1]]++
				b.bigrams++
			}
		}
	}
	b.bigrams = max(b.bigrams, 1)
	sorted := func(m map[int32]float64) []neighbour {
		ns := make([]neighbour, 0, len(m))
		for w, n := range m {
			ns = append(ns, neighbour{w, n})
		}
		slices.SortFunc(ns, func(a, b neighbour) int { return cmp.Compare(a.word, b.word) })
		return ns
	}
	b.right, b.left = make([][]neighbour, nv), make([][]neighbour, nv)
	for i := range right {
		b.right[i], b.left[i] = sorted(right[i]), sorted(left[i])
	}
	slots := c + 1
	b.wordSlot = make([]int32, nv)
	for i := range b.wordSlot {
		b.wordSlot[i] = -1
	}
	b.members = make([][]int32, slots)
	b.node = make([]int32, slots)
	b.p = make([]float64, slots)
	b.s = make([]float64, slots)
	b.n, b.q, b.loss = square(slots), square(slots), square(slots)
	for x := range b.node {
		b.node[x] = -1
	}
	for w := range c {
		b.place(int32(w), int32(w))
	}
	for x := range c {
		b.s[x] = b.sumQ(x)
	}
	for x := range c {
		for y := x + 1; y < c; y++ {
			b.loss[x][y] = b.mergeLoss(x, y)
		}
	}
	return b
}

func square(n int) [][]float64 {
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
	}
	return m
}

// q is one term of the mutual information: pxy log(pxy / (px py)).
func q(pxy, px, py float64) float64 {
	if pxy <= 0 {
		return 0
	}
	return pxy * math.Log(pxy/(px*py))
}

// place puts word w alone into the free slot x and sets the counts and q
// of x with the other active slots (the slots' s and loss are left to the
// caller).
func (b *brown) place(w, x int32) {
	b.node[x] = 0
	b.members[x] = append(b.members[x][:0], w)
	b.wordSlot[w] = x
	b.p[x] = float64(b.vocab[w].count) / b.tokens
	for y := range b.n {
		b.n[x][y], b.n[y][x] = 0, 0
	}
	for _, nb := range b.right[w] {
		if y := b.wordSlot[nb.word]; y >= 0 {
			b.n[x][y] += nb.count / b.bigrams
		}
	}
	for _, nb := range b.left[w] {
		// The bigram (w, w) was counted in the loop above.
		if y := b.wordSlot[nb.word]; y >= 0 && y != x {
			b.n[y][x] += nb.count / b.bigrams
		}
	}
	b.setQ(int(x))
}

// setQ recomputes q between slot x and every active slot.
func (b *brown) setQ(x int) {
	for y := range b.node {
		if b.node[y] < 0 {
			continue
		}
		b.q[x][y] = q(b.n[x][y], b.p[x], b.p[y])
		b.q[y][x] = q(b.n[y][x], b.p[y], b.p[x])
	}
}

// sumQ is s[x] computed from q.
func (b *brown) sumQ(x int) float64 {
	s := 0.0
	for y := range b.node {
		if b.node[y] >= 0 {
			s += b.q[x][y] + b.q[y][x]
		}
	}
	return s - b.q[x][x]
}

// mergeLoss computes from scratch the mutual information lost by merging
// the active slots x and y.
func (b *brown) mergeLoss(x, y int) float64 {
	pm := b.p[x] + b.p[y]
	after := q(b.n[x][x]+b.n[x][y]+b.n[y][x]+b.n[y][y], pm, pm)
	for z := range b.node {
		if z == x || z == y || b.node[z] < 0 {
			continue
		}
		after += q(b.n[x][z]+b.n[y][z], pm, b.p[z]) + q(b.n[z][x]+b.n[z][y], b.p[z], pm)
	}
	return b.s[x] + b.s[y] - b.q[x][y] - b.q[y][x] - after
}

// third is what slot z contributes to the merge of x and y: the q terms
// between z and the merged cluster.
func (b *brown) third(x, y, z int) float64 {
	pm := b.p[x] + b.p[y]
	return q(b.n[x][z]+b.n[y][z], pm, b.p[z]) + q(b.n[z][x]+b.n[z][y], b.p[z], pm)
}

func (b *brown) active() int {
	k := 0
	for _, nd := range b.node {
		if nd >= 0 {
			k++
		}
	}
	return k
}

// add puts word w into the free slot and brings s and loss up to date.
func (b *brown) add(w int32) {
	z := int32(slices.Index(b.node, -1))
	b.place(w, z)
	for x := range b.node {
		if b.node[x] >= 0 && x != int(z) {
			b.s[x] += b.q[x][z] + b.q[z][x]
		}
	}
	b.s[z] = b.sumQ(int(z))
	// The pairs not involving z gain the terms of z as a third cluster.
	for x := range b.node {
		if b.node[x] < 0 || x == int(z) {
			continue
		}
		for y := x + 1; y < len(b.node); y++ {
			if b.node[y] < 0 || y == int(z) {
				continue
			}
			b.loss[x][y] += b.q[x][z] + b.q[z][x] + b.q[y][z] + b.q[z][y] - b.third(x, y, int(z))
		}
	}
	for x := range b.node {
		if b.node[x] >= 0 && x != int(z) {
			lo, hi := min(x, int(z)), max(x, int(z))
			b.loss[lo][hi] = b.mergeLoss(lo, hi)
		}
	}
}

// merge merges the pair of active slots of least loss (ties: the first
// pair in slot order) into the lower slot and frees the other.
func (b *brown) merge() {
	bx, by := -1, -1
	for x := range b.node {
		if b.node[x] < 0 {
			continue
		}
		for y := x + 1; y < len(b.node); y++ {
			if b.node[y] >= 0 && (bx < 0 || b.loss[x][y] < b.loss[bx][by]) {
				bx, by = x, y
			}
		}
	}
	x, y := bx, by
	// Old terms of x and y as third clusters of every other pair.
	others := make([]int, 0, len(b.node))
	for z := range b.node {
		if b.node[z] >= 0 && z != x && z != y {
			others = append(others, z)
		}
	}
	oldS := slices.Clone(b.s)
	for i, u := range others {
		for _, v := range others[i+1:] {
			b.loss[u][v] += b.third(u, v, x) + b.third(u, v, y)
		}
	}
	// Merge the counts of y into x.
	for _, z := range others {
		b.n[x][z] += b.n[y][z]
		b.n[z][x] += b.n[z][y]
	}
	b.n[x][x] += b.n[x][y] + b.n[y][x] + b.n[y][y]
	b.p[x] += b.p[y]
	for _, z := range others {
		b.s[z] += -b.q[z][x] - b.q[x][z] - b.q[z][y] - b.q[y][z]
	}
	if b.tree {
		nd := b.newNode()
		b.parent[b.node[x]], b.parent[b.node[y]] = nd, nd
		b.isRight[b.node[y]] = true
		b.node[x] = nd
	}
	b.node[y] = -1
	for _, w := range b.members[y] {
		b.wordSlot[w] = int32(x)
	}
	b.members[x] = append(b.members[x], b.members[y]...)
	b.members[y] = b.members[y][:0]
	b.setQ(x)
	for _, z := range others {
		b.s[z] += b.q[z][x] + b.q[x][z]
	}
	b.s[x] = b.sumQ(x)
	for i, u := range others {
		for _, v := range others[i+1:] {
			b.loss[u][v] += b.s[u] - oldS[u] + b.s[v] - oldS[v] - b.third(u, v, x)
		}
	}
	for _, z := range others {
		lo, hi := min(x, z), max(x, z)
		b.loss[lo][hi] = b.mergeLoss(lo, hi)
	}
}

// startTree makes the active clusters the leaves of the tree that the
// remaining merges build.
func (b *brown) startTree() {
	b.tree = true
	for x := range b.node {
		if b.node[x] >= 0 {
			b.node[x] = b.newNode()
		}
	}
	b.leaf = make([]int32, len(b.vocab))
	for w, x := range b.wordSlot {
		b.leaf[w] = b.node[x]
	}
}

func (b *brown) newNode() int32 {
	b.parent = append(b.parent, -1)
	b.isRight = append(b.isRight, false)
	return int32(len(b.parent) - 1)
}

// paths reads each word's path off the merge tree.
func (b *brown) paths() *Clusters {
	c := &Clusters{paths: make(map[string]string, len(b.vocab))}
	var buf []byte
	for w := range b.vocab {
		buf = buf[:0]
		for nd := b.leaf[w]; b.parent[nd] >= 0; nd = b.parent[nd] {
			if b.isRight[nd] {
				buf = append(buf, '1')
			} else {
				buf = append(buf, '0')
			}
		}
		slices.Reverse(buf)
		c.paths[b.vocab[w].text] = string(buf)
	}
	return c
}
