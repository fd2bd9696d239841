package issues

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/model"
)

func TestDefaultTaxonomyCoversTheBrief(t *testing.T) {
	tx := Default()
	want := []string{"territory", "sovereignty", "security_guarantees", "ceasefire", "peace_process",
		"reconstruction", "frozen_assets", "sanctions", "accountability", "humanitarian",
		"military_aid", "nuclear_safety", "energy", "elections", "alliance_membership", "refugees"}
	var got []string
	for _, is := range tx.Issues {
		got = append(got, is.ID)
	}
	for _, id := range want {
		if !slices.Contains(got, id) {
			t.Errorf("taxonomy lacks %s", id)
		}
	}
}

func TestMatch(t *testing.T) {
	tx := Default()
	cases := []struct {
		text string
		want []string
	}{
		{"Kyiv rejected any territorial concessions.", []string{"territory"}},
		{"The two sides agreed a 30-day ceasefire and a prisoner exchange.", []string{"ceasefire", "humanitarian"}},
		{"Moscow demanded the return of all deported Ukrainian children.", []string{"humanitarian"}},
		{"The return of the ambassador to Moscow was announced.", nil},
		{"Washington announced a new military aid package.", []string{"military_aid"}},
		{"The EU extended sanctions on Russian banks.", []string{"sanctions"}},
		{"Parliament voted to expel the foreign troops.", nil},
		{"Inspectors visited the Zaporizhzhia nuclear power plant.", []string{"nuclear_safety", "energy"}},
		{"Ukraine's bid to join NATO stalled.", []string{"alliance_membership"}},
		{"The football match ended in a draw.", nil},
	}
	for _, c := range cases {
		if got := tx.Match(Words(c.text)); !slices.Equal(got, c.want) {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
}

func TestSeedArticleIssues(t *testing.T) {
	text, err := os.ReadFile("../../examples/zelensky-white-house-meeting.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := &model.Document{Text: string(text)}
	Default().Tag(doc)
	for _, id := range []string{"territory", "security_guarantees", "reconstruction", "accountability", "humanitarian", "military_aid"} {
		if !slices.Contains(doc.Issues, id) {
			t.Errorf("seed article not tagged %s (got %v)", id, doc.Issues)
		}
	}
	for _, id := range []string{"nuclear_safety", "refugees", "frozen_assets", "energy"} {
		if slices.Contains(doc.Issues, id) {
			t.Errorf("seed article wrongly tagged %s", id)
		}
	}
}

func TestTagPerSentence(t *testing.T) {
	text := "Talks on a ceasefire resumed. The minister said sanctions would stay."
	doc := &model.Document{
		Text:      text,
		Sentences: []model.Sentence{{Span: model.Span{Start: 0, End: 29}}, {Span: model.Span{Start: 30, End: len(text)}}},
		Events:    []model.Event{{SentenceIdx: 0}, {SentenceIdx: 1}},
		Quotes:    []model.Quote{{Text: "sanctions would stay"}},
	}
	Default().Tag(doc)
	if !slices.Equal(doc.Events[0].Issues, []string{"ceasefire"}) || !slices.Equal(doc.Events[1].Issues, []string{"sanctions"}) {
		t.Fatalf("event issues %v / %v", doc.Events[0].Issues, doc.Events[1].Issues)
	}
	if !slices.Equal(doc.Quotes[0].Issues, []string{"sanctions"}) {
		t.Fatalf("quote issues %v", doc.Quotes[0].Issues)
	}
	if !slices.Equal(doc.Issues, []string{"ceasefire", "sanctions"}) {
		t.Fatalf("document issues %v", doc.Issues)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"orphan pattern\n", "x.txt:1: pattern \"orphan pattern\" comes before any [issue] header"},
		{"[a] A\nfoo\n[a] again\n", "x.txt:3: issue a defined twice"},
		{"[Bad-Id] B\n", "x.txt:1: issue id \"Bad-Id\" must be lower_snake_case"},
		{"[b]\n", "x.txt:1: issue b has no label"},
		{"[b B\n", "x.txt:1: issue header \"[b B\" has no closing ]"},
		{"[b] B\n\nfoo ~x bar\n", "x.txt:3: gap \"~x\""},
		{"[b] B\n~2 bar\n", "x.txt:2: pattern \"~2 bar\" starts with a gap"},
		{"[b] B\nbar ~2\n", "x.txt:2: pattern \"bar ~2\" ends with a gap"},
		{"[b] B\n*\n", "x.txt:2: bad word \"*\""},
		{"# nothing\n", "x.txt: no issues defined"},
	}
	for _, c := range cases {
		_, err := Parse(strings.NewReader(c.src), "x.txt")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.src, err, c.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("[a] A\nfoo bar*\nx ~2 y\n")
	f.Add(defaultTaxonomy)
	f.Fuzz(func(t *testing.T, src string) {
		tx, err := Parse(strings.NewReader(src), "f")
		if err != nil {
			return
		}
		// Whatever parsed must match without panicking.
		tx.Match(Words(src))
	})
}

func BenchmarkMatchSentence(b *testing.B) {
	tx := Default()
	words := Words("Fundamental questions regarding territorial control, security guarantees, reconstruction financing, and accountability for alleged war crimes represent significant hurdles to any comprehensive agreement.")
	for i := 0; i < b.N; i++ {
		tx.Match(words)
	}
}
