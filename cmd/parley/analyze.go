package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/parleyhq/parley/internal/export"
	"github.com/parleyhq/parley/internal/ingest"
	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/pipeline"
)

func init() {
	commands = append(commands,
		command{name: "analyze", summary: "analyse documents (JSON lines or text) to JSON: events, quotes, entities, issues", run: runAnalyze},
		command{name: "code", summary: "code documents into events, one per line (JSON, GDELT-style CSV or PLOVER JSON)", run: runCode},
		command{name: "reanalyze", summary: "re-analyse stored documents after a dictionary or model change", run: runReanalyze},
	)
}

// analysis is the output record of parley analyze (the data contract of
// DESIGN.md): one per document, spans in code points into its text.
type analysis struct {
	ID       string         `json:"id,omitempty"`
	URL      string         `json:"url,omitempty"`
	Title    string         `json:"title,omitempty"`
	Date     string         `json:"date,omitempty"`
	Lang     string         `json:"lang,omitempty"`
	Text     string         `json:"text,omitempty"`
	Events   []model.Event  `json:"events"`
	Quotes   []model.Quote  `json:"quotes"`
	Entities []model.Entity `json:"entities"`
	Issues   []string       `json:"issues"`
	Notes    []string       `json:"notes,omitempty"`
}

func newAnalysis(d *model.Document, withText bool) analysis {
	out := analysis{ID: d.ExtID, URL: d.URL, Title: d.Title, Lang: d.Lang, Events: d.Events, Quotes: d.Quotes,
		Entities: d.Entities, Issues: d.Issues, Notes: d.Notes}
	if !d.Published.IsZero() {
		out.Date = d.Published.Format("2006-01-02")
	}
	if withText {
		out.Text = d.Text
	}
	// Empty lists rather than null, so consumers can iterate blindly.
	if out.Events == nil {
		out.Events = []model.Event{}
	}
	if out.Quotes == nil {
		out.Quotes = []model.Quote{}
	}
	if out.Entities == nil {
		out.Entities = []model.Entity{}
	}
	if out.Issues == nil {
		out.Issues = []string{}
	}
	return out
}

// streamInputs analyses the documents of the input files (or stdin when
// none, or "-") and hands them to write in input order.
func streamInputs(ctx context.Context, a *app, cmd string, p *pipeline.Pipeline, workers int, inputs []string, write func(*model.Document) error) error {
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	failed := false
	r := ingest.New(ingest.WithFollowLinks(false), ingest.WithWarn(func(err error) {
		fmt.Fprintf(a.stderr, "parley %s: %v\n", cmd, err)
		failed = true
	}))
	err := p.Stream(ctx, workers, func(send func(*model.Document) bool) error {
		emit := func(d *model.Document) error {
			if !send(d) {
				return ctx.Err()
			}
			return nil
		}
		for _, in := range inputs {
			var err error
			if in == "-" {
				err = r.ReadFrom(ctx, "stdin", a.stdin, emit)
			} else {
				err = r.Read(ctx, in, emit)
			}
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				fmt.Fprintf(a.stderr, "parley %s: %v\n", cmd, err)
				failed = true
			}
		}
		return nil
	}, write)
	if err != nil {
		return err
	}
	if failed {
		return errPartial
	}
	return nil
}

func runAnalyze(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("analyze", "[FILE...] (JSON lines {id,date,title,text,url} or text; stdin when none)")
	withText := fs.Bool("text", false, "include each document's text in the output")
	af := addAnalysisFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	p, err := af.pipeline()
	if err != nil {
		return err
	}
	return streamInputs(ctx, a, "analyze", p, *af.workers, fs.Args(), func(d *model.Document) error {
		return a.writeJSON(newAnalysis(d, *withText))
	})
}

func runCode(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("code", "[FILE...] (JSON lines or text; stdin when none)")
	format := fs.String("format", "json", "output: json (parley events), csv (GDELT 2.0 event table) or plover (PLOVER JSON)")
	af := addAnalysisFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	p, err := af.pipeline()
	if err != nil {
		return err
	}
	now := time.Now()
	var id int64
	var write func(*model.Document) error
	switch *format {
	case "json":
		write = func(d *model.Document) error {
			for _, e := range d.Events {
				if err := a.writeJSON(withDocument(e, d)); err != nil {
					return err
				}
			}
			return nil
		}
	case "csv":
		g, err := export.NewGDELT(a.stdout, now)
		if err != nil {
			return err
		}
		defer g.Flush()
		write = func(d *model.Document) error {
			for _, e := range d.Events {
				id++
				if err := g.Write(id, withDocument(e, d), d.URL); err != nil {
					return err
				}
			}
			return g.Flush()
		}
	case "plover":
		write = func(d *model.Document) error {
			for _, e := range d.Events {
				id++
				if rec, ok := export.Plover("parley-"+strconv.FormatInt(id, 10), withDocument(e, d), d.URL, now); ok {
					if err := a.writeJSON(rec); err != nil {
						return err
					}
				}
			}
			return nil
		}
	default:
		return fmt.Errorf("%w: --format %q: want json, csv or plover", errUsage, *format)
	}
	return streamInputs(ctx, a, "code", p, *af.workers, fs.Args(), write)
}

// withDocument stamps an event with its document's identity.
func withDocument(e model.Event, d *model.Document) model.Event {
	e.DocumentURL = d.URL
	if !d.Published.IsZero() {
		e.DocumentDate = d.Published.Format("2006-01-02")
	}
	return e
}

func runReanalyze(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("reanalyze", "")
	db := dbFlag(fs)
	all := fs.Bool("all", false, "re-analyse every document, not only those analysed by another version or dictionaries")
	asJSON := fs.Bool("json", false, "write the summary as JSON")
	af := addAnalysisFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	p, err := af.pipeline()
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	bar := a.progress()
	var done, skipped, events int
	// Documents are read page by page, then analysed in parallel and saved
	// one transaction each: an interruption leaves every document either
	// fully re-analysed or untouched.
	var docs []*model.Document
	if err := st.EachDocument(ctx, func(d *model.Document) error {
		if !*all && d.Analyzed == p.Version() {
			skipped++
			return nil
		}
		docs = append(docs, d)
		return nil
	}); err != nil {
		return err
	}
	err = p.Stream(ctx, *af.workers, func(send func(*model.Document) bool) error {
		for _, d := range docs {
			if !send(d) {
				return ctx.Err()
			}
		}
		return nil
	}, func(d *model.Document) error {
		if err := st.SaveAnalysis(ctx, d); err != nil {
			return err
		}
		done++
		events += len(d.Events)
		bar.update("re-analysed %d of %d documents", done, len(docs))
		return nil
	})
	bar.clear()
	if err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	if a.wantJSON(*asJSON) {
		return a.writeJSON(map[string]any{"reanalyzed": done, "unchanged": skipped, "events": events, "version": p.Version()})
	}
	fmt.Fprintf(a.stdout, "re-analysed %d documents (%d events); %d already up to date (%s)\n", done, events, skipped, p.Version())
	return err
}
