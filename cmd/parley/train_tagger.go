package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/conllu"
	"github.com/parleyhq/parley/internal/nlp/tagger"
	"github.com/parleyhq/parley/internal/refdata"
)

func init() {
	trainers["tagger"] = command{
		name:    "tagger",
		summary: "train the UPOS/XPOS tagger on UD English EWT and GUM train",
		run:     runTrainTagger,
	}
}

func runTrainTagger(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("train tagger", "")
	train := fs.String("train", refPath("ud-english-ewt", "en_ewt-ud-train.conllu"), "training CoNLL-U file")
	gum := fs.Bool("gum", true, "also train on the GUM documents of the train split (reference data)")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	epochs := fs.Int("epochs", 12, "passes over the training data")
	minWeight := fs.Float64("min-weight", 0.01, "drop averaged weights smaller than this")
	folds := fs.Int("folds", 4, "folds giving the second pass its first-pass tags (0: one pass)")
	minUpdates := fs.Int("min-updates", 1, "drop features updated fewer times than this (smaller, faster model)")
	clusters := fs.Bool("clusters", true, "use the embedded word clusters as features")
	out := fs.String("out", sourcePath("internal", "nlp", "tagger", tagger.ModelFile), "model file to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %v", errUsage, fs.Args())
	}
	if *out == "" {
		return fmt.Errorf("%w: --out is required outside the source tree", errUsage)
	}
	sents, err := trainingTrees(*train, *gum)
	if err != nil {
		return err
	}
	start := time.Now()
	opts := []tagger.Option{tagger.Epochs(*epochs), tagger.Seed(*seed), tagger.MinWeight(*minWeight), tagger.MinUpdates(*minUpdates),
		tagger.Folds(*folds), tagger.Progress(func(stage string, epoch int, acc float64) {
			fmt.Fprintf(a.stderr, "%s pass, epoch %d: training accuracy %.2f%% (%s)\n", stage, epoch, 100*acc, time.Since(start).Round(time.Second))
		})}
	if !*clusters {
		opts = append(opts, tagger.Clusters(nil))
	}
	t, err := tagger.Train(sents, opts...)
	if err != nil {
		return err
	}
	if err := t.WriteFile(*out); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "wrote %s\n", *out)
	return nil
}

// readTokens reads a CoNLL-U file as token slices with gold annotation.
func readTokens(path string) ([][]model.Token, error) {
	sents, err := conllu.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	out := make([][]model.Token, len(sents))
	for i, s := range sents {
		if err := s.Validate(); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, s.Line, err)
		}
		out[i] = s.Tokens()
	}
	return out, nil
}

// trainingTrees reads the annotated training sentences: the file at path
// and, with gum, the GUM documents of the train split (GUM's dev and test
// documents stay out, for evaluation on news).
func trainingTrees(path string, gum bool) ([][]model.Token, error) {
	sents, err := readTokens(path)
	if err != nil || !gum {
		return sents, err
	}
	files, err := gumFiles([]string{"train"}, nil)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		s, err := readTokens(f)
		if err != nil {
			return nil, err
		}
		sents = append(sents, s...)
	}
	return sents, nil
}

// refPath is a reference data file for a flag default ("" if the data
// folder is not found; the command then fails when it opens the file).
func refPath(elem ...string) string {
	p, err := refdata.Path(elem...)
	if err != nil {
		return ""
	}
	return p
}

// sourcePath is a file inside the source tree (the folder holding go.mod
// above the working directory), or "" outside it. Training commands write
// the embedded models there.
func sourcePath(elem ...string) string {
	root, err := sourceRoot()
	if err != nil {
		return ""
	}
	return filepath.Join(append([]string{root}, elem...)...)
}

func sourceRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return "", errors.New("no go.mod above the working directory")
		}
	}
}
