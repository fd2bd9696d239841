package main

import (
	"context"
	"fmt"
)

func init() {
	commands = append(commands, command{name: "stats", summary: "counts of documents, clusters, outlets, feeds and store size", run: runStats})
}

func runStats(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("stats", "")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "write JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %q", errUsage, fs.Args())
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if a.wantJSON(*asJSON) {
		return a.writeJSON(s)
	}
	fmt.Fprintf(a.stdout, "store      %s (%s)\n", s.Path, humanBytes(s.Bytes))
	fmt.Fprintf(a.stdout, "documents  %d\n", s.Documents)
	fmt.Fprintf(a.stdout, "clusters   %d near-duplicate clusters holding %d documents\n", s.Clusters, s.Clustered)
	fmt.Fprintf(a.stdout, "outlets    %d\n", s.Outlets)
	fmt.Fprintf(a.stdout, "feeds      %d\n", s.Feeds)
	return nil
}

func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
