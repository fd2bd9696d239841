package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/parleyhq/parley/internal/nlp/cluster"
	"github.com/parleyhq/parley/internal/nlp/tokenize"
	"github.com/parleyhq/parley/internal/refdata"
)

func init() {
	trainers["clusters"] = command{
		name:    "clusters",
		summary: "learn Brown word clusters from EWT train, GUM train and Wikinews text",
		run:     runTrainClusters,
	}
}

func runTrainClusters(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("train clusters", "")
	window := fs.Int("window", 256, "active clusters (cost grows with its square)")
	minCount := fs.Int("min-count", 3, "cluster words seen at least this often")
	out := fs.String("out", sourcePath("internal", "nlp", "cluster", cluster.File), "clusters file to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %v (train clusters reads the reference data itself)", errUsage, fs.Args())
	}
	if *out == "" {
		return fmt.Errorf("%w: --out is required outside the source tree", errUsage)
	}
	if *window < 2 || *minCount < 1 {
		return fmt.Errorf("%w: --window must be at least 2 and --min-count at least 1", errUsage)
	}
	sents, err := clusterText()
	if err != nil {
		return err
	}
	words := 0
	for _, s := range sents {
		words += len(s)
	}
	fmt.Fprintf(a.stderr, "%d sentences, %d words\n", len(sents), words)
	start := time.Now()
	c, err := cluster.Brown(sents, cluster.Window(*window), cluster.MinCount(*minCount),
		cluster.Progress(func(done, total int) {
			if done%2048 == 0 || done == total {
				fmt.Fprintf(a.stderr, "%d/%d merges (%s)\n", done, total, time.Since(start).Round(time.Second))
			}
		}))
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if _, err := c.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", *out, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "wrote %s: %d words\n", *out, c.Len())
	return nil
}

// clusterText is the unannotated text the clusters are learnt from, as
// lowercased words: the word forms of EWT train and of the GUM documents
// of the train split,
// and the Wikinews articles split by the tokenizer.
func clusterText() ([][]string, error) {
	p, err := refdata.Path("ud-english-ewt", "en_ewt-ud-train.conllu")
	if err != nil {
		return nil, err
	}
	// GUM's dev and test documents stay out: the entity recognizer is
	// scored on them.
	trees, err := trainingTrees(p, true)
	if err != nil {
		return nil, err
	}
	sents := make([][]string, 0, len(trees))
	for _, s := range trees {
		sents = append(sents, cluster.Words(s))
	}
	arts, err := refdata.Wikinews()
	if err != nil {
		return nil, err
	}
	for _, a := range arts {
		for _, s := range tokenize.Sentences(a.Text) {
			sents = append(sents, cluster.Words(s.Tokens))
		}
	}
	return sents, nil
}
