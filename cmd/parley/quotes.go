package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/parleyhq/parley/internal/actors"
	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp"
	"github.com/parleyhq/parley/internal/quotes"
)

func init() {
	evaluators["quotes"] = command{
		name:    "quotes",
		summary: "score quote extraction against the annotated Wikinews articles",
		run:     evalQuotes,
	}
}

func evalQuotes(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("eval quotes", "")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	gold := fs.String("gold", "", "annotation file (default: the embedded Wikinews annotation)")
	errs := fs.String("errors", "", "also list the errors of a split ("+strings.Join(quotes.Splits, ", ")+") or all")
	raw := fs.Bool("raw", false, "extract from the bare text, without language analysis and actor mentions")
	cv := fs.Int("cv", 0, "compare the rules with the learned speaker ranker in `K`-fold cross-validation over dev, dev2 and gum")
	epochs := fs.Int("epochs", 10, "training passes of the ranker in cross-validation")
	margin := fs.Float64("margin", 8, "in cross-validation, the score a speaker candidate needs above \"no speaker\"")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if *cv != 0 && (*cv < 2 || *epochs < 1 || *margin < 0) {
		return fmt.Errorf("%w: --cv %d --epochs %d --margin %g: want at least 2 folds, 1 epoch and a margin >= 0", errUsage, *cv, *epochs, *margin)
	}
	if *errs != "" && *errs != "all" && !slices.Contains(quotes.Splits, *errs) {
		return fmt.Errorf("%w: --errors %q: want %s or all", errUsage, *errs, strings.Join(quotes.Splits, ", "))
	}
	var (
		ann []quotes.GoldArticle
		err error
	)
	if *gold == "" {
		ann, err = quotes.WikinewsGold()
	} else {
		ann, err = quotes.ReadGoldFile(*gold)
	}
	if err != nil {
		return err
	}
	source, err := quotes.ReferenceTexts()
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	var analyse quotes.Analysis
	if !*raw {
		if analyse, err = pipelineAnalysis(); err != nil {
			return fmt.Errorf("eval quotes: %w", err)
		}
	}
	if *cv != 0 {
		return crossValidateQuotes(a, ann, source, analyse, *cv, *epochs, float32(*margin), *asJSON)
	}
	rep, err := quotes.Evaluate(ann, source, analyse)
	if err != nil {
		return err
	}
	var shown []quotes.Mismatch
	for _, m := range rep.Errors {
		if *errs == "all" || m.Split == *errs {
			shown = append(shown, m)
		}
	}
	rep.Errors = shown
	if *asJSON || !a.terminal {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "split\tgold\tpredicted\tmatched\tspan only\tprecision\trecall\tF1\t\n")
	for _, name := range append(slices.Clone(quotes.Splits), "all") {
		sc := rep.Split(name)
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", name, sc.Gold, sc.Predicted, sc.Matched, sc.SpanOnly, sc.Precision, sc.Recall, sc.F1)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "%d articles; a match needs span IoU >= %.1f and the same speaker\n", rep.Articles, quotes.MinIoU)
	for _, m := range rep.Errors {
		fmt.Fprintf(a.stdout, "%-8s %-4s %s [%d,%d) gold=%q got=%q %q\n", m.Kind, m.Split, m.URL, m.Start, m.End, m.Gold, m.Got, m.Excerpt)
	}
	return nil
}

// pipelineAnalysis prepares documents as the pipeline does before quote
// extraction: tokens, tags, parse and entities, then actor mentions.
func pipelineAnalysis() (quotes.Analysis, error) {
	an, err := nlp.Default()
	if err != nil {
		return nil, err
	}
	dict, err := actors.Default()
	if err != nil {
		return nil, err
	}
	return func(d *model.Document) []quotes.Option {
		an.Analyze(d)
		return []quotes.Option{quotes.WithActors(dict.Resolve(d))}
	}, nil
}

// crossValidateQuotes scores the rules and the ranker on the development
// splits only: the held-out splits are never trained on.
func crossValidateQuotes(a *app, ann []quotes.GoldArticle, texts quotes.TextSource, analyse quotes.Analysis, folds, epochs int, margin float32, asJSON bool) error {
	var dev []quotes.GoldArticle
	for _, g := range ann {
		if g.Split == quotes.SplitDev || g.Split == quotes.SplitDev2 || g.Split == quotes.SplitGUM {
			dev = append(dev, g)
		}
	}
	rep, err := quotes.CrossValidate(dev, texts, analyse, folds, epochs, margin)
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	if asJSON || !a.terminal {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "split\tspeaker\tgold\tpredicted\tmatched\tprecision\trecall\tF1\tdropped (gold)\tcandidate recall\t\n")
	for _, split := range []string{quotes.SplitDev, quotes.SplitDev2, quotes.SplitGUM, "all"} {
		for _, m := range []struct {
			name string
			sc   *quotes.Score
		}{{"rules", rep.Rules[split]}, {"ranker", rep.Ranker[split]}, {"backoff", rep.Backoff[split]}} {
			if m.sc == nil {
				continue
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%d (%d)\t%d / %d\t\n", split, m.name, m.sc.Gold, m.sc.Predicted, m.sc.Matched, m.sc.Precision, m.sc.Recall, m.sc.F1,
				rep.Dropped[split], rep.DroppedGold[split], rep.GoldInCands[split], rep.GoldSegments[split])
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "%d folds, %d epochs, margin %g; dropped: quotes the rules give no speaker (gold quotes among them); candidate recall: gold quotes found whose speaker is a candidate\n", rep.Folds, rep.Epochs, rep.Margin)
	return nil
}
