package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/parleyhq/parley/internal/store"
)

// openStore opens the store named by --db.
func openStore(ctx context.Context, path string) (store.Store, error) {
	return store.Open(ctx, path)
}

// wantJSON reports whether output should be JSON: asked for, or stdout is
// not a terminal (piped into another tool).
func (a *app) wantJSON(flag bool) bool {
	if flag {
		return true
	}
	f, ok := a.stdout.(*os.File)
	return ok && !isTerminal(f)
}

// writeJSONLines writes each item as one JSON line.
func writeJSONLines[T any](a *app, items []T) error {
	for _, it := range items {
		if err := a.writeJSON(it); err != nil {
			return err
		}
	}
	return nil
}

func (a *app) writeJSON(v any) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// listStored opens the store at db and lists records with list. When JSON
// is wanted it writes them as JSON lines, and says empty when there are
// none; it returns the records left for the caller to print as text (none
// after JSON).
func listStored[T any](ctx context.Context, a *app, db string, asJSON bool, empty string, list func(store.Store) ([]T, error)) ([]T, error) {
	st, err := openStore(ctx, db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	recs, err := list(st)
	if err != nil {
		return nil, err
	}
	if a.wantJSON(asJSON) {
		return nil, writeJSONLines(a, recs)
	}
	if len(recs) == 0 {
		fmt.Fprintln(a.stdout, empty)
	}
	return recs, nil
}

// parseDays parses the --since and --until flags.
func parseDays(since, until string) (from, to time.Time, err error) {
	if from, err = parseDay("since", since); err != nil {
		return from, to, err
	}
	to, err = parseDay("until", until)
	return from, to, err
}

// parseDay parses a YYYY-MM-DD flag value; "" is the zero time.
func parseDay(name, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: --%s %q: want a date as YYYY-MM-DD", errUsage, name, v)
	}
	return t, nil
}
