package petrarch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/actors"
	"github.com/parleyhq/parley/internal/model"
)

// tinyPipeline analyses "Subject verb Object ..." sentences: token 1 is the
// verb, token 0 its subject, token 2 its object; capitalised words are
// actors coded by their first three letters.
var tinyPipeline = Pipeline{
	Analyze: func(doc *model.Document) error {
		var s model.Sentence
		off := 0
		for i, w := range strings.Fields(doc.Text) {
			start := strings.Index(doc.Text[off:], w) + off
			off = start + len(w)
			t := model.Token{Text: w, Lemma: strings.ToLower(w), UPOS: "NOUN", Head: 2, Deprel: "obj", Span: model.Span{Start: start, End: off}, SpaceAfter: true}
			switch i {
			case 0:
				t.Deprel = "nsubj"
			case 1:
				t.UPOS, t.Head, t.Deprel = "VERB", 0, "root"
			}
			s.Tokens = append(s.Tokens, t)
		}
		s.Span = model.Span{Start: 0, End: len(doc.Text)}
		doc.Sentences = []model.Sentence{s}
		return nil
	},
	Resolve: func(doc *model.Document) []actors.Mention {
		var ms []actors.Mention
		for i, t := range doc.Sentences[0].Tokens {
			if t.Text[0] >= 'A' && t.Text[0] <= 'Z' && len(t.Text) >= 3 {
				ms = append(ms, actors.Mention{First: i, Last: i, Head: i, Code: strings.ToUpper(t.Text[:3]), Antecedent: -1})
			}
		}
		return ms
	},
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("V.txt", "--- ATTACK [190] ---\nATTACK\n--- SAY [023] ---\nSAY {SAID}\n")
	write("D.txt", "BASEBALL\n")
	suite := `<Validation><Environment><Verbfile>V.txt</Verbfile><Discardfile>D.txt</Discardfile></Environment>
<Sentence date="19950101" id="A" category="X"><Text>Arnor attacked Gondor</Text></Sentence>
<Sentence date="19950101" id="B" category="X"><Text>Arnor said something</Text></Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="C" category="X"><Text>Arnor said something</Text></Sentence>
<Sentence date="19950101" id="D" category="X"><Text>Arnor attacked baseball Gondor</Text></Sentence>
</Validation>`
	s, err := Read(strings.NewReader(suite), "s.xml")
	if err != nil {
		t.Fatal(err)
	}
	coded, err := Run(s, dir, tinyPipeline)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]Triple{{{"ARN", "GON", "190"}}, nil, {{"ARN", Null, "023"}}, nil}
	for i := range want {
		if len(coded[i]) != len(want[i]) || len(want[i]) > 0 && coded[i][0] != want[i][0] {
			t.Errorf("record %s: coded %v, want %v", s.Records[i].ID, coded[i], want[i])
		}
	}
	if _, err := Run(&Suite{Env: Environment{Verbs: "missing.txt"}}, dir, tinyPipeline); err == nil {
		t.Error("missing verb file: no error")
	}
}
