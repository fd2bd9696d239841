package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestActorsCommand(t *testing.T) {
	code, out, errs := run(t, "", "actors", "--date", "2010-06-01", "Prime Minister Vladimir Putin met Russian officials.")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got actorsOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON (stdout is not a terminal): %v\n%s", err, out)
	}
	if len(got.Mentions) != 2 || got.Mentions[0].Code != "RUSGOV" || got.Mentions[0].Title != "Prime Minister of Russia" ||
		got.Mentions[1].Text != "Russian officials." || got.Mentions[1].Code != "RUSGOV" {
		t.Errorf("got %+v", got)
	}

	code, out, _ = run(t, "", "actors", "--json")
	if code != 0 || !strings.Contains(out, `"persons":`) {
		t.Errorf("check: exit %d, %s", code, out)
	}
}

func TestActorsCommandErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.dict"), []byte("person X\n    role UKRGVO 2020.. Minister\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"actors", "--date", "June 2020", "x"}, 2, `--date "June 2020": want YYYY-MM-DD`},
		{[]string{"actors", "--only"}, 2, "--only needs --dicts"},
		{[]string{"actors", "--dicts", dir}, 1, "bad.dict:1: person \"X\": unknown segment \"GVO\""},
	}
	for _, tc := range tests {
		code, _, errs := run(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}
