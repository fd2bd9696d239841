package main

import (
	"context"
	"flag"
	"fmt"
	"sync"
	"time"

	"github.com/parleyhq/parley/internal/ingest"
	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/pipeline"
	"github.com/parleyhq/parley/internal/store"
)

func init() {
	commands = append(commands, command{name: "ingest", summary: "read files, folders, JSONL/CSV, web pages, feeds and OPML into the store, analysed", run: runIngest})
}

// tally counts what happened to the documents of one source. Readers and
// the writer update it from different goroutines, hence the mutex.
type tally struct {
	mu            sync.Mutex
	Source        string `json:"source"`
	New           int    `json:"new"`
	Duplicate     int    `json:"duplicate"`
	NearDuplicate int    `json:"near_duplicate"`
	Failed        int    `json:"failed"`
	Error         string `json:"error,omitempty"` // why the source as a whole failed
}

func (t *tally) count(f func(*tally)) {
	t.mu.Lock()
	f(t)
	t.mu.Unlock()
}

func (t *tally) add(o *tally) {
	t.New += o.New
	t.Duplicate += o.Duplicate
	t.NearDuplicate += o.NearDuplicate
	t.Failed += o.Failed
}

func (t *tally) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := fmt.Sprintf("%s: %d new, %d duplicate, %d near-duplicate, %d failed", t.Source, t.New, t.Duplicate, t.NearDuplicate, t.Failed)
	if t.Error != "" {
		s += " (" + t.Error + ")"
	}
	return s
}

func (t *tally) outcome(o store.Outcome) {
	t.count(func(t *tally) {
		switch o {
		case store.New:
			t.New++
		case store.Duplicate:
			t.Duplicate++
		case store.NearDuplicate:
			t.NearDuplicate++
		}
	})
}

// readerFlags registers the network flags shared by ingest, feeds and poll.
type readerFlags struct {
	timeout  *time.Duration
	maxBytes *int64
	noFollow *bool
}

func addReaderFlags(fs *flag.FlagSet) readerFlags {
	return readerFlags{
		timeout:  fs.Duration("timeout", 30*time.Second, "time limit for each HTTP request"),
		maxBytes: fs.Int64("max-bytes", ingest.DefaultMaxBytes, "refuse files and responses larger than this many bytes"),
		noFollow: fs.Bool("no-follow", false, "do not fetch the pages that short feed items link to"),
	}
}

func (f readerFlags) reader(warn func(error)) *ingest.Reader {
	return ingest.New(ingest.WithTimeout(*f.timeout), ingest.WithMaxBytes(*f.maxBytes),
		ingest.WithFollowLinks(!*f.noFollow), ingest.WithWarn(warn))
}

// analysisFlags registers the flags that configure the analysis pipeline.
type analysisFlags struct {
	dicts, issues *string
	workers       *int
}

func addAnalysisFlags(fs *flag.FlagSet) analysisFlags {
	return analysisFlags{
		dicts:   fs.String("dicts", "", "folder of extra dictionaries: parley's actor format and PETRARCH actor, agent, verb and discard files"),
		issues:  fs.String("issues", "", "issue taxonomy file replacing the default (docs/issues.md)"),
		workers: fs.Int("workers", 0, "documents analysed in parallel (default: one per core)"),
	}
}

func (f analysisFlags) pipeline() (*pipeline.Pipeline, error) {
	var opts []pipeline.Option
	if *f.dicts != "" {
		opts = append(opts, pipeline.WithDicts(*f.dicts))
	}
	if *f.issues != "" {
		opts = append(opts, pipeline.WithIssues(*f.issues))
	}
	return pipeline.New(opts...)
}

// ingester reads sources, analyses new documents in parallel and stores
// them, counting outcomes per source.
type ingester struct {
	a       *app
	st      store.Store
	p       *pipeline.Pipeline // nil: store without analysis
	workers int
	bar     *progress
	prefix  string // "parley ingest" or "parley poll", for messages
}

// newIngester opens the store and, unless noAnalyze, the analysis pipeline.
// The caller closes the returned ingester's store.
func newIngester(ctx context.Context, a *app, db string, af analysisFlags, noAnalyze bool, prefix string) (*ingester, error) {
	in := &ingester{a: a, workers: *af.workers, bar: a.progress(), prefix: prefix}
	if !noAnalyze {
		var err error
		if in.p, err = af.pipeline(); err != nil {
			return nil, err
		}
	}
	st, err := openStore(ctx, db)
	if err != nil {
		return nil, err
	}
	in.st = st
	return in, nil
}

// run reads one source through read (which calls emit per document).
func (in *ingester) run(ctx context.Context, t *tally, read func(emit func(*model.Document) error) error) error {
	save := func(doc *model.Document) error {
		res, err := in.st.AddDocument(ctx, doc)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			in.bar.clear()
			fmt.Fprintf(in.a.stderr, "%s: %s: %v\n", in.prefix, t.Source, err)
			t.count(func(t *tally) { t.Failed++ })
			return nil
		}
		t.outcome(res.Outcome)
		in.bar.update("%s", t)
		return nil
	}
	if in.p == nil {
		return read(save)
	}
	return in.p.Stream(ctx, in.workers, func(send func(*model.Document) bool) error {
		return read(func(doc *model.Document) error {
			// Exact repeats are counted without analysing them again.
			if _, known, err := in.st.Known(ctx, doc.Text); err == nil && known {
				t.outcome(store.Duplicate)
				return nil
			}
			if !send(doc) {
				return ctx.Err()
			}
			return nil
		})
	}, save)
}

func runIngest(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("ingest", "SOURCE... (files, folders, URLs, feeds, OPML; - for stdin)")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "write the summary as JSON")
	noAnalyze := fs.Bool("no-analyze", false, "store documents without analysing them (run parley reanalyze later)")
	rf := addReaderFlags(fs)
	af := addAnalysisFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: no SOURCE given", errUsage)
	}
	in, err := newIngester(ctx, a, *db, af, *noAnalyze, "parley ingest")
	if err != nil {
		return err
	}
	defer in.st.Close()

	var tallies []*tally
	total := &tally{Source: "total"}
	failed := false
	for _, src := range fs.Args() {
		t := &tally{Source: src}
		r := rf.reader(func(err error) {
			in.bar.clear()
			fmt.Fprintf(a.stderr, "parley ingest: %v\n", err)
			t.count(func(t *tally) { t.Failed++ })
		})
		err := in.run(ctx, t, func(emit func(*model.Document) error) error {
			if src == "-" {
				return r.ReadFrom(ctx, "stdin", a.stdin, emit)
			}
			return r.Read(ctx, src, emit)
		})
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			in.bar.clear()
			fmt.Fprintf(a.stderr, "parley ingest: %v\n", err)
			t.Error = err.Error()
		}
		if t.Failed > 0 || t.Error != "" {
			failed = true
		}
		total.add(t)
		tallies = append(tallies, t)
	}
	in.bar.clear()
	if a.wantJSON(*asJSON) {
		if err := a.writeJSON(map[string]any{"sources": tallies, "total": total}); err != nil {
			return err
		}
	} else {
		for _, t := range tallies {
			fmt.Fprintln(a.stdout, t)
		}
		if len(tallies) > 1 {
			fmt.Fprintln(a.stdout, total)
		}
	}
	if failed {
		return errPartial
	}
	return nil
}
