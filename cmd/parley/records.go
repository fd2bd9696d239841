package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/ledger"
	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/store"
)

// Commands that list what the analysis stored: events, quotes, speakers and
// the ledger of open requests.
func init() {
	commands = append(commands,
		command{name: "events", summary: "list stored events (who did what to whom), with filters", run: runEvents},
		command{name: "quotes", summary: "list stored quotes with their speakers", run: runQuotes},
		command{name: "speakers", summary: "list the speaker registry across documents", run: runSpeakers},
		command{name: "ledger", summary: "requests, proposals, demands and threats, and what became of them", run: runLedger},
	)
}

func runEvents(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("events", "")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "write JSON lines")
	var q store.EventQuery
	fs.StringVar(&q.Actor, "actor", "", "source or target: a code prefix (UKR, USAGOV) or a name (Zelensky)")
	dyad := fs.String("dyad", "", "`SOURCE,TARGET`: events from SOURCE to TARGET (codes or names)")
	fs.StringVar(&q.CAMEO, "cameo", "", "CAMEO code prefix, e.g. 03 or 036")
	fs.StringVar(&q.Plover, "plover", "", "PLOVER event type, e.g. CONSULT")
	since := fs.String("since", "", "events on or after `YYYY-MM-DD`")
	until := fs.String("until", "", "events on or before `YYYY-MM-DD`")
	fs.IntVar(&q.Limit, "limit", 0, "at most this many events (0 = all)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dyad != "" {
		src, tgt, ok := strings.Cut(*dyad, ",")
		if !ok || strings.TrimSpace(src) == "" || strings.TrimSpace(tgt) == "" {
			return fmt.Errorf("%w: --dyad wants SOURCE,TARGET, got %q", errUsage, *dyad)
		}
		q.Source, q.Target = strings.TrimSpace(src), strings.TrimSpace(tgt)
	}
	if q.Limit < 0 {
		return fmt.Errorf("%w: --limit must not be negative", errUsage)
	}
	var err error
	if q.Since, q.Until, err = parseDays(*since, *until); err != nil {
		return err
	}
	evs, err := listStored(ctx, a, *db, *asJSON, "no events", func(st store.Store) ([]model.Event, error) {
		return st.Events(ctx, q)
	})
	if err != nil {
		return err
	}
	for _, e := range evs {
		fmt.Fprintf(a.stdout, "%s  %s -> %s  %s %s (%s", eventDay(e), actorLabel(e.Source), actorLabel(e.Target),
			e.CAMEO, e.CAMEOLabel, e.Plover.Type)
		if e.Modality != model.Asserted {
			fmt.Fprintf(a.stdout, ", %s", e.Modality)
		}
		fmt.Fprintf(a.stdout, ")\n    %s\n", strings.Join(strings.Fields(e.Sentence), " "))
	}
	return nil
}

func eventDay(e model.Event) string {
	if e.Date != "" {
		return e.Date
	}
	return e.DocumentDate
}

func actorLabel(x model.Actor) string {
	name := x.Name
	if name == "" {
		name = x.Text
	}
	switch {
	case x.Code == "":
		return name
	case x.CountryInferred:
		return name + " [" + x.Code + ", country from the document]"
	}
	return name + " [" + x.Code + "]"
}

func runQuotes(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("quotes", "")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "write JSON lines")
	var q store.QuoteQuery
	fs.StringVar(&q.Speaker, "speaker", "", "speaker name (any part) or registry key")
	fs.StringVar(&q.Issue, "issue", "", "only quotes about this issue id (see docs/issues.md)")
	fs.IntVar(&q.Limit, "limit", 0, "at most this many quotes (0 = all)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if q.Limit < 0 {
		return fmt.Errorf("%w: --limit must not be negative", errUsage)
	}
	qs, err := listStored(ctx, a, *db, *asJSON, "no quotes", func(st store.Store) ([]model.Quote, error) {
		return st.Quotes(ctx, q)
	})
	if err != nil {
		return err
	}
	for _, x := range qs {
		sp := x.Speaker
		who := sp.Name
		if who == "" {
			who = sp.Text
		}
		for _, part := range []string{sp.Title, sp.Affiliation} {
			if part != "" {
				who += ", " + part
			}
		}
		single := ""
		if x.Outlets == 1 {
			single = "  [single source]"
		}
		fmt.Fprintf(a.stdout, "%s (%s, %s)%s\n    %s\n", who, x.Kind, x.Cue, single, strings.Join(strings.Fields(x.Text), " "))
	}
	return nil
}

func runSpeakers(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("speakers", "")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "write JSON lines")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	sps, err := listStored(ctx, a, *db, *asJSON, "no speakers", func(st store.Store) ([]store.Speaker, error) {
		return st.Speakers(ctx)
	})
	if err != nil {
		return err
	}
	for _, s := range sps {
		line := s.Name
		for _, part := range []string{s.Title, s.Affiliation} {
			if part != "" {
				line += ", " + part
			}
		}
		fmt.Fprintf(a.stdout, "%s: %d quotes in %d documents from %d outlets", line, s.Quotes, s.Documents, s.Outlets)
		if len(s.Variants) > 0 {
			fmt.Fprintf(a.stdout, " (also: %s)", strings.Join(s.Variants, "; "))
		}
		fmt.Fprintln(a.stdout)
	}
	return nil
}

func runLedger(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("ledger", "")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "write JSON lines")
	status := fs.String("status", "", "only threads with this status: open, accepted, fulfilled, rejected, expired")
	actor := fs.String("actor", "", "only threads with this side: a code prefix (UKR) or a name fragment")
	expiry := fs.Int("expiry-days", 90, "a thread with no activity for this many days expires")
	asOfFlag := fs.String("as-of", "", "measure ages to this `YYYY-MM-DD` (default today)")
	within := fs.Int("within", 30, "outlook horizon in days for open threads")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch *status {
	case "", ledger.Open, ledger.Accepted, ledger.Fulfilled, ledger.Rejected, ledger.Expired:
	default:
		return fmt.Errorf("%w: --status %q: want open, accepted, fulfilled, rejected or expired", errUsage, *status)
	}
	if *expiry <= 0 || *within <= 0 {
		return fmt.Errorf("%w: --expiry-days and --within must be positive", errUsage)
	}
	asOf, err := parseDay("as-of", *asOfFlag)
	if err != nil {
		return err
	}
	type row struct {
		*ledger.Thread
		Outlook *ledger.Outlook `json:"outlook,omitempty"`
	}
	rows, err := listStored(ctx, a, *db, *asJSON, "no threads", func(st store.Store) ([]row, error) {
		evs, err := st.Events(ctx, store.EventQuery{})
		if err != nil {
			return nil, err
		}
		threads := ledger.Build(evs, ledger.Config{Expiry: time.Duration(*expiry) * 24 * time.Hour, AsOf: asOf})
		var rows []row
		for _, t := range threads {
			if (*status != "" && t.Status != *status) || (*actor != "" && !partyMatches(t.From, *actor) && !partyMatches(t.To, *actor)) {
				continue
			}
			r := row{Thread: t}
			if t.Status == ledger.Open || t.Status == ledger.Accepted {
				o := ledger.Forecast(threads, t, *within)
				r.Outlook = &o
			}
			rows = append(rows, r)
		}
		return rows, nil
	})
	if err != nil {
		return err
	}
	for _, r := range rows {
		fmt.Fprintf(a.stdout, "%s %s -> %s: %s, %s (opened %s, %d days, last activity %s)\n",
			r.Kind, partyLabel(r.From), partyLabel(r.To), r.Subject, strings.ToUpper(r.Status),
			r.OpenedAt.Format("2006-01-02"), r.AgeDays, r.LastActivity.Format("2006-01-02"))
		for _, s := range r.Evidence {
			fmt.Fprintf(a.stdout, "    %-10s %s  %s %s: %s\n", s.Role, s.Date, s.Event.CAMEO, s.Event.CAMEOLabel,
				strings.Join(strings.Fields(s.Event.Sentence), " "))
		}
		if r.Outlook != nil {
			fmt.Fprintf(a.stdout, "    outlook: %s\n", r.Outlook.Note)
		}
	}
	return nil
}

func partyMatches(p ledger.Party, v string) bool {
	if v == strings.ToUpper(v) {
		return strings.HasPrefix(p.Code, v) || strings.HasPrefix(p.Key, v)
	}
	return strings.Contains(strings.ToLower(p.Name), strings.ToLower(v))
}

func partyLabel(p ledger.Party) string {
	if p.Code == "" {
		return p.Name
	}
	return p.Name + " [" + p.Code + "]"
}
