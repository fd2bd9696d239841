package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/actors"
	"github.com/parleyhq/parley/internal/model"
)

func init() {
	commands = append(commands, command{
		name:    "actors",
		summary: "check actor dictionaries, or look up the actors in phrases",
		run:     runActors,
	})
}

// actorsOutput is the JSON written by "parley actors".
type actorsOutput struct {
	Stats    *actors.Stats   `json:"stats,omitempty"`
	Warnings []string        `json:"warnings,omitempty"`
	Phrase   string          `json:"phrase,omitempty"`
	Mentions []mentionOutput `json:"mentions,omitempty"`
}

type mentionOutput struct {
	Text       string `json:"text"`
	Code       string `json:"code"`
	Name       string `json:"name,omitempty"`
	Kind       string `json:"kind"`
	Title      string `json:"title,omitempty"`
	Antecedent int    `json:"antecedent"`
}

func runActors(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("actors", "[PHRASE...]")
	dicts := fs.String("dicts", "", "folder of extra dictionaries (*.dict, PETRARCH *actors*.txt, *agents*.txt, ...)")
	only := fs.Bool("only", false, "with --dicts: use only the folder, not the built-in dictionaries")
	strict := fs.Bool("strict", false, "treat repaired quirks of PETRARCH files as errors")
	date := fs.String("date", "", "document date YYYY-MM-DD for dated roles (default: the latest role)")
	asJSON := fs.Bool("json", false, "write JSON lines (the default when stdout is not a terminal)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var opts []actors.Option
	if *only {
		if *dicts == "" {
			return fmt.Errorf("%w: --only needs --dicts", errUsage)
		}
		opts = append(opts, actors.WithoutDefaults())
	}
	if *strict {
		opts = append(opts, actors.Strict())
	}
	var published time.Time
	if *date != "" {
		t, err := time.Parse("2006-01-02", *date)
		if err != nil {
			return fmt.Errorf("%w: --date %q: want YYYY-MM-DD", errUsage, *date)
		}
		published = t
	}
	var d *actors.Dictionary
	var err error
	if *dicts != "" {
		d, err = actors.Load(*dicts, opts...)
	} else {
		if *strict {
			return fmt.Errorf("%w: --strict needs --dicts", errUsage)
		}
		d, err = actors.Default()
	}
	if err != nil {
		return err
	}
	jsonOut := *asJSON || !stdoutIsTerminal(a)
	enc := json.NewEncoder(a.stdout)
	if fs.NArg() == 0 {
		s := d.Stats()
		if jsonOut {
			return enc.Encode(actorsOutput{Stats: &s, Warnings: d.Warnings()})
		}
		fmt.Fprintf(a.stdout, "countries %d, regions %d, capitals %d, institutions %d, organizations %d\n",
			s.Countries, s.Regions, s.Capitals, s.Bodies, s.Organizations)
		fmt.Fprintf(a.stdout, "agents %d, titles %d, persons %d (roles %d), PETRARCH actors %d\n",
			s.Agents, s.Titles, s.Persons, s.Roles, s.Actors)
		fmt.Fprintf(a.stdout, "phrases %d, discards %d, issue phrases %d\n", s.Phrases, s.Discards, s.Issues)
		for _, w := range d.Warnings() {
			fmt.Fprintf(a.stdout, "warning: %s\n", w)
		}
		return nil
	}
	for _, p := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		doc := phraseDocument(p, published)
		ms := d.Resolve(doc)
		out := actorsOutput{Phrase: p, Mentions: []mentionOutput{}}
		for _, m := range ms {
			toks := doc.Sentences[m.Sentence].Tokens
			out.Mentions = append(out.Mentions, mentionOutput{
				Text: doc.Text[toks[m.First].Span.Start:toks[m.Last].Span.End],
				Code: m.Code, Name: m.Name, Kind: m.Kind, Title: m.Title, Antecedent: m.Antecedent,
			})
		}
		if jsonOut {
			if err := enc.Encode(out); err != nil {
				return err
			}
			continue
		}
		if len(out.Mentions) == 0 {
			fmt.Fprintf(a.stdout, "%s\t(no actor)\n", p)
		}
		for _, m := range out.Mentions {
			fmt.Fprintf(a.stdout, "%s\t%s\t%s\t%s\t%s\n", m.Text, m.Code, m.Kind, m.Name, m.Title)
		}
	}
	return nil
}

// phraseDocument makes a one-sentence document of a phrase, one token per
// blank-separated word; the actor matcher itself splits off possessives and
// hyphens. (Whole texts go through the analyzer instead.)
func phraseDocument(p string, published time.Time) *model.Document {
	doc := &model.Document{Text: p, Published: published}
	var s model.Sentence
	s.Span = model.Span{Start: 0, End: len(p)}
	off := 0
	for _, f := range strings.Fields(p) {
		i := strings.Index(p[off:], f) + off
		s.Tokens = append(s.Tokens, model.Token{Text: f, Span: model.Span{Start: i, End: i + len(f)}, SpaceAfter: true})
		off = i + len(f)
	}
	doc.Sentences = []model.Sentence{s}
	return doc
}

// stdoutIsTerminal reports whether the command writes to a terminal.
func stdoutIsTerminal(a *app) bool {
	f, ok := a.stdout.(*os.File)
	return ok && isTerminal(f)
}
