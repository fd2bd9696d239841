package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalNER(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "g.iob2")
	os.WriteFile(good, []byte("1\tPresident\tO\n2\tZelensky\tB-PER\n3\tmet\tO\n4\tNATO\tB-ORG\n5\tin\tO\n6\tBrussels\tB-LOC\n7\t.\tO\n"), 0o644)
	code, out, errs := run(t, "", "eval", "ner", "--json", good)
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
	code, _, errs = run(t, "", "eval", "ner", bad)
	if code != 1 || !strings.Contains(errs, "b.iob2:2: bad tag") {
		t.Errorf("malformed input: exit %d, stderr %q", code, errs)
	}
	code, _, errs = run(t, "", "eval", "ner", filepath.Join(dir, "x.txt"))
	if code != 2 || !strings.Contains(errs, "unknown extension") {
		t.Errorf("unknown extension: exit %d, stderr %q", code, errs)
	}
	code, _, _ = run(t, "", "eval", "ner")
	if code != 2 {
		t.Errorf("no input: exit %d, want 2", code)
	}
}

// gumSentence is a GUM-style sentence written for this test: a person
// described by a common noun with a name under it (not scored), an
// organization and a place headed by proper nouns.
const gumSentence = `# newdoc id = GUM_news_cli
# text = The rapper Kanye West met Apple executives in Paris .
1	The	the	DET	DT	_	2	det	_	Entity=(1-person-new-x-x-1-sgl
2	rapper	rapper	NOUN	NN	_	5	nsubj	_	_
3	Kanye	Kanye	PROPN	NNP	_	2	appos	_	_
4	West	West	PROPN	NNP	_	3	flat	_	Entity=1)
5	met	meet	VERB	VBD	_	0	root	_	_
6	Apple	Apple	PROPN	NNP	_	7	compound	_	Entity=(2-person-new-x-x-1-sgl(3-organization-new-x-x-1-sgl)
7	executives	executive	NOUN	NNS	_	5	obj	_	Entity=2)
8	in	in	ADP	IN	_	9	case	_	_
9	Paris	Paris	PROPN	NNP	_	5	obl	_	Entity=(4-place-new-x-x-1-sgl)
10	.	.	PUNCT	.	_	5	punct	_	_

`

// TestEvalNERScoredSet checks the two scorings of GUM files: the gold
// mentions are the same (those headed by a proper noun), and the default
// scores (every prediction) is a superset of what --proper-heads scores.
func TestEvalNERScoredSet(t *testing.T) {
	f := filepath.Join(t.TempDir(), "g.conllu")
	os.WriteFile(f, []byte(gumSentence), 0o644)
	var counts [2]struct{ TP, FP, FN int }
	for i, args := range [][]string{{"eval", "ner", "--json", "--proper-heads", f}, {"eval", "ner", "--json", f}} {
		code, out, errs := run(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		var res struct {
			Scores []struct {
				Type       string
				TP, FP, FN int
			}
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Scores) == 0 || res.Scores[0].Type != "ALL" {
			t.Fatalf("%v: output %q: %v", args, out, err)
		}
		all := res.Scores[0]
		counts[i].TP, counts[i].FP, counts[i].FN = all.TP, all.FP, all.FN
	}
	d, a := counts[0], counts[1]
	if d.TP+d.FN != 2 || a.TP+a.FN != 2 {
		t.Errorf("gold mentions: %d and %d, want 2 (Apple, Paris)", d.TP+d.FN, a.TP+a.FN)
	}
	if d.TP > a.TP || d.FP > a.FP {
		t.Errorf("--proper-heads scoring %+v is not a subset of the default %+v", d, a)
	}
}

func TestTrainNERUsage(t *testing.T) {
	for _, args := range [][]string{
		{"train", "ner", "extra"},
		{"train", "ner", "--epochs", "0"},
		{"train", "ner", "--ensemble", "0"},
		{"train", "ner", "--out", filepath.Join(t.TempDir(), "missing")},
	} {
		if code, _, _ := run(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestTrainNERBadModel(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-tagger.bin")
	code, _, errs := run(t, "", "train", "ner", "--tagger", missing, "--out", t.TempDir())
	if code != 1 || !strings.Contains(errs, "no-such-tagger.bin") {
		t.Errorf("missing tagger model: exit %d, stderr %q", code, errs)
	}
}
