package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// group is a command made of named subcommands ("parley eval conllu ...").
type group map[string]command

// runner returns the run function of the group's parent command.
func (g group) runner(parent string) func(ctx context.Context, a *app, args []string) error {
	return func(ctx context.Context, a *app, args []string) error {
		if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
			fmt.Fprintf(a.stdout, "Usage: parley %s SUBCOMMAND [flags] [args]\n\nSubcommands:\n", parent)
			for _, n := range g.names() {
				fmt.Fprintf(a.stdout, "  %-10s %s\n", n, g[n].summary)
			}
			if len(args) == 0 {
				return fmt.Errorf("%w: missing subcommand", errUsage)
			}
			return nil
		}
		c, ok := g[args[0]]
		if !ok {
			return fmt.Errorf("%w: unknown subcommand %q (one of: %s)", errUsage, args[0], strings.Join(g.names(), ", "))
		}
		return c.run(ctx, a, args[1:])
	}
}

func (g group) names() []string {
	var ns []string
	for n := range g {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// evaluators holds "parley eval" subcommands; trainers holds "parley train"
// subcommands. Files add to them in init.
var (
	evaluators = group{}
	trainers   = group{}
)

func init() {
	commands = append(commands,
		command{name: "eval", summary: "measure accuracy on reference data (conllu, ner, petrarch, quotes)", run: evaluators.runner("eval")},
		command{name: "train", summary: "train the embedded models from reference data", run: trainers.runner("train")},
	)
}
