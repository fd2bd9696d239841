package linear

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Trainer learns a Model with the averaged perceptron. It is not safe for
// concurrent use. Training is deterministic: the result depends only on the
// sequence of Learn calls.
type Trainer struct {
	classes []string
	index   map[uint64]int32 // feature key -> rows index
	rows    [][]weight
	updates []int32 // per row: how many Learn calls changed it
	clock   int64   // number of Learn calls so far
}

// weight is one (feature, class) weight with the bookkeeping for lazy
// averaging: total is the sum of the weight over all past clock ticks up to
// ts, the tick of its last change.
type weight struct {
	class int32
	w     float32
	total float64
	ts    int64
}

// NewTrainer returns a trainer for the given class names.
func NewTrainer(classes []string) (*Trainer, error) {
	if len(classes) == 0 || len(classes) > maxClasses {
		return nil, fmt.Errorf("linear: %d classes (want 1 to %d)", len(classes), maxClasses)
	}
	return &Trainer{classes: slices.Clone(classes), index: map[uint64]int32{}}, nil
}

// NumClasses is the number of classes.
func (t *Trainer) NumClasses() int { return len(t.classes) }

// Score implements Scorer with the current (not averaged) weights.
func (t *Trainer) Score(feats []Feature, scores []float32) {
	scores = scores[:len(t.classes)]
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		r, ok := t.index[key(f)]
		if !ok {
			continue
		}
		for _, w := range t.rows[r] {
			scores[w.class] += w.w
		}
	}
}

// Learn records one training example: the features, the correct class and
// the class the model predicted. When they differ, the weights of gold go
// up and those of guess go down. Call it for every example, right or wrong:
// each call is one tick of the averaging clock.
func (t *Trainer) Learn(feats []Feature, gold, guess int) {
	t.clock++
	if gold == guess {
		return
	}
	for _, f := range feats {
		k := key(f)
		r, ok := t.index[k]
		if !ok {
			r = int32(len(t.rows))
			t.index[k] = r
			t.rows = append(t.rows, make([]weight, 0, 2))
			t.updates = append(t.updates, 0)
		}
		t.updates[r]++
		t.rows[r] = t.bump(t.rows[r], int32(gold), 1)
		t.rows[r] = t.bump(t.rows[r], int32(guess), -1)
	}
}

func (t *Trainer) bump(ws []weight, class int32, delta float32) []weight {
	for i := range ws {
		if ws[i].class == class {
			w := &ws[i]
			w.total += float64(t.clock-w.ts) * float64(w.w)
			w.ts = t.clock
			w.w += delta
			return ws
		}
	}
	// A new weight was 0 until now, so its running total is 0.
	return append(ws, weight{class: class, w: delta, ts: t.clock})
}

// Option tunes how Model turns the trained weights into a model.
type Option func(*buildOptions)

type buildOptions struct {
	minWeight  float64
	minUpdates int32
}

// MinWeight drops averaged weights whose magnitude is below min, shrinking
// the model. A good value is found on development data; 0 keeps everything
// that survives 16-bit quantisation.
func MinWeight(min float64) Option {
	return func(o *buildOptions) { o.minWeight = min }
}

// MinUpdates drops the features that took part in fewer than n updates.
// Most features of a perceptron are rare ones updated once or twice; they
// make up the bulk of a model and add little, so this is the main knob for
// size and speed (smaller tables stay in the processor's caches).
func MinUpdates(n int) Option {
	return func(o *buildOptions) { o.minUpdates = int32(n) }
}

// Model returns the averaged weights as an immutable model, quantised to
// 16 bits, or to 8 bits for models of at most 12 classes (whose rows are
// stored inline, see Model). The trainer can keep learning afterwards.
func (t *Trainer) Model(opts ...Option) (*Model, error) {
	return Merge([]*Trainer{t}, opts...)
}

// Merge returns the model whose weights are the mean of the trainers'
// averaged weights. A linear model's score is linear in its weights, so
// this scores exactly as the mean of the members' scores: an ensemble of
// perceptrons trained with different seeds at the cost of one model. The
// trainers must have the same classes; MinUpdates applies to a feature's
// mean update count over them. The trainers can keep learning afterwards.
func Merge(ts []*Trainer, opts ...Option) (*Model, error) {
	if len(ts) == 0 {
		return nil, errors.New("linear: merge of no trainers")
	}
	classes := ts[0].classes
	for _, t := range ts[1:] {
		if !slices.Equal(t.classes, classes) {
			return nil, fmt.Errorf("linear: merge of trainers with different classes (%d and %d)", len(classes), len(t.classes))
		}
	}
	var o buildOptions
	for _, opt := range opts {
		opt(&o)
	}
	var keys []uint64
	for _, t := range ts {
		for k := range t.index {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys) // map order must not reach the output
	keys = slices.Compact(keys)
	n := float64(len(ts))
	// mean sums the members' averaged weights of key into sum (one slot per
	// class, touched lists the classes set) and returns the key's total
	// update count. It runs twice per key, for the scale and for the rows,
	// rather than holding every mean weight of a large model at once.
	sum := make([]float64, len(classes))
	var touched []int32
	mean := func(k uint64) (updates int64) {
		touched = touched[:0]
		for _, t := range ts {
			r, ok := t.index[k]
			if !ok {
				continue
			}
			updates += int64(t.updates[r])
			clock := float64(max(t.clock, 1))
			for _, w := range t.rows[r] {
				if !slices.Contains(touched, w.class) {
					touched = append(touched, w.class)
					sum[w.class] = 0
				}
				sum[w.class] += (w.total + float64(t.clock-w.ts)*float64(w.w)) / clock / n
			}
		}
		slices.Sort(touched)
		return updates
	}
	maxAbs := 0.0
	for _, k := range keys {
		mean(k)
		for _, c := range touched {
			maxAbs = math.Max(maxAbs, math.Abs(sum[c]))
		}
	}
	limit := float64(math.MaxInt16)
	if len(classes) <= inlineClasses {
		limit = maxInline
	}
	scale := maxAbs / limit
	if scale == 0 {
		scale = 1
	}
	rows := make([]row, 0, len(keys))
	for _, k := range keys {
		if mean(k) < int64(o.minUpdates)*int64(len(ts)) {
			continue
		}
		r := row{key: k}
		for _, c := range touched {
			a := sum[c]
			q := math.Round(a / scale)
			if q == 0 || math.Abs(a) < o.minWeight {
				continue
			}
			r.classes = append(r.classes, uint16(c))
			r.weights = append(r.weights, int16(q))
		}
		if len(r.classes) > 0 {
			rows = append(rows, r)
		}
	}
	return build(slices.Clone(classes), float32(scale), rows)
}

func sortRows(rows []row) {
	slices.SortFunc(rows, func(a, b row) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
}
