package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	code = a.main(context.Background(), args)
	return code, out.String(), errb.String()
}

func TestEvalNER(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "g.iob2")
	os.WriteFile(good, []byte("1\tPresident\tO\n2\tZelensky\tB-PER\n3\tmet\tO\n4\tNATO\tB-ORG\n5\tin\tO\n6\tBrussels\tB-LOC\n7\t.\tO\n"), 0o644)
	code, out, errs := runCLI(t, "eval", "ner", "--json", good)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Sentences int
		Scores    []struct {
			Type   string
			TP, FN int
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("output %q: %v", out, err)
	}
	if res.Sentences != 1 || len(res.Scores) == 0 || res.Scores[0].Type != "ALL" || res.Scores[0].TP+res.Scores[0].FN != 3 {
		t.Errorf("unexpected result %+v", res)
	}

	bad := filepath.Join(dir, "b.iob2")
	os.WriteFile(bad, []byte("1\tword\tO\n2\tword\tX-PER\n"), 0o644)
	code, _, errs = runCLI(t, "eval", "ner", bad)
	if code != 1 || !strings.Contains(errs, "b.iob2:2: bad tag") {
		t.Errorf("malformed input: exit %d, stderr %q", code, errs)
	}
	code, _, errs = runCLI(t, "eval", "ner", filepath.Join(dir, "x.txt"))
	if code != 2 || !strings.Contains(errs, "unknown extension") {
		t.Errorf("unknown extension: exit %d, stderr %q", code, errs)
	}
	code, _, _ = runCLI(t, "eval", "ner")
	if code != 2 {
		t.Errorf("no input: exit %d, want 2", code)
	}
}

func TestTrainNERUsage(t *testing.T) {
	for _, args := range [][]string{
		{"train", "ner", "extra"},
		{"train", "ner", "--epochs", "0"},
		{"train", "ner", "--out", filepath.Join(t.TempDir(), "missing")},
	} {
		if code, _, _ := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
