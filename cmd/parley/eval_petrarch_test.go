package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeSuite writes a small validation suite of our own, with its
// dictionaries, and returns its folder.
func writeSuite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"V.verbs.txt":  "--- ATTACK [190] ---\nATTACK\n--- MEET [040] ---\nMEET {MET}\n",
		"A.actors.txt": "RURITANIA [RUR]\nFREEDONIA [FRE]\n",
		"G.agents.txt": "SOLDIERS [~MIL]\n",
		"suite.xml": `<Validation><Environment><Verbfile>V.verbs.txt</Verbfile>
<Actorfile>A.actors.txt</Actorfile><Agentfile>G.agents.txt</Agentfile></Environment>
<Sentence date="20200101" id="T-1" category="ONE"><EventCoding sourcecode="RUR" targetcode="FRE" eventcode="190"></EventCoding>
<Text>Ruritania attacked Freedonia.</Text></Sentence>
<Sentence date="20200101" id="T-2" category="ONE"><EventCoding sourcecode="FREMIL" targetcode="RUR" eventcode="190"></EventCoding>
<Text>Freedonia soldiers attacked Ruritania.</Text></Sentence>
<Sentence date="20200101" id="T-3" category="TWO"><EventCoding sourcecode="RUR" targetcode="FRE" eventcode="111"></EventCoding>
<Text>Ruritania met Freedonia.</Text></Sentence>
</Validation>`,
	}
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEvalPetrarch(t *testing.T) {
	dir := writeSuite(t)
	// Flags may follow the file, as in the README.
	code, out, stderr := run(t, "", "eval", "petrarch", filepath.Join(dir, "suite.xml"), "--dicts", dir, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Records, Passed int
		Categories      map[string][2]int
		Failures        []struct {
			ID        string
			Want, Got []string
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("output %q: %v", out, err)
	}
	if rep.Records != 3 || rep.Passed != 2 || rep.Categories["ONE"] != [2]int{2, 2} || rep.Categories["TWO"] != [2]int{0, 1} {
		t.Errorf("report %+v", rep)
	}
	if len(rep.Failures) != 1 || rep.Failures[0].ID != "T-3" || strings.Join(rep.Failures[0].Got, ";") != "RUR FRE 040" {
		t.Errorf("failures %+v", rep.Failures)
	}
}

func TestEvalPetrarchErrors(t *testing.T) {
	dir := writeSuite(t)
	bad := filepath.Join(dir, "bad.xml")
	os.WriteFile(bad, []byte("<Validation><Sentence date=\"20200101\"><Text>x</Text></Sentence></Validation>"), 0o644)
	noVerbs := filepath.Join(dir, "noverbs.xml")
	os.WriteFile(noVerbs, []byte("<Validation><Environment><Verbfile>missing.txt</Verbfile><Actorfile>A.actors.txt</Actorfile></Environment></Validation>"), 0o644)
	noActors := filepath.Join(dir, "noactors.xml")
	os.WriteFile(noActors, []byte("<Validation><Environment><Verbfile>V.verbs.txt</Verbfile></Environment></Validation>"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"eval", "petrarch"}, 2, "want one validation file"},
		{[]string{"eval", "petrarch", filepath.Join(dir, "none.xml")}, 1, "none.xml"},
		{[]string{"eval", "petrarch", bad}, 1, "bad.xml:1: <Sentence> without id"},
		{[]string{"eval", "petrarch", noVerbs}, 1, "missing.txt"},
		{[]string{"eval", "petrarch", noActors}, 1, "noactors.xml names no actor or agent file"},
		{[]string{"eval", "petrarch", filepath.Join(dir, "suite.xml"), "--dicts", filepath.Join(dir, "nowhere")}, 1, "nowhere"},
	} {
		code, _, stderr := run(t, "", tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}
