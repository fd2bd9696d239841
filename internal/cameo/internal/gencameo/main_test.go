package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/parleyhq/parley/internal/refdata"
)

// TestGeneratedIsCurrent fails when table_gen.go was edited by hand or the
// reference files changed without "go generate".
func TestGeneratedIsCurrent(t *testing.T) {
	dir, err := refdata.Dir()
	if err != nil {
		t.Skipf("reference data: %v", err)
	}
	got, err := generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "table_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("table_gen.go is stale: run go generate ./internal/cameo")
	}
}

func TestReadPloverErrors(t *testing.T) {
	tests := map[string]string{
		"not a code":  "0x3: AGREE\n",
		"no type":     "030: , mode\n",
		"conflicting": "030: AGREE\n030: CONSULT\n",
	}
	for name, text := range tests {
		p := filepath.Join(t.TempDir(), "plover.txt")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readPlover(p); err == nil {
			t.Errorf("%s: no error", name)
		} else if !bytes.Contains([]byte(err.Error()), []byte("plover.txt:")) {
			t.Errorf("%s: error %q lacks file:line", name, err)
		}
	}
}
