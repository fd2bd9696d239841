// Package parser is a greedy transition-based dependency parser (arc-eager
// with the root at the end of the buffer) scoring transitions with
// averaged perceptrons over the rich features of Zhang and Nivre (2011)
// and word clusters, trained with the dynamic oracle of Goldberg and Nivre
// (2012) on UD English EWT and GUM with jackknifed predicted tags.
//
// Each step first picks a move: SHIFT, REDUCE, or a LEFT or RIGHT arc with
// a relation group (see relGroups), and then, for an arc, the relation
// within the group. The move model has 12 classes, so its 8-bit weights
// sit inline in its table and each of its many features costs one memory
// access; the relation models, with a class per relation, read fewer
// features and run only for arcs. Round one scored all 104 labelled
// transitions over every feature; this is 2.5 times faster.
//
// Parsing does 2n transitions for n words, each in constant time and
// memory, so a sentence of any length is parsed in time and memory linear
// in its length; no chunking is needed.
package parser

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/cluster"
	"github.com/parleyhq/parley/internal/nlp/linear"
)

// ModelFile is the embedded model's file name inside this package's folder;
// "parley train parser" writes it.
const ModelFile = "model.bin"

//go:embed model.bin
var embedded []byte

// RootLabel is the relation of the word attached to the root.
const RootLabel = "root"

// extraRootLabel attaches the words that the parser also hung from the root
// to the first such word, keeping one root per sentence as UD requires.
const extraRootLabel = "parataxis"

// Parser is a trained parser. It is immutable and safe for concurrent use.
type Parser struct {
	moveModel  *linear.Model // moves over moveTemplates
	moves      []move        // per class of moveModel
	rels       [2]arcModel   // relations of LEFT and RIGHT arcs over relTemplates
	labels     []string      // label id -> relation
	labelGroup [2][]int8     // per direction and label id: its group (training)
	root       int32         // label id of RootLabel
	clusters   *cluster.Clusters
}

// Default returns the embedded parser, loaded once.
var Default = sync.OnceValues(func() (*Parser, error) {
	p, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded parser model: %w", err)
	}
	return p, nil
})

// newParser checks that the models fit together. The label ids are those
// of the relations of both arc models and the root, sorted.
func newParser(moveModel *linear.Model, rels [2]*linear.Model) (*Parser, error) {
	moves, groups, err := parseMoves(moveModel.Classes())
	if err != nil {
		return nil, err
	}
	labels := []string{RootLabel}
	for _, m := range rels {
		for _, c := range m.Classes() {
			_, rel, _ := strings.Cut(c, " ")
			labels = append(labels, rel)
		}
	}
	slices.Sort(labels)
	labels = slices.Compact(labels)
	p := &Parser{moveModel: moveModel, moves: moves, labels: labels, root: int32(slices.Index(labels, RootLabel))}
	p.setLabelGroups(groups)
	ids := map[string]int32{}
	for i, l := range labels {
		ids[l] = int32(i)
	}
	for d, m := range rels {
		if p.rels[d], err = newArcModel(m.Classes(), ids, groups[d]); err != nil {
			return nil, err
		}
		p.rels[d].m = m
	}
	return p, nil
}

// setLabelGroups sets labelGroup from the groups of each direction.
func (p *Parser) setLabelGroups(groups [2][]string) {
	for d := range groups {
		p.labelGroup[d] = make([]int8, len(p.labels))
		for i, l := range p.labels {
			p.labelGroup[d][i] = int8(slices.Index(groups[d], groupOf(left+d, l)))
		}
	}
}

// Labels returns the relations the parser can assign. Do not modify.
func (p *Parser) Labels() []string { return p.labels }

// forced returns the only valid transition of s, if there is only one:
// SHIFT on an empty stack, and once the buffer holds only the root, REDUCE
// or the root arc. Parsing skips scoring these.
func (p *Parser) forced(s *state) (kind int, label int32, ok bool) {
	switch {
	case len(s.stack) == 0:
		return shift, -1, true
	case s.b == s.n && s.head[s.top()] >= 0:
		return reduce, -1, true
	case s.b == s.n:
		return left, p.root, true
	}
	return 0, 0, false
}

// scratch is reusable per-call memory.
type scratch struct {
	st     state
	ws     words
	all    [numTemplates]linear.Feature
	feats  []linear.Feature // moveTemplates
	rfeats []linear.Feature // relTemplates
	scores []float32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// features computes the features of the state for both models.
func (s *scratch) features() {
	features(&s.all, &s.st, &s.ws)
	s.feats = gather(s.feats[:0], &s.all, moveTemplates)
	s.rfeats = gather(s.rfeats[:0], &s.all, relTemplates)
}

// score sets s.scores to the scores of m over feats.
func (s *scratch) score(m linear.Scorer, n int, feats []linear.Feature) {
	if cap(s.scores) < n {
		s.scores = make([]float32, n)
	}
	s.scores = s.scores[:n]
	m.Score(feats, s.scores)
}

// Parse sets Head (1-based, 0 for the root) and Deprel of every token,
// reading Text, UPOS and XPOS. The result is a tree with one root.
func (p *Parser) Parse(toks []model.Token) {
	if len(toks) == 0 {
		return
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	st := &sc.st
	st.reset(len(toks))
	sc.ws.reset(toks, p.clusters)
	for !st.done() {
		kind, label, ok := p.forced(st)
		if !ok {
			// The relation features only for an arc: training needs both
			// sets at every step (sc.features), parsing does not.
			features(&sc.all, st, &sc.ws)
			sc.feats = gather(sc.feats[:0], &sc.all, moveTemplates)
			sc.score(p.moveModel, len(p.moves), sc.feats)
			m := p.moves[p.bestMove(st, sc.scores, nil)]
			kind = m.kind
			if kind == left || kind == right {
				a := &p.rels[kind-left]
				sc.rfeats = gather(sc.rfeats[:0], &sc.all, relTemplates)
				sc.score(a.m, len(a.label), sc.rfeats)
				label = a.label[a.best(sc.scores, m.group)]
			}
		}
		st.apply(kind, label)
	}
	p.output(st, toks)
}

// output copies the arcs of a final state to toks.
func (p *Parser) output(st *state, toks []model.Token) {
	n := st.n
	root := int32(-1)
	for i := range toks {
		h := st.head[i]
		switch {
		case h == n && root < 0:
			root = int32(i)
			toks[i].Head, toks[i].Deprel = 0, RootLabel
		case h == n:
			// A second root: hang it from the first. Its subtree cannot
			// hold the first root, so the graph stays a tree.
			toks[i].Head, toks[i].Deprel = int(root)+1, extraRootLabel
		default:
			toks[i].Head, toks[i].Deprel = int(h)+1, p.labels[st.label[i]]
		}
	}
}

const magic = "PLYPAR2\n"

// WriteTo writes the parser: magic, the checksum of its word clusters
// (8 bytes, little-endian; 0: none), then the move model and the relation
// models of left and right arcs.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	var sum uint64
	if p.clusters != nil {
		sum = p.clusters.Sum()
	}
	k, err := w.Write(binary.LittleEndian.AppendUint64([]byte(magic), sum))
	n := int64(k)
	for _, m := range []*linear.Model{p.moveModel, p.rels[0].m, p.rels[1].m} {
		if err != nil {
			return n, err
		}
		var k int64
		k, err = m.WriteTo(w)
		n += k
	}
	return n, err
}

// WriteFile writes the parser to path.
func (p *Parser) WriteFile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := p.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// Read reads a parser written by WriteTo.
func Read(r io.Reader) (*Parser, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	n, err := io.ReadFull(br, head)
	if n == 0 {
		return nil, errors.New("empty parser model (train one with \"parley train parser\")")
	}
	if err != nil || string(head) != magic {
		return nil, errors.New("not a parser model (bad magic)")
	}
	var sum [8]byte
	if _, err := io.ReadFull(br, sum[:]); err != nil {
		return nil, errors.New("parser model: truncated cluster checksum")
	}
	cl, err := cluster.ForSum(binary.LittleEndian.Uint64(sum[:]))
	if err != nil {
		return nil, fmt.Errorf("parser model: %w", err)
	}
	var ms [3]*linear.Model
	for i, what := range []string{"moves", "left arcs", "right arcs"} {
		m, err := linear.ReadModel(br)
		if err != nil {
			return nil, fmt.Errorf("parser model (%s): %w", what, err)
		}
		ms[i] = m
	}
	p, err := newParser(ms[0], [2]*linear.Model{ms[1], ms[2]})
	if err != nil {
		return nil, err
	}
	p.clusters = cl
	return p, nil
}
