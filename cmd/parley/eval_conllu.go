package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/parleyhq/parley/internal/eval"
	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/conllu"
	"github.com/parleyhq/parley/internal/nlp/parser"
	"github.com/parleyhq/parley/internal/nlp/tagger"
)

func init() {
	evaluators["conllu"] = command{
		name:    "conllu",
		summary: "tag and parse a gold CoNLL-U file, report UPOS, XPOS, UAS, LAS",
		run:     runEvalConllu,
	}
}

func runEvalConllu(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("eval conllu", "FILE")
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	taggerPath := fs.String("tagger", "", "tagger model file (default: the embedded model)")
	parserPath := fs.String("parser", "", "parser model file (default: the embedded model)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: want one CoNLL-U file", errUsage)
	}
	path := fs.Arg(0)
	tg, err := loadTagger(*taggerPath)
	if err != nil {
		return err
	}
	ps, err := loadParser(*parserPath)
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var score eval.Parse
	err = conllu.Read(f, path, func(s *conllu.Sentence) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Validate(); err != nil {
			return fmt.Errorf("%s:%d: %w", path, s.Line, err)
		}
		gold := s.Tokens()
		pred := make([]model.Token, len(gold))
		for i, g := range gold {
			pred[i] = model.Token{Text: g.Text, Span: g.Span, SpaceAfter: g.SpaceAfter}
		}
		tg.Tag(pred)
		ps.Parse(pred)
		return score.Add(gold, pred)
	})
	if err != nil {
		return err
	}
	r := score.Report()
	if *asJSON || !isTerminalWriter(a.stdout) {
		enc := json.NewEncoder(a.stdout)
		return enc.Encode(r)
	}
	fmt.Fprintf(a.stdout, "%s: %d sentences, %d words (gold tokenisation, punctuation included)\n", path, r.Sentences, r.Words)
	fmt.Fprintf(a.stdout, "UPOS %.2f  XPOS %.2f  UAS %.2f  LAS %.2f\n", r.UPOS, r.XPOS, r.UAS, r.LAS)
	fmt.Fprintf(a.stdout, "LAS with relation subtypes %.2f; without punctuation: UAS %.2f  LAS %.2f\n", r.LASFull, r.UASNoPunct, r.LASNoPunct)
	return nil
}

func loadTagger(path string) (*tagger.Tagger, error) {
	if path == "" {
		return tagger.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := tagger.Read(f)
	if err != nil {
		return nil, fmt.Errorf("load tagger %s: %w", path, err)
	}
	return t, nil
}

func loadParser(path string) (*parser.Parser, error) {
	if path == "" {
		return parser.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p, err := parser.Read(f)
	if err != nil {
		return nil, fmt.Errorf("load parser %s: %w", path, err)
	}
	return p, nil
}

func isTerminalWriter(w any) bool {
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}
