package petrarch

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/refdata"
)

const sample = `<Validation>
<Environment>
    <Verbfile>V.txt</Verbfile>
    <Actorfile>A.txt</Actorfile>
    <Agentfile>G.txt</Agentfile>
    <Discardfile>D.txt</Discardfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="ONE" category="DEMO" sentence="true">
<!-- a comment -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore
full &amp; diplomatic ties.
</Text>
<Parse>(ROOT (S))</Parse>
</Sentence>
<Config option="require_dyad" value="False"></Config>
<Sentence date = "19950102" id ="TWO" category="ERROR">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing here.</Text>
</Sentence>
<Sentence date="19950103" id="THREE" category="ERROR">
<EventCoding error="storydiscard"></EventCoding>
<Text>Typhoon.</Text>
</Sentence>
</Sentences>
</Validation>`

func TestRead(t *testing.T) {
	s, err := Read(strings.NewReader(sample), "x.xml")
	if err != nil {
		t.Fatal(err)
	}
	if s.Env != (Environment{"V.txt", "A.txt", "G.txt", "D.txt"}) {
		t.Errorf("env = %+v", s.Env)
	}
	if len(s.Records) != 3 {
		t.Fatalf("%d records", len(s.Records))
	}
	one := s.Records[0]
	if one.Text != "Arnor is about to restore full & diplomatic ties." || len(one.Expected) != 2 || one.Expected[1].Source != `"INJURY TOLL"` {
		t.Errorf("record one = %+v", one)
	}
	if !one.Bool("require_dyad", true) || s.Records[1].Bool("require_dyad", true) {
		t.Error("require_dyad not applied from the <Config> before TWO")
	}
	if s.Records[2].Error != "storydiscard" || len(s.Records[2].Expected) != 0 {
		t.Errorf("record three = %+v", s.Records[2])
	}
	rep := Score(s.Records, [][]Triple{{{"ARN", "GON", "064"}, {`"INJURY TOLL"`, "GON", "064"}, {"ARN", "GON", "064"}}, {{"A", "B", "010"}}, nil})
	if rep.Passed != 2 || rep.Categories["ERROR"] != [2]int{1, 2} || len(rep.Failures) != 1 || rep.Failures[0].ID != "TWO" {
		t.Errorf("report = %+v", rep)
	}
}

func TestReadErrors(t *testing.T) {
	tests := map[string]string{
		"unclosed":  "<Validation><Sentences><Sentence id=\"A\"><Text>x</Text>",
		"no id":     "<Validation><Sentence><Text>x</Text></Sentence></Validation>",
		"no text":   "<Validation><Sentence id=\"A\"></Sentence></Validation>",
		"bad xml":   "<Validation><Sentence id=\"A\"><Text>x</Txt></Sentence></Validation>",
		"no source": "<Validation><Sentence id=\"A\"><EventCoding eventcode=\"1\"/><Text>x</Text></Sentence></Validation>",
	}
	for name, text := range tests {
		if _, err := Read(strings.NewReader(text), "bad.xml"); err == nil || !strings.HasPrefix(err.Error(), "bad.xml:") {
			t.Errorf("%s: error %v, want one starting with bad.xml:LINE", name, err)
		}
	}
}

func TestReadRealSuite(t *testing.T) {
	path, err := refdata.Path("petrarch2", "PETR.UnitTest.records.xml")
	if err != nil {
		t.Skipf("reference data: %v", err)
	}
	s, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Records) != 284 {
		t.Errorf("%d records, want 284", len(s.Records))
	}
	if s.Env.Verbs != "PETR.Validate.verbs.txt" || s.Env.Actors != "PETR.Validate.actors.txt" {
		t.Errorf("environment %+v", s.Env)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Fuzz(func(t *testing.T, text string) {
		s, err := Read(strings.NewReader(text), "fuzz")
		if err != nil {
			return
		}
		coded := make([][]Triple, len(s.Records))
		Score(s.Records, coded)
	})
}
