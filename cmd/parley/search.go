package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/parleyhq/parley/internal/store"
)

func init() {
	commands = append(commands, command{name: "search", summary: "full-text search over stored documents", run: runSearch})
}

func runSearch(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("search", "QUERY")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "write JSON lines")
	since := fs.String("since", "", "only documents dated on or after `YYYY-MM-DD`")
	until := fs.String("until", "", "only documents dated on or before `YYYY-MM-DD`")
	source := fs.String("source", "", "only documents from this outlet (host), feed URL or ingested source")
	limit := fs.Int("limit", 20, "maximum number of results")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	q := store.Query{Text: strings.Join(fs.Args(), " "), Source: *source, Limit: *limit}
	if strings.TrimSpace(q.Text) == "" {
		return fmt.Errorf("%w: missing QUERY", errUsage)
	}
	if *limit <= 0 {
		return fmt.Errorf("%w: --limit must be positive", errUsage)
	}
	var err error
	if q.Since, q.Until, err = parseDays(*since, *until); err != nil {
		return err
	}
	hits, err := listStored(ctx, a, *db, *asJSON, "no matches", func(st store.Store) ([]store.Hit, error) {
		return st.Search(ctx, q)
	})
	if err != nil {
		return err
	}
	for i, h := range hits {
		date := "undated"
		if !h.Date.IsZero() {
			date = h.Date.Format("2006-01-02")
		}
		fmt.Fprintf(a.stdout, "%d. %s  [%s %s]", i+1, h.Title, date, h.Outlet)
		if h.Copies > 1 {
			fmt.Fprintf(a.stdout, " (%d copies)", h.Copies)
		}
		fmt.Fprintf(a.stdout, "\n   %s\n", strings.Join(strings.Fields(h.Snippet), " "))
		if h.URL != "" {
			fmt.Fprintf(a.stdout, "   %s\n", h.URL)
		}
	}
	return nil
}
