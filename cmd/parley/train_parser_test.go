package main

import (
	"path/filepath"
	"testing"
)

func TestTrainParserUsage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "parser.bin")
	for _, args := range [][]string{
		{"train", "parser", "extra", "--out", out},
		{"train", "parser", "--ensemble", "0", "--out", out},
		{"train", "parser", "--folds", "1", "--out", out},
		{"train", "parser", "--out", ""},
	} {
		if code, _, _ := run(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
