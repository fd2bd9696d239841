package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/parleyhq/parley/internal/actors"
	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp"
	"github.com/parleyhq/parley/internal/quotes"
	"github.com/parleyhq/parley/internal/refdata"
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
	errs := fs.String("errors", "", "also list the errors of a split: dev, test, blind or all")
	raw := fs.Bool("raw", false, "extract from the bare text, without language analysis and actor mentions")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	switch *errs {
	case "", quotes.SplitDev, quotes.SplitTest, quotes.SplitBlind, "all":
	default:
		return fmt.Errorf("%w: --errors %q: want dev, test, blind or all", errUsage, *errs)
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
	articles, err := refdata.Wikinews()
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	texts := map[string]string{}
	for _, ar := range articles {
		texts[ar.File+" "+ar.URL] = ar.Text
	}
	var analyse quotes.Analysis
	if !*raw {
		if analyse, err = pipelineAnalysis(); err != nil {
			return fmt.Errorf("eval quotes: %w", err)
		}
	}
	rep, err := quotes.Evaluate(ann, func(file, url string) (string, bool) {
		t, ok := texts[file+" "+url]
		return t, ok
	}, analyse)
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
	for _, s := range []struct {
		name string
		sc   quotes.Score
	}{{"dev", rep.Dev}, {"test", rep.Test}, {"blind", rep.Blind}, {"all", rep.All}} {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", s.name, s.sc.Gold, s.sc.Predicted, s.sc.Matched, s.sc.SpanOnly, s.sc.Precision, s.sc.Recall, s.sc.F1)
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
