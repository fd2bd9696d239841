package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/ingest"
	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/store"
)

var feedCommands = group{
	"add":    {name: "add", summary: "add feeds by URL, or every feed of an OPML list or a page", run: runFeedsAdd},
	"list":   {name: "list", summary: "list stored feeds and their polling state", run: runFeedsList},
	"remove": {name: "remove", summary: "stop polling feeds (their documents stay)", run: runFeedsRemove},
}

func init() {
	commands = append(commands,
		command{name: "feeds", summary: "manage the feeds that poll reads (add, list, remove)", run: feedCommands.runner("feeds")},
		command{name: "poll", summary: "poll stored feeds once (or --every D) with conditional requests", run: runPoll},
	)
}

func runFeedsAdd(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("feeds add", "URL|OPML...")
	db := dbFlag(fs)
	rf := addReaderFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: no feed URL or OPML list given", errUsage)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	r := rf.reader(func(err error) { fmt.Fprintf(a.stderr, "parley feeds add: %v\n", err) })
	failed := false
	for _, src := range fs.Args() {
		refs, err := r.FeedURLs(ctx, src)
		if err != nil {
			fmt.Fprintf(a.stderr, "parley feeds add: %v\n", err)
			failed = true
			continue
		}
		for _, ref := range refs {
			f, err := st.AddFeed(ctx, ref.URL)
			if err != nil {
				fmt.Fprintf(a.stderr, "parley feeds add: %v\n", err)
				failed = true
				continue
			}
			if f.Title == "" && ref.Title != "" {
				f.Title = ref.Title
				if err := st.UpdateFeed(ctx, f); err != nil {
					return err
				}
			}
			fmt.Fprintf(a.stdout, "added %s\n", f.URL)
		}
	}
	if failed {
		return errPartial
	}
	return nil
}

func runFeedsList(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("feeds list", "")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "write JSON lines")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	feeds, err := listStored(ctx, a, *db, *asJSON, "no feeds (add one with: parley feeds add URL)", func(st store.Store) ([]store.Feed, error) {
		return st.Feeds(ctx)
	})
	if err != nil {
		return err
	}
	for _, f := range feeds {
		state := "never polled"
		if !f.LastPolled.IsZero() {
			state = "polled " + f.LastPolled.Local().Format("2006-01-02 15:04")
		}
		if f.Errors > 0 {
			state += fmt.Sprintf(", %d failed polls: %s", f.Errors, f.LastError)
		}
		title := f.Title
		if title == "" {
			title = "-"
		}
		fmt.Fprintf(a.stdout, "%s\n  %s; %d documents; %s\n", f.URL, title, f.Documents, state)
	}
	return nil
}

func runFeedsRemove(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("feeds remove", "URL...")
	db := dbFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: no feed URL given", errUsage)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	failed := false
	for _, u := range fs.Args() {
		if err := st.RemoveFeed(ctx, u); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				err = fmt.Errorf("%s is not a stored feed", u)
			}
			fmt.Fprintf(a.stderr, "parley feeds remove: %v\n", err)
			failed = true
			continue
		}
		fmt.Fprintf(a.stdout, "removed %s\n", u)
	}
	if failed {
		return errPartial
	}
	return nil
}

// maxBackoff caps the wait after repeated failures of a feed.
const maxBackoff = 24 * time.Hour

// nextPoll is when a feed is due again: the interval after a success, and
// the interval doubled per consecutive failure (capped) after errors.
func nextPoll(now time.Time, interval time.Duration, errors int) time.Time {
	wait := interval
	for i := 0; i < errors && wait < maxBackoff; i++ {
		wait *= 2
	}
	return now.Add(min(wait, maxBackoff))
}

func runPoll(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("poll", "")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "write per-feed results as JSON lines")
	interval := fs.Duration("interval", 30*time.Minute, "poll each feed at most this often; failures back off from it")
	all := fs.Bool("all", false, "poll every feed now, even those not yet due")
	every := fs.Duration("every", 0, "keep polling: run a round every D until interrupted (0 = one round)")
	noAnalyze := fs.Bool("no-analyze", false, "store documents without analysing them")
	rf := addReaderFlags(fs)
	af := addAnalysisFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *interval <= 0 || *every < 0 {
		return fmt.Errorf("%w: --interval must be positive and --every not negative", errUsage)
	}
	in, err := newIngester(ctx, a, *db, af, *noAnalyze, "parley poll")
	if err != nil {
		return err
	}
	defer in.st.Close()
	for {
		failed, err := pollRound(ctx, in, rf, *interval, *all, a.wantJSON(*asJSON))
		if err != nil {
			return err
		}
		if *every == 0 {
			if failed {
				return errPartial
			}
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(*every):
		}
	}
}

// pollRound polls every due feed once and stores what it finds.
func pollRound(ctx context.Context, in *ingester, rf readerFlags, interval time.Duration, all, asJSON bool) (failed bool, err error) {
	a := in.a
	feeds, err := in.st.Feeds(ctx)
	if err != nil {
		return false, err
	}
	for _, f := range feeds {
		now := time.Now().UTC()
		if !all && !f.NextPoll.IsZero() && f.NextPoll.After(now) {
			continue
		}
		t := &tally{Source: f.URL}
		r := rf.reader(func(err error) {
			in.bar.clear()
			fmt.Fprintf(a.stderr, "parley poll: %v\n", err)
			t.count(func(t *tally) { t.Failed++ })
		})
		prev := ingest.FeedState{ETag: f.ETag, LastModified: f.LastModified}
		var state ingest.FeedState
		perr := in.run(ctx, t, func(emit func(*model.Document) error) error {
			var err error
			state, err = r.PollFeed(ctx, f.URL, prev, func(doc *model.Document) error {
				doc.Origin = f.URL
				return emit(doc)
			})
			return err
		})
		if ctx.Err() != nil {
			return failed, ctx.Err()
		}
		f.LastPolled = now
		if perr != nil {
			f.Errors++
			f.LastError = perr.Error()
			t.Error = perr.Error()
			failed = true
			in.bar.clear()
			fmt.Fprintf(a.stderr, "parley poll: %v (failure %d, next try %s)\n", perr,
				f.Errors, nextPoll(now, interval, f.Errors).Local().Format("2006-01-02 15:04"))
		} else {
			f.Errors, f.LastError, f.LastOK = 0, "", now
			f.ETag, f.LastModified = state.ETag, state.LastModified
			if state.Title != "" {
				f.Title = strings.TrimSpace(state.Title)
			}
		}
		f.NextPoll = nextPoll(now, interval, f.Errors)
		if err := in.st.UpdateFeed(ctx, f); err != nil {
			return failed, err
		}
		in.bar.clear()
		if asJSON {
			if err := a.writeJSON(struct {
				*tally
				NotModified bool `json:"not_modified"`
			}{t, state.NotModified && perr == nil}); err != nil {
				return failed, err
			}
		} else if perr == nil && state.NotModified {
			fmt.Fprintf(a.stdout, "%s: not modified\n", f.URL)
		} else {
			fmt.Fprintln(a.stdout, t)
		}
	}
	return failed, nil
}
