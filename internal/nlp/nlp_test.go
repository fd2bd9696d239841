package nlp

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/nlptest"
	"github.com/parleyhq/parley/internal/nlp/parser"
)

func TestAnalyze(t *testing.T) {
	an, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := &model.Document{Text: "Ukrainian President Volodymyr Zelensky met NATO officials in Brussels."}
	an.Analyze(doc)
	if len(doc.Sentences) != 1 || doc.Sentences[0].Tokens[0].UPOS == "" {
		t.Fatalf("sentences %+v", doc.Sentences)
	}
	found := false
	for _, e := range doc.Entities {
		found = found || e.Text == "Volodymyr Zelensky" && e.Type == "PERSON" && e.MentionFirst <= e.First
	}
	if !found {
		t.Errorf("entities %+v: no PERSON Volodymyr Zelensky", doc.Entities)
	}
}

// TestAnalyzeShared runs one Analyzer from several goroutines (under -race in
// CI's race run) and checks each result equals the serial one.
func TestAnalyzeShared(t *testing.T) {
	an, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Ukrainian President Volodymyr Zelensky met NATO officials in Brussels.",
		"The White House declined to comment on Friday. Turkey offered to mediate.",
		"KYIV, Ukraine (VOA) — Russia shelled the city overnight, officials said.",
	}
	analyse := func(text string) string {
		doc := &model.Document{Text: text}
		an.Analyze(doc)
		var b strings.Builder
		for _, s := range doc.Sentences {
			for _, tok := range s.Tokens {
				fmt.Fprintf(&b, "%s/%s/%d/%s ", tok.Text, tok.XPOS, tok.Head, tok.Deprel)
			}
		}
		for _, e := range doc.Entities {
			fmt.Fprintf(&b, "[%s %s]", e.Text, e.Type)
		}
		return b.String()
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = analyse(text)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 20 {
				i := (g + k) % len(texts)
				if got := analyse(texts[i]); got != want[i] {
					t.Errorf("goroutine %d: text %d analysed differently:\n%s\nwant\n%s", g, i, got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestNew: an analyzer built with another parser parses with it, and one
// built with no models is the default.
func TestNew(t *testing.T) {
	small, err := parser.Train(nlptest.Tiny(t), parser.Epochs(1), parser.MinUpdates(1), parser.Clusters(nil))
	if err != nil {
		t.Fatal(err)
	}
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	withSmall, err := New(nil, small, nil)
	if err != nil {
		t.Fatal(err)
	}
	same, err := New(nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("The minister said that the talks in Ankara were useful but slow .")
	analyse := func(an *Analyzer) []model.Token {
		toks := make([]model.Token, len(words))
		for i, w := range words {
			toks[i] = model.Token{Text: w}
		}
		an.Parse(toks)
		return toks
	}
	got, want := analyse(withSmall), analyse(def)
	direct := slices.Clone(want) // the default's tags, parsed by the small parser
	small.Parse(direct)
	differs := false
	for i := range got {
		if got[i].Head != direct[i].Head || got[i].Deprel != direct[i].Deprel {
			t.Fatalf("word %d: analyzer gave %d %s, its parser %d %s", i+1, got[i].Head, got[i].Deprel, direct[i].Head, direct[i].Deprel)
		}
		differs = differs || got[i].Head != want[i].Head
	}
	if !differs {
		t.Error("the small parser parses like the embedded one: the test shows nothing")
	}
	if fmt.Sprint(analyse(same)) != fmt.Sprint(want) {
		t.Error("New with no models differs from Default")
	}
}
