package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/parleyhq/parley/internal/ingest"
	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/store"
)

func init() {
	commands = append(commands, command{name: "ingest", summary: "read files, folders, JSONL/CSV, web pages, feeds and OPML into the store", run: runIngest})
}

// tally counts what happened to the documents of one source.
type tally struct {
	Source        string `json:"source"`
	New           int    `json:"new"`
	Duplicate     int    `json:"duplicate"`
	NearDuplicate int    `json:"near_duplicate"`
	Failed        int    `json:"failed"`
	Error         string `json:"error,omitempty"` // why the source as a whole failed
}

func (t *tally) add(o tally) {
	t.New += o.New
	t.Duplicate += o.Duplicate
	t.NearDuplicate += o.NearDuplicate
	t.Failed += o.Failed
}

func (t tally) String() string {
	s := fmt.Sprintf("%s: %d new, %d duplicate, %d near-duplicate, %d failed", t.Source, t.New, t.Duplicate, t.NearDuplicate, t.Failed)
	if t.Error != "" {
		s += " (" + t.Error + ")"
	}
	return s
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

func runIngest(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("ingest", "SOURCE... (files, folders, URLs, feeds, OPML; - for stdin)")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "write the summary as JSON")
	rf := addReaderFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: no SOURCE given", errUsage)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()

	bar := a.progress()
	var cur *tally
	r := rf.reader(func(err error) {
		bar.clear()
		fmt.Fprintf(a.stderr, "parley ingest: %v\n", err)
		cur.Failed++
	})
	var tallies []tally
	total := tally{Source: "total"}
	failed := false
	for i, src := range fs.Args() {
		t := tally{Source: src}
		cur = &t
		store := func(doc *model.Document) error {
			res, err := st.AddDocument(ctx, doc)
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				bar.clear()
				fmt.Fprintf(a.stderr, "parley ingest: %s: %v\n", src, err)
				t.Failed++
				return nil
			}
			countOutcome(&t, res.Outcome)
			bar.update("[%d/%d] %s: %d new, %d duplicate, %d near-duplicate, %d failed",
				i+1, fs.NArg(), src, t.New, t.Duplicate, t.NearDuplicate, t.Failed)
			return nil
		}
		var err error
		if src == "-" {
			err = r.ReadFrom(ctx, "stdin", a.stdin, store)
		} else {
			err = r.Read(ctx, src, store)
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			bar.clear()
			fmt.Fprintf(a.stderr, "parley ingest: %v\n", err)
			t.Error = err.Error()
		}
		if t.Failed > 0 || t.Error != "" {
			failed = true
		}
		total.add(t)
		tallies = append(tallies, t)
	}
	bar.clear()
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

func countOutcome(t *tally, o store.Outcome) {
	switch o {
	case store.New:
		t.New++
	case store.Duplicate:
		t.Duplicate++
	case store.NearDuplicate:
		t.NearDuplicate++
	}
}
