package main

import (
	"context"
	"fmt"
	"time"

	"github.com/parleyhq/parley/internal/nlp/parser"
	"github.com/parleyhq/parley/internal/nlp/tagger"
)

func init() {
	trainers["parser"] = command{
		name:    "parser",
		summary: "train the dependency parser on UD English EWT (jackknifed predicted tags)",
		run:     runTrainParser,
	}
}

func runTrainParser(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("train parser", "")
	train := fs.String("train", refPath("ud-english-ewt", "en_ewt-ud-train.conllu"), "training CoNLL-U file")
	seed := fs.Uint64("seed", 1, "shuffling and exploration seed")
	epochs := fs.Int("epochs", 15, "passes over the training data")
	folds := fs.Int("folds", 5, "jackknife folds for predicted tags (0: use the tags in the training file)")
	tagEpochs := fs.Int("tagger-epochs", 12, "epochs of each jackknife tagger")
	minWeight := fs.Float64("min-weight", 0.05, "drop averaged weights smaller than this")
	minUpdates := fs.Int("min-updates", 5, "drop features updated fewer times than this (smaller, faster model)")
	out := fs.String("out", sourcePath("internal", "nlp", "parser", parser.ModelFile), "model file to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %v", errUsage, fs.Args())
	}
	if *out == "" {
		return fmt.Errorf("%w: --out is required outside the source tree", errUsage)
	}
	if *folds == 1 || *folds < 0 {
		return fmt.Errorf("%w: --folds must be 0 or at least 2", errUsage)
	}
	sents, err := readTokens(*train)
	if err != nil {
		return err
	}
	start := time.Now()
	if *folds > 0 {
		// One-pass jackknife taggers: four times cheaper to train than the
		// two-pass tagger and within a few tenths of its accuracy, which
		// is all the parser needs to learn from realistic tag errors.
		sents, err = tagger.Jackknife(sents, *folds, tagger.Epochs(*tagEpochs), tagger.Seed(*seed), tagger.Folds(0))
		if err != nil {
			return err
		}
		fmt.Fprintf(a.stderr, "jackknifed tags over %d folds (%s)\n", *folds, time.Since(start).Round(time.Second))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	p, err := parser.Train(sents, parser.Epochs(*epochs), parser.Seed(*seed), parser.MinWeight(*minWeight), parser.MinUpdates(*minUpdates),
		parser.Progress(func(epoch int, acc float64) {
			fmt.Fprintf(a.stderr, "epoch %d: transition accuracy %.2f%% (%s)\n", epoch, 100*acc, time.Since(start).Round(time.Second))
		}))
	if err != nil {
		return err
	}
	if err := p.WriteFile(*out); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "wrote %s\n", *out)
	return nil
}
