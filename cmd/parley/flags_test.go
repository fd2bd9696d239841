package main

import (
	"errors"
	"flag"
	"io"
	"strings"
	"testing"
)

func TestParseFlagsAfterArguments(t *testing.T) {
	tests := []struct {
		args []string
		n    string // --n value
		json bool
		rest string
		err  bool
	}{
		{[]string{"a", "b"}, "", false, "a b", false},
		{[]string{"--n", "1", "a"}, "1", false, "a", false},
		{[]string{"a", "--n", "1", "b", "--json"}, "1", true, "a b", false},
		{[]string{"a", "--", "--json", "-x"}, "", false, "a --json -x", false},
		{[]string{"--", "a"}, "", false, "a", false},
		{[]string{"a", "--bogus"}, "", false, "", true},
		{[]string{"a", "--n"}, "", false, "", true},
	}
	for _, tc := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		n := fs.String("n", "", "")
		j := fs.Bool("json", false, "")
		err := parseFlags(fs, tc.args)
		if tc.err {
			if !errors.Is(err, errUsage) {
				t.Errorf("%q: error %v, want a usage error", tc.args, err)
			}
			continue
		}
		if err != nil || *n != tc.n || *j != tc.json || strings.Join(fs.Args(), " ") != tc.rest {
			t.Errorf("%q: n=%q json=%v args=%q err=%v; want %q %v %q", tc.args, *n, *j, fs.Args(), err, tc.n, tc.json, tc.rest)
		}
	}
}
