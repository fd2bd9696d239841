package ner

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"

	"github.com/parleyhq/parley/internal/nlp/linear"
)

type trainOptions struct {
	epochs    int
	seed      uint64
	minWeight float64
	progress  func(layer string, epoch int)
}

// TrainOption configures Train.
type TrainOption func(*trainOptions)

// Epochs sets the number of passes over the data (default 20).
func Epochs(n int) TrainOption { return func(o *trainOptions) { o.epochs = n } }

// Seed sets the shuffling seed (default 1). Training is deterministic for
// a given seed and data order.
func Seed(s uint64) TrainOption { return func(o *trainOptions) { o.seed = s } }

// MinWeight drops averaged weights below w from the models (default 1).
func MinWeight(w float64) TrainOption { return func(o *trainOptions) { o.minWeight = w } }

// Progress is called at the start of each epoch of each layer.
func Progress(fn func(layer string, epoch int)) TrainOption {
	return func(o *trainOptions) { o.progress = fn }
}

// Train learns a recognizer from annotated sentences, with lex (which may
// be nil) for the case features.
func Train(data []Sentence, lex *Lexicon, opts ...TrainOption) (*Recognizer, error) {
	o := trainOptions{epochs: 20, seed: 1, minWeight: 1}
	for _, opt := range opts {
		opt(&o)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("ner: no training sentences")
	}
	r := &Recognizer{lex: lex}
	sc := &scratch{scores: make([]float32, len(classes))}
	for layer := range numLayers {
		gold := make([][]int, len(data))
		for i, s := range data {
			gold[i] = tagsOf(len(s.Words), layerMentions(append(slices.Clone(s.Mentions), s.Descriptions...), layer))
		}
		tr, err := linear.NewTrainer(classes)
		if err != nil {
			return nil, err
		}
		rng := rand.New(rand.NewPCG(o.seed, uint64(layer)))
		order := make([]int, len(data))
		for i := range order {
			order[i] = i
		}
		for e := range o.epochs {
			if o.progress != nil {
				o.progress(layerNames[layer], e+1)
			}
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, idx := range order {
				learn(tr, data[idx].Words, gold[idx], sc, lex)
			}
		}
		m, err := tr.Model(linear.MinWeight(o.minWeight))
		if err != nil {
			return nil, fmt.Errorf("ner %s layer: %w", layerNames[layer], err)
		}
		r.layers[layer] = m
	}
	return r, nil
}

// learn makes one greedy pass over a sentence with the gold history.
func learn(tr *linear.Trainer, words []string, gold []int, sc *scratch, lex *Lexicon) {
	if cap(sc.info) < len(words) {
		sc.info = make([]tokenInfo, len(words))
	}
	info := sc.info[:len(words)]
	analyse(words, info, lex)
	prev, prev2 := -1, -1
	for i := range info {
		sc.feats = features(sc.feats[:0], info, i, prev, prev2)
		tr.Score(sc.feats, sc.scores)
		guess := best(sc.scores, prev, i == len(info)-1)
		tr.Learn(sc.feats, gold[i], guess)
		prev2, prev = prev, gold[i]
	}
}

// layerMentions picks the mentions one layer learns: the outer layer those
// not inside another mention, the inner layer those not containing
// another. Identical spans count once and crossing spans keep the first.
func layerMentions(ms []Mention, layer int) []Mention {
	var uniq []Mention
	for _, m := range ms {
		if !sameSpan(uniq, m) {
			uniq = append(uniq, m)
		}
	}
	var pick []Mention
	for _, m := range uniq {
		keep := true
		for _, x := range uniq {
			if x == m {
				continue
			}
			contains := x.First <= m.First && m.Last <= x.Last
			contained := m.First <= x.First && x.Last <= m.Last
			if layer == layerOuter && contains || layer == layerInner && contained {
				keep = false
				break
			}
		}
		if keep {
			pick = append(pick, m)
		}
	}
	slices.SortFunc(pick, func(a, b Mention) int { return a.First - b.First })
	var out []Mention
	for _, m := range pick {
		if len(out) == 0 || m.First > out[len(out)-1].Last {
			out = append(out, m)
		}
	}
	return out
}

// WriteModels writes the two layer models (outer, inner) and the case
// lexicon, the files Load reads.
func (r *Recognizer) WriteModels(outer, inner, lex io.Writer) error {
	for i, w := range []io.Writer{outer, inner} {
		if _, err := r.layers[i].WriteTo(w); err != nil {
			return fmt.Errorf("write ner %s model: %w", layerNames[i], err)
		}
	}
	l := r.lex
	if l == nil {
		l = &Lexicon{}
	}
	if _, err := l.WriteTo(lex); err != nil {
		return fmt.Errorf("write ner case lexicon: %w", err)
	}
	return nil
}

// Size returns the number of stored features and weights of both layers.
func (r *Recognizer) Size() (features, weights int) {
	for _, m := range r.layers {
		features += m.NumFeatures()
		weights += m.NumWeights()
	}
	return features, weights
}
