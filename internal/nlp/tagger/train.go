package tagger

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/cluster"
	"github.com/parleyhq/parley/internal/nlp/linear"
)

// Option tunes Train.
type Option func(*options)

type options struct {
	epochs     int
	seed       uint64
	minWeight  float64
	minUpdates int
	folds      int
	clusters   *cluster.Clusters
	noClusters bool
	progress   func(stage string, epoch int, accuracy float64)
}

// Epochs sets the number of passes over the training data (default 12).
func Epochs(n int) Option { return func(o *options) { o.epochs = n } }

// Seed sets the seed of the shuffling between epochs (default 1).
func Seed(s uint64) Option { return func(o *options) { o.seed = s } }

// MinWeight drops averaged weights below w from the model (default 0.01),
// see linear.MinWeight.
func MinWeight(w float64) Option { return func(o *options) { o.minWeight = w } }

// MinUpdates drops features updated fewer than n times during training
// (default 1: keep all), see linear.MinUpdates.
func MinUpdates(n int) Option { return func(o *options) { o.minUpdates = n } }

// Folds sets how many folds produce the first-pass tags the second pass
// learns from (default 4); 0 trains a one-pass tagger.
func Folds(n int) Option { return func(o *options) { o.folds = n } }

// Clusters sets the word clusters of the cluster features (default: the
// embedded ones, cluster.Default); nil trains without cluster features.
func Clusters(c *cluster.Clusters) Option {
	return func(o *options) { o.clusters, o.noClusters = c, c == nil }
}

// Progress is called after each epoch with the stage ("first", "fold 1"...,
// "second") and the training accuracy of that epoch (of the model as it
// learns, not of the averaged one).
func Progress(fn func(stage string, epoch int, accuracy float64)) Option {
	return func(o *options) { o.progress = fn }
}

// Lexicon thresholds: a word's ambiguity class keeps the tags that make up
// at least ambMinShare of its occurrences, for words seen ambMinCount times;
// a word seen onlyMinCount times with one tag at least onlyMinShare of the
// time is tagged without scoring.
const (
	ambMinCount  = 2
	ambMinShare  = 0.05
	onlyMinCount = 20
	onlyMinShare = 0.997
)

// rescoreShare is the share of the scored words, the least sure of the
// first pass, that the second pass rescores. On EWT dev, rescoring the 7%
// least sure words was as accurate as rescoring all of them, for half the
// tagging time; 15% leaves a margin.
const rescoreShare = 0.15

// Train learns a tagger from sentences whose tokens carry gold UPOS and
// XPOS. The result depends only on the data and the options.
//
// The second pass must not learn from first-pass tags that are better than
// they will be on new text, so they come from first-pass taggers trained on
// the other folds of the data (jackknifing). These folds interleave
// sentences: on EWT dev that gave 94.96% UPOS against 94.84% with
// contiguous folds (whose tags are noisier still).
func Train(sents [][]model.Token, opts ...Option) (*Tagger, error) {
	o := options{epochs: 12, seed: 1, minWeight: 0.01, minUpdates: 1, folds: 4}
	for _, opt := range opts {
		opt(&o)
	}
	if o.epochs < 1 {
		return nil, fmt.Errorf("train tagger: epochs %d < 1", o.epochs)
	}
	if o.clusters == nil && !o.noClusters {
		c, err := cluster.Default()
		if err != nil {
			return nil, fmt.Errorf("train tagger: %w", err)
		}
		o.clusters = c
	}
	if o.folds == 1 || o.folds < 0 || (o.folds > 0 && o.folds > len(sents)) {
		return nil, fmt.Errorf("train tagger: %d folds for %d sentences", o.folds, len(sents))
	}
	classID := map[string]int32{}
	var classes []string
	for _, s := range sents {
		for _, t := range s {
			if t.UPOS == "" || t.XPOS == "" || strings.Contains(t.UPOS, "|") {
				return nil, fmt.Errorf("train tagger: token %q has no usable UPOS/XPOS (%q/%q)", t.Text, t.UPOS, t.XPOS)
			}
			c := t.UPOS + "|" + t.XPOS
			if _, ok := classID[c]; !ok {
				classID[c] = 0
				classes = append(classes, c)
			}
		}
	}
	if len(classes) == 0 {
		return nil, errors.New("train tagger: no training tokens")
	}
	slices.Sort(classes)
	for i, c := range classes {
		classID[c] = int32(i)
	}
	data := make([]example, len(sents))
	for i, s := range sents {
		data[i] = example{toks: s, gold: make([]int32, len(s))}
		for j, t := range s {
			data[i].gold[j] = classID[t.UPOS+"|"+t.XPOS]
		}
	}
	lex := buildLexicon(data)
	first, err := trainPass(data, classes, lex, "first", o)
	if err != nil {
		return nil, err
	}
	if o.folds == 0 {
		return newTagger(first, nil, lex, 0, o.clusters)
	}
	var margins []float32 // of the scored held-out words
	for f := range o.folds {
		var train []example
		for i, e := range data {
			if i%o.folds != f {
				train = append(train, e)
			}
		}
		flex := buildLexicon(train)
		m, err := trainPass(train, classes, flex, fmt.Sprintf("fold %d", f+1), o)
		if err != nil {
			return nil, err
		}
		s := new(scratch)
		for i := f; i < len(data); i += o.folds {
			s.prepare(flex, o.clusters, data[i].toks, len(classes))
			s.pass(m, data[i].toks, nil, s.firstPass, nil, 0)
			data[i].first = slices.Clone(s.firstPass)
			for _, m := range s.margin {
				if !math.IsInf(float64(m), 1) {
					margins = append(margins, m)
				}
			}
		}
	}
	second, err := trainPass(data, classes, lex, "second", o)
	if err != nil {
		return nil, err
	}
	// The second pass rescores the least sure words only.
	slices.Sort(margins)
	sure := float32(math.Inf(1))
	if k := int(math.Ceil(rescoreShare * float64(len(margins)))); k < len(margins) {
		sure = margins[k]
	}
	return newTagger(first, second, lex, sure, o.clusters)
}

// example is a training sentence with its gold classes and, for the second
// pass, the first pass's (padded) classes.
type example struct {
	toks  []model.Token
	gold  []int32
	first []int32
}

// trainPass trains the model of one pass: the first pass when the examples
// have no first-pass classes, else the second.
func trainPass(data []example, classes []string, lex lexicon, stage string, o options) (*linear.Model, error) {
	tr, err := linear.NewTrainer(classes)
	if err != nil {
		return nil, fmt.Errorf("train tagger: %w", err)
	}
	rng := rand.New(rand.NewPCG(o.seed, 0x7a66))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	s := new(scratch)
	var right, total int
	var gold []int32
	learn := func(feats []linear.Feature, i int, guess int32) {
		tr.Learn(feats, int(gold[i]), int(guess))
	}
	for epoch := 1; epoch <= o.epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total = 0, 0
		for _, si := range order {
			e := &data[si]
			s.prepare(lex, o.clusters, e.toks, len(classes))
			gold = e.gold
			s.pass(tr, e.toks, e.first, s.secondPass, learn, 0)
			for i, g := range e.gold {
				if s.secondPass[i+pad] == g {
					right++
				}
			}
			total += len(e.gold)
		}
		if o.progress != nil {
			o.progress(stage, epoch, float64(right)/float64(max(total, 1)))
		}
	}
	m, err := tr.Model(linear.MinWeight(o.minWeight), linear.MinUpdates(o.minUpdates))
	if err != nil {
		return nil, fmt.Errorf("train tagger: %w", err)
	}
	return m, nil
}

// buildLexicon collects ambiguity classes and unambiguous words.
func buildLexicon(data []example) lexicon {
	counts := map[string]map[int32]int{}
	add := func(k string, c int32) {
		m := counts[k]
		if m == nil {
			m = map[int32]int{}
			counts[k] = m
		}
		m[c]++
	}
	for _, e := range data {
		for j, t := range e.toks {
			add(t.Text, e.gold[j])
			add("\x00"+strings.ToLower(t.Text), e.gold[j])
		}
	}
	lex := lexicon{}
	for k, m := range counts {
		n, top, topClass := 0, 0, int32(-1)
		for c, v := range m {
			n += v
			if v > top || (v == top && c < topClass) {
				top, topClass = v, c
			}
		}
		if n < ambMinCount {
			continue
		}
		e := &lexEntry{only: -1}
		for c, v := range m {
			if float64(v) >= ambMinShare*float64(n) {
				e.classes = append(e.classes, c)
			}
		}
		slices.Sort(e.classes)
		e.amb = ambHash(e.classes)
		if !strings.HasPrefix(k, "\x00") && n >= onlyMinCount && float64(top) >= onlyMinShare*float64(n) {
			e.only = topClass
		}
		lex[k] = e
	}
	return lex
}

// Jackknife returns a copy of sents whose UPOS and XPOS are predicted by
// taggers that did not see them: the sentences are split into folds, and
// each fold is tagged by a tagger trained on the others. A parser trained
// on such tags learns from the kind of tagging errors it will meet.
func Jackknife(sents [][]model.Token, folds int, opts ...Option) ([][]model.Token, error) {
	if folds < 2 || folds > len(sents) {
		return nil, fmt.Errorf("jackknife: %d folds for %d sentences", folds, len(sents))
	}
	out := make([][]model.Token, len(sents))
	for f := range folds {
		lo, hi := foldRange(len(sents), folds, f)
		train := append(slices.Clone(sents[:lo]), sents[hi:]...)
		t, err := Train(train, opts...)
		if err != nil {
			return nil, fmt.Errorf("jackknife fold %d: %w", f+1, err)
		}
		for i := lo; i < hi; i++ {
			out[i] = slices.Clone(sents[i])
			t.Tag(out[i])
		}
	}
	return out, nil
}

// foldRange is the sentence range [lo, hi) of fold f of k. Folds are
// contiguous so that whole documents are held out, as new text would be:
// interleaved folds share documents and give optimistic tags.
func foldRange(n, k, f int) (lo, hi int) {
	return f * n / k, (f + 1) * n / k
}
