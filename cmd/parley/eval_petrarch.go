package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parleyhq/parley/internal/events/petrarch"
)

func init() {
	evaluators["petrarch"] = command{
		name:    "petrarch",
		summary: "code the PETRARCH validation records from their text, report records passed per category",
		run:     runEvalPetrarch,
	}
}

func runEvalPetrarch(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("eval petrarch", "FILE (PETR.UnitTest.records.xml)")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	dicts := fs.String("dicts", "", "folder of the dictionaries the suite names (default: the suite's folder)")
	failures := fs.Bool("failures", false, "list the records that fail, with expected and coded events")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: want one validation file", errUsage)
	}
	path := fs.Arg(0)
	dir := *dicts
	if dir == "" {
		dir = filepath.Dir(path)
	}
	s, err := petrarch.ReadFile(path)
	if err != nil {
		return err
	}
	p, err := petrarch.RealPipeline(s, dir)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	coded, err := petrarch.Run(s, dir, p)
	if err != nil {
		return err
	}
	rep := petrarch.Score(s.Records, coded)
	if a.wantJSON(*asJSON) {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	fmt.Fprintf(a.stdout, "%s: %d of %d records pass (%.1f%%)\n", path, rep.Passed, rep.Records, pct(rep.Passed, rep.Records))
	var cats []string
	for c := range rep.Categories {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		n := rep.Categories[c]
		fmt.Fprintf(a.stdout, "  %-10s %3d of %3d (%5.1f%%)\n", c, n[0], n[1], pct(n[0], n[1]))
	}
	if *failures {
		for _, f := range rep.Failures {
			fmt.Fprintf(a.stdout, "%s (%s)\n  want: %s\n  got:  %s\n", f.ID, f.Category, strings.Join(f.Want, "; "), strings.Join(f.Got, "; "))
		}
	}
	return nil
}

func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}
