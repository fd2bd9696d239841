// Package parser is a greedy transition-based dependency parser (labelled
// arc-eager with the root at the end of the buffer) scoring transitions with
// an averaged perceptron over the rich features of Zhang and Nivre (2011),
// trained with the dynamic oracle of Goldberg and Nivre (2012) on UD
// English EWT with jackknifed predicted tags.
//
// Parsing does 2n transitions for n words, each in constant time and
// memory, so a sentence of any length is parsed in time and memory linear
// in its length; no chunking is needed.
package parser

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/parleyhq/parley/internal/model"
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
	model  *linear.Model
	labels []string // label id -> relation
	root   int32    // label id of RootLabel
}

// Default returns the embedded parser, loaded once.
var Default = sync.OnceValues(func() (*Parser, error) {
	p, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded parser model: %w", err)
	}
	return p, nil
})

// Class layout: 0 SHIFT, 1 REDUCE, then LEFT-l for every label, then
// RIGHT-l for every label.
func classNames(labels []string) []string {
	cs := []string{"SHIFT", "REDUCE"}
	for _, l := range labels {
		cs = append(cs, "L:"+l)
	}
	for _, l := range labels {
		cs = append(cs, "R:"+l)
	}
	return cs
}

func newParser(m *linear.Model) (*Parser, error) {
	cs := m.Classes()
	if len(cs) < 4 || (len(cs)-2)%2 != 0 || cs[0] != "SHIFT" || cs[1] != "REDUCE" {
		return nil, errors.New("parser model: unexpected class layout")
	}
	nl := (len(cs) - 2) / 2
	p := &Parser{model: m, root: -1}
	for i := range nl {
		l, ok := strings.CutPrefix(cs[2+i], "L:")
		if !ok || cs[2+nl+i] != "R:"+l {
			return nil, fmt.Errorf("parser model: unexpected class %q", cs[2+i])
		}
		if l == RootLabel {
			p.root = int32(i)
		}
		p.labels = append(p.labels, l)
	}
	if p.root < 0 {
		return nil, fmt.Errorf("parser model: no %q label", RootLabel)
	}
	return p, nil
}

// Labels returns the relations the parser can assign. Do not modify.
func (p *Parser) Labels() []string { return p.labels }

// decode maps a class id to a transition.
func (p *Parser) decode(c int) (kind int, label int32) {
	nl := len(p.labels)
	switch {
	case c == 0:
		return shift, -1
	case c == 1:
		return reduce, -1
	case c < 2+nl:
		return left, int32(c - 2)
	}
	return right, int32(c - 2 - nl)
}

func (p *Parser) class(kind int, label int32) int {
	switch kind {
	case shift:
		return 0
	case reduce:
		return 1
	case left:
		return 2 + int(label)
	}
	return 2 + len(p.labels) + int(label)
}

// best returns the highest-scoring transition valid in s. When cost is not
// nil, only transitions of zero cost count.
func (p *Parser) best(s *state, scores []float32, cost *costs) int {
	nl := len(p.labels)
	best, bestScore := -1, float32(0)
	consider := func(c int) {
		if best < 0 || scores[c] > bestScore {
			best, bestScore = c, scores[c]
		}
	}
	if s.canShift() && (cost == nil || cost.shift == 0) {
		consider(0)
	}
	if s.canReduce() && (cost == nil || cost.reduce == 0) {
		consider(1)
	}
	if cost == nil || cost.left == 0 {
		if s.canLeft(true) {
			consider(2 + int(p.root))
		} else if s.canLeft(false) {
			for l := range nl {
				if int32(l) != p.root && (cost == nil || cost.leftLabel < 0 || cost.leftLabel == int32(l)) {
					consider(2 + l)
				}
			}
		}
	}
	if s.canRight(false) && (cost == nil || cost.right == 0) {
		for l := range nl {
			if int32(l) != p.root && (cost == nil || cost.rightLabel < 0 || cost.rightLabel == int32(l)) {
				consider(2 + nl + l)
			}
		}
	}
	return best
}

// forced returns the only valid transition of s, if there is only one:
// SHIFT on an empty stack, and once the buffer holds only the root, REDUCE
// or the root arc. Parsing skips scoring these.
func (p *Parser) forced(s *state) (int, bool) {
	switch {
	case len(s.stack) == 0:
		return p.class(shift, -1), true
	case s.b == s.n && s.head[s.top()] >= 0:
		return p.class(reduce, -1), true
	case s.b == s.n:
		return p.class(left, p.root), true
	}
	return 0, false
}

// scratch is reusable per-call memory.
type scratch struct {
	st     state
	ws     words
	feats  []linear.Feature
	scores []float32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func (s *scratch) sized(n int) {
	if cap(s.scores) < n {
		s.scores = make([]float32, n)
	}
	s.scores = s.scores[:n]
}

// Parse sets Head (1-based, 0 for the root) and Deprel of every token,
// reading Text, UPOS and XPOS. The result is a tree with one root.
func (p *Parser) Parse(toks []model.Token) {
	if len(toks) == 0 {
		return
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.sized(p.model.NumClasses())
	st := &sc.st
	st.reset(len(toks))
	sc.ws.reset(toks)
	for !st.done() {
		c, ok := p.forced(st)
		if !ok {
			sc.feats = features(sc.feats[:0], st, &sc.ws)
			p.model.Score(sc.feats, sc.scores)
			c = p.best(st, sc.scores, nil)
		}
		st.apply(p.decode(c))
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

const magic = "PLYPAR1\n"

// WriteTo writes the parser: magic, then the linear model.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	n, err := io.WriteString(w, magic)
	if err != nil {
		return int64(n), err
	}
	m, err := p.model.WriteTo(w)
	return int64(n) + m, err
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
	m, err := linear.ReadModel(br)
	if err != nil {
		return nil, fmt.Errorf("parser model: %w", err)
	}
	return newParser(m)
}
