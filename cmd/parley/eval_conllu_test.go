package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalConllu(t *testing.T) {
	code, out, stderr := run(t, "", "eval", "conllu", "../../internal/nlp/testdata/tiny.conllu")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		Sentences, Words int
		UPOS, UAS, LAS   float64
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("output %q: %v", out, err)
	}
	// Hand-written news sentences: the trained models should get most right.
	if r.Sentences != 8 || r.Words != 56 || r.UPOS < 80 || r.UAS < 70 || r.LAS > r.UAS {
		t.Errorf("unexpected scores %+v", r)
	}
}

func TestEvalConlluErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.conllu")
	os.WriteFile(bad, []byte("1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2\tcat\n"), 0o644)
	beyond := filepath.Join(dir, "beyond.conllu")
	os.WriteFile(beyond, []byte("# c\n1\tA\ta\tDET\tDT\t_\t5\tdet\t_\t_\n\n"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"eval", "conllu"}, 2, "want one CoNLL-U file"},
		{[]string{"eval", "conllu", bad}, 1, "bad.conllu:2: expected 10 tab-separated columns"},
		{[]string{"eval", "conllu", beyond}, 1, "beyond.conllu:1: word 1: head 5 beyond sentence length 1"},
		{[]string{"eval", "conllu", filepath.Join(dir, "missing.conllu")}, 1, "missing.conllu"},
		{[]string{"eval", "conllu", "--tagger", bad, bad}, 1, "load tagger"},
	} {
		code, _, stderr := run(t, "", tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}
