// Package tagger assigns UPOS and Penn XPOS tags with a greedy left-to-right
// averaged-perceptron tagger trained on UD English EWT. It predicts the
// (UPOS, XPOS) pair as one class, so the two tags always agree.
package tagger

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/cluster"
	"github.com/parleyhq/parley/internal/nlp/linear"
)

// ModelFile is the embedded model's file name inside this package's folder;
// "parley train tagger" writes it.
const ModelFile = "model.bin"

//go:embed model.bin
var embedded []byte

// Tagger is a trained tagger. It is immutable and safe for concurrent use.
//
// It tags in two left-to-right passes: the second pass sees the first
// pass's tags of the words to the right, which a single greedy pass cannot.
type Tagger struct {
	first, second *linear.Model
	upos, xpos    []string // per class id
	lex           lexicon
	clusters      *cluster.Clusters // nil: no cluster features
	// sure is the first-pass score margin above which the second pass
	// keeps the first pass's tag without scoring.
	sure float32
}

// Default returns the embedded tagger, loaded once.
var Default = sync.OnceValues(func() (*Tagger, error) {
	t, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded tagger model: %w", err)
	}
	return t, nil
})

// lexEntry is what training saw of a word form.
type lexEntry struct {
	classes []int32 // its frequent tags (the ambiguity class), sorted
	amb     uint64  // hash of classes
	only    int32   // the class of a frequent, unambiguous word; -1 otherwise
}

// lexicon maps exact forms, and lowercased forms prefixed with "\x00",
// to entries.
type lexicon map[string]*lexEntry

func ambHash(classes []int32) uint64 {
	f := linear.Template(1 << 20)
	for _, c := range classes {
		f = f.Int(uint64(c))
	}
	return uint64(f)
}

// Classes returns the tag classes as "UPOS|XPOS" strings.
func (t *Tagger) Classes() []string { return t.first.Classes() }

// scratch is reusable per-call memory.
type scratch struct {
	words      []word
	feats      []linear.Feature
	scores     []float32
	firstPass  []int32 // padded like words
	secondPass []int32
	margin     []float32 // per word: first-pass margin of the best class
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// prepare analyses toks and sizes the buffers for n classes; cl may be
// nil.
func (s *scratch) prepare(lx lexicon, cl *cluster.Clusters, toks []model.Token, n int) {
	s.words = lx.words(s.words[:0], toks, cl)
	if cap(s.scores) < n {
		s.scores = make([]float32, n)
	}
	s.scores = s.scores[:n]
	s.firstPass = fill(s.firstPass, len(s.words), -1)
	s.secondPass = fill(s.secondPass, len(s.words), -1)
	if cap(s.margin) < len(toks) {
		s.margin = make([]float32, len(toks))
	}
	s.margin = s.margin[:len(toks)]
}

func fill(x []int32, n int, v int32) []int32 {
	if cap(x) < n {
		x = make([]int32, n)
	}
	x = x[:n]
	for i := range x {
		x[i] = v
	}
	return x
}

// Tag sets UPOS and XPOS of every token from its Text.
func (t *Tagger) Tag(toks []model.Token) {
	if len(toks) == 0 {
		return
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.prepare(t.lex, t.clusters, toks, t.first.NumClasses())
	out := s.firstPass
	s.pass(t.first, toks, nil, out, nil, 0)
	if t.second != nil {
		out = s.secondPass
		s.pass(t.second, toks, s.firstPass, out, nil, t.sure)
	}
	for i := range toks {
		c := out[i+pad]
		toks[i].UPOS, toks[i].XPOS = t.upos[c], t.xpos[c]
	}
}

// words fills ws with the padded analyses of toks.
func (lx lexicon) words(ws []word, toks []model.Token, cl *cluster.Clusters) []word {
	for range pad {
		ws = append(ws, startWord)
	}
	for i := range toks {
		ws = append(ws, lx.analyse(toks[i].Text, cl))
	}
	for range pad {
		ws = append(ws, endWord)
	}
	return ws
}

// pass tags toks left to right with sc, writing classes to out (padded like
// s.words). first is the first pass's output in the second pass, else nil.
// Frequent unambiguous words take their one class without scoring, and so
// do, in the second pass, words whose first-pass margin is at least sure.
// The first pass records the margins. When learn is not nil it gets the
// features and prediction of every scored word.
func (s *scratch) pass(sc linear.Scorer, toks []model.Token, first, out []int32, learn func(feats []linear.Feature, i int, guess int32), sure float32) {
	var prev, prev2 int32 = -1, -1
	for i := range toks {
		var c int32
		if only := s.words[i+pad].only; only >= 0 {
			c = only
			if first == nil {
				s.margin[i] = float32(math.Inf(1))
			}
		} else if first != nil && learn == nil && s.margin[i] >= sure {
			c = first[i+pad]
		} else {
			s.feats = features(s.feats[:0], s.words, i+pad, prev, prev2, first)
			sc.Score(s.feats, s.scores)
			best, second := float32(math.Inf(-1)), float32(math.Inf(-1))
			for k, v := range s.scores {
				if v > best {
					c, best, second = int32(k), v, best
				} else if v > second {
					second = v
				}
			}
			if first == nil {
				s.margin[i] = best - second
			}
			if learn != nil {
				learn(s.feats, i, c)
			}
		}
		out[i+pad] = c
		prev2, prev = prev, c
	}
}

const magic = "PLYTAG2\n"

// WriteTo writes the tagger: magic, lexicon, pass count, the second pass's
// margin (float32 bits), the checksum of its word clusters (0: none), then
// the linear models.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString(magic)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { b.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	keys := make([]string, 0, len(t.lex))
	for k := range t.lex {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	uv(uint64(len(keys)))
	for _, k := range keys {
		e := t.lex[k]
		uv(uint64(len(k)))
		b.WriteString(k)
		uv(uint64(e.only + 1))
		uv(uint64(len(e.classes)))
		for _, c := range e.classes {
			uv(uint64(c))
		}
	}
	passes := uint64(1)
	if t.second != nil {
		passes = 2
	}
	uv(passes)
	uv(uint64(math.Float32bits(t.sure)))
	var sum uint64
	if t.clusters != nil {
		sum = t.clusters.Sum()
	}
	uv(sum)
	total, err := w.Write(b.Bytes())
	if err != nil {
		return int64(total), err
	}
	n := int64(total)
	for _, m := range []*linear.Model{t.first, t.second}[:passes] {
		k, err := m.WriteTo(w)
		n += k
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// WriteFile writes the tagger to path.
func (t *Tagger) WriteFile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := t.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// Read reads a tagger written by WriteTo.
func Read(r io.Reader) (*Tagger, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		if len(head) == 0 || errors.Is(err, io.EOF) {
			return nil, errors.New("empty tagger model (train one with \"parley train tagger\")")
		}
		return nil, errors.New("not a tagger model (bad magic)")
	}
	uv := func(what string, limit uint64) (uint64, error) {
		v, err := binary.ReadUvarint(br)
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return 0, fmt.Errorf("tagger model: read %s: %w", what, err)
		}
		if v > limit {
			return 0, fmt.Errorf("tagger model: %s %d out of range", what, v)
		}
		return v, nil
	}
	n, err := uv("lexicon size", 1<<24)
	if err != nil {
		return nil, err
	}
	type pending struct {
		key     string
		only    int64
		classes []int32
	}
	entries := make([]pending, 0, min(n, 1<<16))
	for range n {
		kl, err := uv("word length", 1<<16)
		if err != nil {
			return nil, err
		}
		k := make([]byte, kl)
		if _, err := io.ReadFull(br, k); err != nil {
			return nil, fmt.Errorf("tagger model: read word: %w", io.ErrUnexpectedEOF)
		}
		only, err := uv("word class", 1<<16)
		if err != nil {
			return nil, err
		}
		nc, err := uv("ambiguity class size", 1<<16)
		if err != nil {
			return nil, err
		}
		p := pending{key: string(k), only: int64(only) - 1, classes: make([]int32, nc)}
		for j := range p.classes {
			c, err := uv("ambiguity class", 1<<16)
			if err != nil {
				return nil, err
			}
			p.classes[j] = int32(c)
		}
		entries = append(entries, p)
	}
	passes, err := uv("pass count", 2)
	if err != nil {
		return nil, err
	}
	if passes == 0 {
		return nil, errors.New("tagger model: no passes")
	}
	sb, err := uv("margin", math.MaxUint32)
	if err != nil {
		return nil, err
	}
	sure := math.Float32frombits(uint32(sb))
	if math.IsNaN(float64(sure)) || sure < 0 {
		return nil, fmt.Errorf("tagger model: bad margin %v", sure)
	}
	sum, err := uv("cluster checksum", math.MaxUint64)
	if err != nil {
		return nil, err
	}
	cl, err := cluster.ForSum(sum)
	if err != nil {
		return nil, fmt.Errorf("tagger model: %w", err)
	}
	var ms []*linear.Model
	for range passes {
		m, err := linear.ReadModel(br)
		if err != nil {
			return nil, fmt.Errorf("tagger model: %w", err)
		}
		ms = append(ms, m)
	}
	m := ms[0]
	if len(ms) == 2 && !slices.Equal(ms[1].Classes(), m.Classes()) {
		return nil, errors.New("tagger model: the passes have different classes")
	}
	nc := int64(m.NumClasses())
	lex := make(lexicon, len(entries))
	for _, p := range entries {
		if p.only >= nc {
			return nil, fmt.Errorf("tagger model: word %q: class %d out of range", p.key, p.only)
		}
		for _, c := range p.classes {
			if int64(c) >= nc {
				return nil, fmt.Errorf("tagger model: word %q: class %d out of range", p.key, c)
			}
		}
		lex[p.key] = &lexEntry{classes: p.classes, amb: ambHash(p.classes), only: int32(p.only)}
	}
	var second *linear.Model
	if len(ms) == 2 {
		second = ms[1]
	}
	return newTagger(m, second, lex, sure, cl)
}

func newTagger(first, second *linear.Model, lex lexicon, sure float32, cl *cluster.Clusters) (*Tagger, error) {
	t := &Tagger{first: first, second: second, lex: lex, sure: sure, clusters: cl}
	for _, c := range first.Classes() {
		u, x, ok := strings.Cut(c, "|")
		if !ok {
			return nil, fmt.Errorf("tagger model: class %q is not UPOS|XPOS", c)
		}
		t.upos = append(t.upos, u)
		t.xpos = append(t.xpos, x)
	}
	return t, nil
}
