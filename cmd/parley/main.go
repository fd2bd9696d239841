// Command parley turns news about diplomacy and conflict into structured,
// queryable data. Run "parley help" for the command list.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"syscall"
)

// command is one subcommand. run gets the arguments after the command name.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, app *app, args []string) error
}

// commands is the CLI table. Each command's file adds its entry in init, so
// commands can be added without touching a shared list.
var commands []command

// app carries what every command needs: streams and the store location.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// terminal is true when stderr is a terminal (progress bars allowed).
	terminal bool
}

// errUsage marks errors caused by bad arguments; main exits 2 for them.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	a := &app{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, terminal: isTerminal(os.Stderr)}
	os.Exit(a.main(ctx, os.Args[1:]))
}

func (a *app) main(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		a.usage()
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			err := c.run(ctx, a, args[1:])
			switch {
			case err == nil:
				return 0
			case errors.Is(err, flag.ErrHelp):
				return 0
			case errors.Is(err, errUsage):
				fmt.Fprintf(a.stderr, "parley %s: %v\n", c.name, err)
				return 2
			case errors.Is(err, errPartial):
				// The command already reported what failed.
				return 1
			default:
				fmt.Fprintf(a.stderr, "parley %s: %v\n", c.name, err)
				return 1
			}
		}
	}
	fmt.Fprintf(a.stderr, "parley: unknown command %q (run \"parley help\")\n", args[0])
	return 2
}

// errPartial is returned when some inputs failed and were already reported
// while the others were processed.
var errPartial = errors.New("some inputs failed")

func (a *app) usage() {
	fmt.Fprintln(a.stdout, "parley turns news about diplomacy and conflict into structured data.")
	fmt.Fprintln(a.stdout, "\nUsage: parley COMMAND [flags] [args]\n\nCommands:")
	cs := append([]command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(a.stdout, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(a.stdout, "\nRun \"parley COMMAND -h\" for a command's flags.")
}

// newFlags makes a FlagSet that reports errors as usage errors instead of exiting.
func (a *app) newFlags(name, argsHelp string) *flag.FlagSet {
	fs := flag.NewFlagSet("parley "+name, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	fs.Usage = func() {
		fmt.Fprintf(a.stderr, "Usage: parley %s [flags] %s\n", name, argsHelp)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors. Flags may
// follow the arguments ("parley eval petrarch FILE --dicts DIR"); "--" ends
// the flags.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	// Parse leaves the positional arguments in fs.Args(): hand it the
	// collected ones after an explicit "--".
	return fs.Parse(append([]string{"--"}, pos...))
}

// dbFlag registers --db with its documented default: $PARLEY_DB, else
// $XDG_DATA_HOME/parley/parley.db (~/.local/share/parley/parley.db).
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", defaultDBPath(), "store file (env PARLEY_DB)")
}

func defaultDBPath() string {
	if p := os.Getenv("PARLEY_DB"); p != "" {
		return p
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "parley.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "parley", "parley.db")
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
