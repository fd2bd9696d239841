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
	members   int
	minWeight float64
	progress  func(epoch int)
}

// TrainOption configures Train.
type TrainOption func(*trainOptions)

// Epochs sets the number of passes over the data (default 20).
func Epochs(n int) TrainOption { return func(o *trainOptions) { o.epochs = n } }

// Seed sets the shuffling seed (default 1). Training is deterministic for
// a given seed and data order.
func Seed(s uint64) TrainOption { return func(o *trainOptions) { o.seed = s } }

// Ensemble trains each model n times, with seeds seed, seed+1, ..., and
// keeps their mean weights (linear.Merge). Default 1.
func Ensemble(n int) TrainOption { return func(o *trainOptions) { o.members = n } }

// MinWeight drops averaged weights below w from the models (default 1).
func MinWeight(w float64) TrainOption { return func(o *trainOptions) { o.minWeight = w } }

// Progress is called at the start of each epoch.
func Progress(fn func(epoch int)) TrainOption {
	return func(o *trainOptions) { o.progress = fn }
}

// Train learns a recognizer from annotated sentences, which must carry
// tagged and parsed Tokens (the analysis the recognizer will see at run
// time), with lex (which may be nil) for the case features. A name head
// learns the type of the gold mention one of its candidate spans matches
// exactly, or of the gold mention it heads, or of the mention it names
// under a common noun (Sentence.Described), or "not a mention"; the span
// chooser learns which of its spans matched (goldFor).
func Train(data []Sentence, lex *Lexicon, opts ...TrainOption) (*Recognizer, error) {
	o := trainOptions{epochs: 20, seed: 1, members: 1, minWeight: 1}
	for _, opt := range opts {
		opt(&o)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("ner: no training sentences")
	}
	// Features are extracted once: they do not depend on the weights.
	var types, spans []example
	sc := &scratch{scores: make([]float32, len(classes))}
	for _, s := range data {
		if len(s.Tokens) != len(s.Words) {
			return nil, fmt.Errorf("ner: %s: sentence without tagged and parsed tokens", s.Pos)
		}
		headGroups(sc.prepare(s.Tokens, lex), func(group []candidate) {
			typ, match := goldFor(s, group)
			types = append(types, example{typerFeatures(nil, &sc.tree, group[0]), typ})
			if typ == 0 || !slices.Contains(match, true) {
				return
			}
			for i, c := range group {
				spans = append(spans, example{spanFeatures(nil, &sc.tree, c, typ), int(b2u(match[i]))})
			}
		})
	}
	typer, err := o.train(classes, types, 0)
	if err != nil {
		return nil, fmt.Errorf("ner typer model: %w", err)
	}
	span, err := o.train(spanClasses, spans, 1)
	if err != nil {
		return nil, fmt.Errorf("ner span model: %w", err)
	}
	return &Recognizer{typer: typer, span: span, lex: lex}, nil
}

type example struct {
	feats []linear.Feature
	gold  int
}

// train runs the averaged perceptron over the examples, once per member
// of the ensemble; stream varies the shuffling between models.
func (o *trainOptions) train(cls []string, examples []example, stream uint64) (*linear.Model, error) {
	if o.members < 1 {
		return nil, fmt.Errorf("ensemble of %d models", o.members)
	}
	var trs []*linear.Trainer
	for m := range o.members {
		tr, err := linear.NewTrainer(cls)
		if err != nil {
			return nil, err
		}
		rng := rand.New(rand.NewPCG(o.seed+uint64(m), stream))
		order := make([]int, len(examples))
		for i := range order {
			order[i] = i
		}
		scores := make([]float32, len(cls))
		for e := range o.epochs {
			if o.progress != nil && m == 0 {
				o.progress(e + 1)
			}
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, i := range order {
				ex := examples[i]
				tr.Score(ex.feats, scores)
				guess := 0
				for k := range cls {
					if scores[k] > scores[guess] {
						guess = k
					}
				}
				tr.Learn(ex.feats, ex.gold, guess)
			}
		}
		trs = append(trs, tr)
	}
	return linear.Merge(trs, linear.MinWeight(o.minWeight))
}

// goldFor returns the class a head's candidates learn and which of them
// are its gold span: the class of the gold mention a candidate span
// matches exactly, or of the gold mention the head heads (in the
// sentence's tree). A name under a common noun ("rapper Kanye West", not
// scored: its head is not a proper noun) is a mention all the same: its
// head learns the type of the described mention, and the span chooser the
// span of the mention if a candidate has it, else of the name.
func goldFor(s Sentence, group []candidate) (int, []bool) {
	match := make([]bool, len(group))
	typ := 0
	for i, c := range group {
		for _, m := range s.Mentions {
			if m.First == c.first && m.Last == c.last && classOf(m.Type) > 0 {
				typ, match[i] = classOf(m.Type), true
			}
		}
	}
	h := group[0].head
	for _, m := range s.Mentions {
		if typ == 0 && h >= m.First && h <= m.Last && MentionHead(s.Tokens, m.First, m.Last) == h {
			typ = classOf(m.Type)
		}
	}
	if typ > 0 {
		return typ, match
	}
	for _, d := range s.Described {
		if h < d.NameFirst || h > d.NameLast || MentionHead(s.Tokens, d.NameFirst, d.NameLast) != h {
			continue
		}
		for _, span := range [][2]int{{d.First, d.Last}, {d.NameFirst, d.NameLast}} {
			for i, c := range group {
				match[i] = c.first == span[0] && c.last == span[1]
			}
			if slices.Contains(match, true) {
				break
			}
		}
		return classOf(d.Type), match
	}
	return 0, match
}

// classOf returns the typer class of an entity type (0 for types it does
// not learn).
func classOf(typ string) int {
	switch typ {
	case PERSON:
		return 1
	case ORG:
		return 2
	case GPE, LOC:
		return 3
	}
	return 0
}

// WriteModels writes the typer and span models and the case lexicon,
// the files Load reads.
func (r *Recognizer) WriteModels(typer, span, lex io.Writer) error {
	if _, err := r.typer.WriteTo(typer); err != nil {
		return fmt.Errorf("write ner typer model: %w", err)
	}
	if _, err := r.span.WriteTo(span); err != nil {
		return fmt.Errorf("write ner span model: %w", err)
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

// Size returns the number of stored features and weights of both models.
func (r *Recognizer) Size() (features, weights int) {
	return r.typer.NumFeatures() + r.span.NumFeatures(), r.typer.NumWeights() + r.span.NumWeights()
}
