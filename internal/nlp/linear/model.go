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
// Layout: an open-addressing table of 8-byte slots, each packing a 32-bit
// feature key (high half) and a 32-bit offset into data. data[off] holds the number of
// weights n of that feature, and data[off+1 : off+1+n] the weights, each
// packing a class (high 16 bits) and an int16 quantised weight (low 16 bits).
// Weights are stored sparsely because a perceptron only ever touches the
// classes a feature was predicted or seen with.
//
// Rows that hold weights for a large share of the classes (features of
// frequent tag combinations, which fire all the time) are stored densely
// instead: data[off] is denseFlag and data[off+1] an index into dense, where
// the row takes one uint64 per two classes, each weight biased by 2^15 into
// an unsigned 32-bit lane. Summing such rows adds two classes per
// instruction without decoding class ids; most of the scoring time goes to
// these rows.
//
// Models of at most inlineClasses classes (the parser's moves) whose
// weights fit 8 bits (Trainer.Model quantises them so) keep each row
// inside the table instead: the low half of the key word holds the weights of
// classes 0-3, and for more classes a second word those of classes 4-11.
// A feature then costs one memory access into a table of 8- or 16-byte
// slots. On the parser's move model, 8-bit weights parsed EWT dev as well
// as 16-bit ones, and halving the table made parsing faster.
type Model struct {
	classes  []string
	scale    float32 // weight = stored integer * scale
	slots    []uint64
	size     uint64 // slots in the table
	stride   uint64 // words per slot: 1, or 2 for inline rows of more than 4 classes
	inline   bool   // slots hold inline rows; data and dense are unused
	data     []uint32
	dense    []uint64
	nfeat    int
	nweights int
}

// inlineClasses is the most classes a model can have for its rows to be
// stored inline: 12 8-bit weights fit beside a 32-bit key in 16 bytes.
const inlineClasses = 12

// maxInline bounds the magnitude of inline (8-bit) weights.
const maxInline = math.MaxInt8

// inlineStride is the slot size in words of inline rows of n classes.
func inlineStride(n int) uint64 {
	if n <= 4 {
		return 1
	}
	return 2
}

// inlineWeight returns the weight of class c from an inline slot.
func inlineWeight(slot []uint64, c int) int8 {
	if c < 4 {
		return int8(slot[0] >> (8 * c))
	}
	return int8(slot[1] >> (8 * (c - 4)))
}

const (
	denseFlag = 1 << 31
	bias      = 1 << 15
	// lane sums stay below 2^32 for this many dense rows.
	maxDenseRun = 1<<32/(1<<16) - 1
)

// isDense decides the layout of a row of k weights in a model of n classes:
// dense costs n/2 additions, sparse k scattered ones, each dearer. Rows at
// least half full go dense: on the parser this scored 25% more sentences
// per second than all-sparse rows; a quarter-full threshold was slower
// (dense rows take more memory, and the cache misses outweighed the sums).
func isDense(k, n int) bool { return 2*k >= n }

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
func (m *Model) NumWeights() int { return m.nweights }

// Score implements Scorer.
func (m *Model) Score(feats []Feature, scores []float32) {
	n := len(m.classes)
	scores = scores[:n]
	if m.inline {
		m.scoreInline(feats, scores)
		return
	}
	// Weights are summed as integers, exactly (for fewer than 65,536
	// features), so scores do not depend on the order of the features.
	//
	// Lookups go first, in a loop of independent loads, so that the
	// processor overlaps their cache misses; then the rows are summed.
	var sums [maxClasses]int32
	sum := sums[:n]
	var offs, heads [64]uint32
	var lanes [maxClasses / 2]uint64
	acc := lanes[:(n+1)/2]
	nd := 0 // dense rows summed into acc
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(offs))]
		feats = feats[len(chunk):]
		for i, f := range chunk {
			offs[i] = m.lookup(key(f))
		}
		// Likewise load the row heads, which miss the cache as often.
		for i, off := range offs[:len(chunk)] {
			heads[i] = m.data[off]
		}
		for i, off := range offs[:len(chunk)] {
			if off == 0 {
				continue
			}
			h := heads[i]
			if h == denseFlag {
				start := m.data[off+1]
				row := m.dense[start : start+uint32(len(acc))]
				for j, v := range row {
					acc[j] += v
				}
				if nd++; nd == maxDenseRun {
					flush(acc, nd, sum)
					nd = 0
				}
				continue
			}
			for _, e := range m.data[off+1 : off+1+h] {
				sum[e>>16] += int32(int16(uint16(e)))
			}
		}
	}
	flush(acc, nd, sum)
	for i, v := range sum {
		scores[i] = float32(v) * m.scale
	}
}

// scoreInline is Score for models with inline rows.
func (m *Model) scoreInline(feats []Feature, scores []float32) {
	var sum [inlineClasses]int32 // 2^31 / 127 rows before overflow
	var at [64]int
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(at))]
		feats = feats[len(chunk):]
		// As in Score: probe first, in a loop of independent loads.
		for i, f := range chunk {
			at[i] = m.probe(key(f))
		}
		for _, i := range at[:len(chunk)] {
			if i < 0 {
				continue
			}
			w := m.slots[i]
			sum[0] += int32(int8(w))
			sum[1] += int32(int8(w >> 8))
			sum[2] += int32(int8(w >> 16))
			sum[3] += int32(int8(w >> 24))
			if m.stride == 2 {
				w := m.slots[i+1]
				for j := range 8 {
					sum[4+j] += int32(int8(w >> (8 * j)))
				}
			}
		}
	}
	for c := range scores {
		scores[c] = float32(sum[c]) * m.scale
	}
}

// flush adds the dense sums of nd rows in acc to sum and clears acc.
func flush(acc []uint64, nd int, sum []int32) {
	if nd == 0 {
		return
	}
	off := int64(nd) * bias
	for j, v := range acc {
		sum[2*j] += int32(int64(uint32(v)) - off)
		if 2*j+1 < len(sum) {
			sum[2*j+1] += int32(int64(v>>32) - off)
		}
		acc[j] = 0
	}
}

// lookup returns the data offset of the row of k, or 0.
func (m *Model) lookup(k uint64) uint32 {
	i := m.probe(k)
	if i < 0 {
		return 0
	}
	return uint32(m.slots[i] & (maxData - 1))
}

// probe returns the index in slots of the key word of k, or -1.
func (m *Model) probe(k uint64) int {
	if len(m.slots) == 0 {
		return -1
	}
	i := m.home(k)
	for {
		s := m.slots[i*m.stride]
		if s == 0 {
			return -1
		}
		if s>>offBits == k {
			return int(i * m.stride)
		}
		if i++; i == m.size {
			i = 0
		}
	}
}

// home is the first slot probed for key k: k's place in [0, size), which
// spreads the 32-bit keys evenly whatever the size.
func (m *Model) home(k uint64) uint64 { return k * m.size >> keyBits }

// place returns the free slot for key k while building the table.
func (m *Model) place(k uint64) uint64 {
	i := m.home(k)
	for m.slots[i*m.stride] != 0 {
		if i++; i == m.size {
			i = 0
		}
	}
	return i
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
	n := len(classes)
	// Tables are at most 5/8 full: linear probing then looks at under
	// three slots on average for an absent key, mostly in one cache line.
	m.size = uint64(len(rows)*8/5 + 1)
	m.stride = 1
	if n <= inlineClasses && fitInline(rows) {
		m.inline = true
		m.stride = inlineStride(n)
		m.slots = make([]uint64, m.stride*m.size)
		for _, r := range rows {
			m.nweights += len(r.classes)
			slot := m.slots[m.stride*m.place(r.key):]
			slot[0] = r.key << offBits
			for j, c := range r.classes {
				w := r.weights[j]
				if c < 4 {
					slot[0] |= uint64(uint8(w)) << (8 * c)
				} else {
					slot[1] |= uint64(uint8(w)) << (8 * (c - 4))
				}
			}
		}
		return m, nil
	}
	m.slots = make([]uint64, m.size)
	total := 1
	for _, r := range rows {
		m.nweights += len(r.classes)
		if isDense(len(r.classes), n) {
			total += 2
		} else {
			total += 1 + len(r.classes)
		}
	}
	if total >= maxData {
		return nil, fmt.Errorf("model too large: %d weights (limit %d)", total, maxData)
	}
	m.data = make([]uint32, 1, total) // data[0] unused: offset 0 means "absent"
	for _, r := range rows {
		off := uint32(len(m.data))
		if isDense(len(r.classes), n) {
			m.data = append(m.data, denseFlag, uint32(len(m.dense)))
			start := len(m.dense)
			for range (n + 1) / 2 {
				m.dense = append(m.dense, bias|bias<<32)
			}
			for j, c := range r.classes {
				m.dense[start+int(c)/2] += uint64(int64(r.weights[j])) << (32 * (c % 2))
			}
		} else {
			m.data = append(m.data, uint32(len(r.classes)))
			for j, c := range r.classes {
				m.data = append(m.data, uint32(c)<<16|uint32(uint16(r.weights[j])))
			}
		}
		m.slots[m.place(r.key)] = r.key<<offBits | uint64(off)
	}
	return m, nil
}

// fitInline reports whether all weights of rows fit inline rows' 8 bits.
func fitInline(rows []row) bool {
	for _, r := range rows {
		for _, w := range r.weights {
			if w < -maxInline || w > maxInline {
				return false
			}
		}
	}
	return true
}

// magic starts a model file. (Files of the first format, "PLYLIN1\n",
// had 40-bit keys; none is embedded any more, and they are refused.)
const magic = "PLYLIN2\n"

// maxClasses bounds the class count, so that score sums live in a fixed
// array on the stack.
const maxClasses = 256

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
	if m.inline {
		for i := 0; i < len(m.slots); i += int(m.stride) {
			if m.slots[i] == 0 {
				continue
			}
			r := row{key: m.slots[i] >> offBits}
			for c := range len(m.classes) {
				if w := inlineWeight(m.slots[i:], c); w != 0 {
					r.classes = append(r.classes, uint16(c))
					r.weights = append(r.weights, int16(w))
				}
			}
			rows = append(rows, r)
		}
		sortRows(rows)
		return rows
	}
	for _, s := range m.slots {
		if s == 0 {
			continue
		}
		off := uint32(s & (maxData - 1))
		r := row{key: s >> offBits}
		if h := m.data[off]; h == denseFlag {
			start := int(m.data[off+1])
			for c := range len(m.classes) {
				lane := m.dense[start+c/2] >> (32 * (c % 2))
				if w := int64(uint32(lane)) - bias; w != 0 {
					r.classes = append(r.classes, uint16(c))
					r.weights = append(r.weights, int16(w))
				}
			}
		} else {
			for _, e := range m.data[off+1 : off+1+h] {
				r.classes = append(r.classes, uint16(e>>16))
				r.weights = append(r.weights, int16(uint16(e)))
			}
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
