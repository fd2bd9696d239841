package linear

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Scorer adds class scores for a set of features. Both the Trainer (current
// weights) and the Model (averaged weights) implement it, so decoders can be
// shared between training and prediction.
type Scorer interface {
	// Score sets scores[c] to the score of class c; len(scores) must be at
	// least the number of classes.
	Score(feats []Feature, scores []float32)
}

// Model is a trained, immutable model. It is safe for concurrent use.
//
// Layout: an open-addressing table of 8-byte slots, each packing a 40-bit
// feature key and a 24-bit offset into data. data[off] holds the number of
// weights n of that feature, and data[off+1 : off+1+n] the weights, each
// packing a class (high 16 bits) and an int16 quantised weight (low 16 bits).
// Weights are stored sparsely because a perceptron only ever touches the
// classes a feature was predicted or seen with.
type Model struct {
	classes []string
	scale   float32 // weight = int16 * scale
	slots   []uint64
	mask    uint64
	data    []uint32
	nfeat   int
}

const offBits = 64 - keyBits

// maxData bounds data so offsets fit in a slot.
const maxData = 1 << offBits

// Classes returns the class names, indexed by class id. Do not modify.
func (m *Model) Classes() []string { return m.classes }

// NumClasses is the number of classes.
func (m *Model) NumClasses() int { return len(m.classes) }

// NumFeatures is the number of stored features.
func (m *Model) NumFeatures() int { return m.nfeat }

// NumWeights is the number of stored non-zero weights.
func (m *Model) NumWeights() int { return len(m.data) - 1 - m.nfeat }

// Score implements Scorer.
func (m *Model) Score(feats []Feature, scores []float32) {
	n := len(m.classes)
	scores = scores[:n]
	for i := range scores {
		scores[i] = 0
	}
	// Sums of int16 values stay exact in float32 up to 2^24, i.e. for more
	// than 500 features at full weight, so scores do not depend on order.
	//
	// Lookups go first, in a loop of independent loads, so that the
	// processor overlaps their cache misses; then the rows are summed.
	var offs [64]uint32
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(offs))]
		feats = feats[len(chunk):]
		for i, f := range chunk {
			offs[i] = m.lookup(key(f))
		}
		for _, off := range offs[:len(chunk)] {
			if off == 0 {
				continue
			}
			cnt := m.data[off]
			for _, e := range m.data[off+1 : off+1+cnt] {
				scores[e>>16] += float32(int16(uint16(e)))
			}
		}
	}
	for i := range scores {
		scores[i] *= m.scale
	}
}

// lookup returns the data offset of the row of k, or 0.
func (m *Model) lookup(k uint64) uint32 {
	if len(m.slots) == 0 {
		return 0
	}
	i := k & m.mask
	for {
		s := m.slots[i]
		if s == 0 {
			return 0
		}
		if s>>offBits == k {
			return uint32(s & (maxData - 1))
		}
		i = (i + 1) & m.mask
	}
}

// row is one feature's weights while building a model.
type row struct {
	key     uint64
	classes []uint16
	weights []int16
}

// build makes a Model from rows sorted by key with distinct keys.
func build(classes []string, scale float32, rows []row) (*Model, error) {
	m := &Model{classes: classes, scale: scale, nfeat: len(rows)}
	size := 1
	for size < 2*len(rows)+2 {
		size <<= 1
	}
	m.slots = make([]uint64, size)
	m.mask = uint64(size - 1)
	total := 1
	for _, r := range rows {
		total += 1 + len(r.classes)
	}
	if total >= maxData {
		return nil, fmt.Errorf("model too large: %d weights (limit %d)", total, maxData)
	}
	m.data = make([]uint32, 1, total) // data[0] unused: offset 0 means "absent"
	for _, r := range rows {
		off := uint32(len(m.data))
		m.data = append(m.data, uint32(len(r.classes)))
		for j, c := range r.classes {
			m.data = append(m.data, uint32(c)<<16|uint32(uint16(r.weights[j])))
		}
		i := r.key & m.mask
		for m.slots[i] != 0 {
			i = (i + 1) & m.mask
		}
		m.slots[i] = r.key<<offBits | uint64(off)
	}
	return m, nil
}

const magic = "PLYLIN1\n"

// maxClasses bounds the class count: a class id is stored in 16 bits.
const maxClasses = 1 << 16

// WriteTo writes the model in its binary form: magic, classes, scale, then
// the features sorted by key, keys delta-encoded, weights as varints.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	cw := &countWriter{w: bw}
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { cw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	sv := func(v int64) { cw.Write(buf[:binary.PutVarint(buf[:], v)]) }
	cw.Write([]byte(magic))
	uv(uint64(len(m.classes)))
	for _, c := range m.classes {
		uv(uint64(len(c)))
		cw.Write([]byte(c))
	}
	uv(uint64(math.Float32bits(m.scale)))
	rows := m.rows()
	uv(uint64(len(rows)))
	prev := uint64(0)
	for _, r := range rows {
		uv(r.key - prev)
		prev = r.key
		uv(uint64(len(r.classes)))
		pc := 0
		for j, c := range r.classes {
			uv(uint64(int(c) - pc)) // classes ascend within a row
			pc = int(c)
			sv(int64(r.weights[j]))
		}
	}
	if cw.err != nil {
		return cw.n, cw.err
	}
	return cw.n, bw.Flush()
}

// rows lists the stored features sorted by key.
func (m *Model) rows() []row {
	rows := make([]row, 0, m.nfeat)
	for _, s := range m.slots {
		if s == 0 {
			continue
		}
		off := uint32(s & (maxData - 1))
		cnt := m.data[off]
		r := row{key: s >> offBits, classes: make([]uint16, cnt), weights: make([]int16, cnt)}
		for j, e := range m.data[off+1 : off+1+cnt] {
			r.classes[j] = uint16(e >> 16)
			r.weights[j] = int16(uint16(e))
		}
		rows = append(rows, r)
	}
	sortRows(rows)
	return rows
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// ReadModel reads a model written by WriteTo. Corrupt or truncated input
// gives an error naming the part that was wrong.
func ReadModel(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("linear model: bad magic (not a model file)")
	}
	uv := func(what string, limit uint64) (uint64, error) {
		v, err := binary.ReadUvarint(br)
		if err != nil {
			return 0, fmt.Errorf("linear model: read %s: %w", what, unexpected(err))
		}
		if v > limit {
			return 0, fmt.Errorf("linear model: %s %d out of range (max %d)", what, v, limit)
		}
		return v, nil
	}
	nc, err := uv("class count", maxClasses)
	if err != nil {
		return nil, err
	}
	classes := make([]string, nc)
	for i := range classes {
		n, err := uv("class name length", 1<<16)
		if err != nil {
			return nil, err
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("linear model: read class name: %w", unexpected(err))
		}
		classes[i] = string(b)
	}
	sb, err := uv("scale", math.MaxUint32)
	if err != nil {
		return nil, err
	}
	scale := math.Float32frombits(uint32(sb))
	if math.IsNaN(float64(scale)) || math.IsInf(float64(scale), 0) || scale < 0 {
		return nil, fmt.Errorf("linear model: bad scale %v", scale)
	}
	nf, err := uv("feature count", maxData)
	if err != nil {
		return nil, err
	}
	rows := make([]row, 0, min(nf, 1<<20))
	prev := uint64(0)
	total := uint64(1)
	for i := uint64(0); i < nf; i++ {
		d, err := uv("feature key", 1<<keyBits)
		if err != nil {
			return nil, err
		}
		k := prev + d
		if (i > 0 && d == 0) || k == 0 || k >= 1<<keyBits {
			return nil, fmt.Errorf("linear model: feature %d: bad key", i)
		}
		prev = k
		cnt, err := uv("weight count", nc)
		if err != nil {
			return nil, err
		}
		total += 1 + cnt
		if total >= maxData {
			return nil, errors.New("linear model: too many weights")
		}
		r := row{key: k, classes: make([]uint16, cnt), weights: make([]int16, cnt)}
		c := uint64(0)
		for j := range r.classes {
			d, err := uv("class id", nc)
			if err != nil {
				return nil, err
			}
			c += d
			if c >= nc || (j > 0 && d == 0) {
				return nil, fmt.Errorf("linear model: feature %d: bad class id", i)
			}
			w, err := binary.ReadVarint(br)
			if err != nil {
				return nil, fmt.Errorf("linear model: read weight: %w", unexpected(err))
			}
			if w < math.MinInt16 || w > math.MaxInt16 {
				return nil, fmt.Errorf("linear model: feature %d: weight %d out of range", i, w)
			}
			r.classes[j] = uint16(c)
			r.weights[j] = int16(w)
		}
		rows = append(rows, r)
	}
	return build(classes, scale, rows)
}

func unexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}
