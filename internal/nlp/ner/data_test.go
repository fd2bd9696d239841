package ner

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/model"
)

func TestReadIOB2(t *testing.T) {
	in := "# newdoc id = d1\n# text = x\n" +
		"1\tPresident\tO\t-\t-\n2\tZelensky\tB-PER\t-\t-\n3\tvisited\tO\t-\t-\n4\tNew\tB-LOC\t-\t-\n5\tYork\tI-LOC\t-\t-\n" +
		"6\tand\tO\t-\t-\n7\tthe\tO\t-\t-\n8\tRed\tI-ORG\t-\t-\n9\tSea\tI-LOC\t-\t-\n\n" +
		"1\tHi\tO\t-\t-\n"
	got, err := ReadIOB2(strings.NewReader(in), "x.iob2")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Doc != "d1" || got[0].Pos != "x.iob2:3" {
		t.Fatalf("got %d sentences, doc %q, pos %q", len(got), got[0].Doc, got[0].Pos)
	}
	want := []Mention{{First: 1, Last: 1, Type: PERSON}, {First: 3, Last: 4, Type: GPE}, {First: 7, Last: 7, Type: ORG}, {First: 8, Last: 8, Type: LOC}}
	if !reflect.DeepEqual(got[0].Mentions, want) {
		t.Errorf("mentions %v, want %v", got[0].Mentions, want)
	}
}

func TestReadIOB2Errors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"1\tword\n", "x.iob2:1: expected at least 3"},
		{"1\tword\tO\n\none\tword\tO\n", "x.iob2:3: bad token index"},
		{"1\tword\tPER\n", "x.iob2:1: bad tag \"PER\""},
		{"1\t\tO\n", "x.iob2:1: empty word"},
	} {
		_, err := ReadIOB2(strings.NewReader(c.in), "x.iob2")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadIOB2(%q) error %v, want %q", c.in, err, c.want)
		}
	}
}

// gumFixture is a small GUM-style sentence written for this test: a
// person mention with a title and a nested organization, a place, a
// description holding a name and a pronoun.
const gumFixture = `# newdoc id = GUM_news_fixture
# sent_id = fixture-1
# text = NASA chief Ann Lee met Kyiv officials and she smiled
1	NASA	NASA	PROPN	NNP	_	2	compound	_	Entity=(1-person-new-x-x-1-sgl(2-organization-new-x-x-1-sgl)
2	chief	chief	NOUN	NN	_	6	nsubj	_	_
3	Ann	Ann	PROPN	NNP	_	2	appos	_	Entity=(3-person-new-x-x-1-sgl
4	Lee	Lee	PROPN	NNP	_	3	flat	_	Entity=3)1)
5	met	meet	VERB	VBD	_	0	root	_	_
6	Kyiv	Kyiv	PROPN	NNP	_	7	compound	_	Entity=(4-person-new-x-x-1-sgl(5-place-new-x-x-1-sgl)
7	officials	official	NOUN	NNS	_	5	obj	_	Entity=4)
8	and	and	CCONJ	CC	_	10	cc	_	_
9	she	she	PRON	PRP	_	10	nsubj	_	Entity=(3-person-giv-x-x-1-coref)
10	smiled	smile	VERB	VBD	_	5	conj	_	_

`

func TestReadGUM(t *testing.T) {
	got, err := ReadGUM(strings.NewReader(gumFixture), "f.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Doc != "GUM_news_fixture" {
		t.Fatalf("got %+v", got)
	}
	// "NASA chief Ann Lee" has the common noun "chief" as head: a
	// description, not a name. "she" has no proper noun at all.
	wantM := []Mention{{First: 0, Last: 0, Type: ORG}, {First: 2, Last: 3, Type: PERSON}, {First: 5, Last: 5, Type: GPE}}
	if !reflect.DeepEqual(got[0].Mentions, wantM) {
		t.Errorf("mentions %v, want %v", got[0].Mentions, wantM)
	}
	// The name under "chief" is kept apart; "Kyiv" is a compound under
	// "officials", not their name.
	wantD := []Mention{{First: 0, Last: 3, Type: PERSON, NameFirst: 2, NameLast: 3}}
	if !reflect.DeepEqual(got[0].Described, wantD) {
		t.Errorf("described %v, want %v", got[0].Described, wantD)
	}
	if len(got[0].Tokens) != 10 || got[0].Tokens[3].Head != 3 || got[0].Tokens[3].Deprel != "flat" {
		t.Errorf("tokens %+v, want the gold tree", got[0].Tokens)
	}
}

func TestDescribedName(t *testing.T) {
	// tok builds a token with a 1-based head.
	tok := func(w, upos string, head int, rel string) model.Token {
		return model.Token{Text: w, UPOS: upos, Head: head, Deprel: rel}
	}
	for _, c := range []struct {
		name        string
		toks        []model.Token
		first, last int // the mention
		want        [2]int
	}{
		{"flat under the descriptor", []model.Token{
			tok("Biologist", "NOUN", 4, "nsubj"), tok("Nick", "PROPN", 1, "flat"), tok("Bos", "PROPN", 1, "flat"), tok("said", "VERB", 0, "root"),
		}, 0, 2, [2]int{1, 2}},
		{"apposition with its own flat", []model.Token{
			tok("the", "DET", 2, "det"), tok("physician", "NOUN", 5, "nsubj"), tok("Yang", "PROPN", 2, "appos"), tok("Buwei", "PROPN", 3, "flat:name"), tok("wrote", "VERB", 0, "root"),
		}, 0, 3, [2]int{2, 3}},
		{"compound is not the name", []model.Token{
			tok("Wave", "PROPN", 3, "compound"), tok("4", "NUM", 1, "nummod"), tok("respondents", "NOUN", 4, "nsubj"), tok("said", "VERB", 0, "root"),
		}, 0, 2, [2]int{-1, -1}},
		{"flat word of another head ends the name", []model.Token{
			tok("rapper", "NOUN", 5, "nsubj"), tok("Kanye", "PROPN", 1, "appos"), tok("West", "PROPN", 2, "flat"), tok("Jr", "PROPN", 5, "flat"), tok("sang", "VERB", 0, "root"),
		}, 0, 3, [2]int{1, 2}},
	} {
		f, l := describedName(c.toks, c.first, c.last)
		if [2]int{f, l} != c.want {
			t.Errorf("%s: got %d-%d, want %v", c.name, f, l, c.want)
		}
	}
}

func TestHeadedByProperNoun(t *testing.T) {
	toks := []model.Token{
		{Text: "rapper", UPOS: "NOUN", Head: 4, Deprel: "nsubj"},
		{Text: "Kanye", UPOS: "PROPN", Head: 1, Deprel: "appos"},
		{Text: "West", UPOS: "PROPN", Head: 2, Deprel: "flat"},
		{Text: "sang", UPOS: "VERB", Head: 0, Deprel: "root"},
	}
	for _, c := range []struct {
		first, last, head int
		want              bool
	}{{0, 2, 0, false}, {1, 2, 1, true}, {2, 2, 2, true}, {0, 3, 3, false}} {
		if h := MentionHead(toks, c.first, c.last); h != c.head {
			t.Errorf("MentionHead(%d, %d) = %d, want %d", c.first, c.last, h, c.head)
		}
		if got := HeadedByProperNoun(toks, c.first, c.last); got != c.want {
			t.Errorf("HeadedByProperNoun(%d, %d) = %v, want %v", c.first, c.last, got, c.want)
		}
	}
}

func TestReadGUMErrors(t *testing.T) {
	line := func(misc string) string {
		return "# text = a\n1\ta\ta\tPROPN\tNNP\t_\t0\troot\t_\t" + misc + "\n\n"
	}
	for _, c := range []struct{ in, want string }{
		{line("Entity=(1-person"), "f.conllu:1: entity 1 opened at word 1 is not closed"},
		{line("Entity=2)"), "f.conllu:1: word 1: entity 2 closed but not open"},
		{line("Entity=(-x)"), "f.conllu:1: word 1: bad entity opening"},
		{line("Entity=x"), "f.conllu:1: word 1: bad entity annotation"},
		{"1\ta\n", "f.conllu:1: expected 10"},
	} {
		_, err := ReadGUM(strings.NewReader(c.in), "f.conllu")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadGUM(%q) error %v, want %q", c.in, err, c.want)
		}
	}
}

func TestReadGUMSplits(t *testing.T) {
	p := filepath.Join(t.TempDir(), "splits.md")
	os.WriteFile(p, []byte("# Splits\n\n## dev\n\n  * GUM_a\n\n## test\n  * GUM_b\n"), 0o644)
	got, err := ReadGUMSplits(p)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"GUM_a": "dev", "GUM_b": "test"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	os.WriteFile(p, []byte("  * GUM_a\n"), 0o644)
	if _, err := ReadGUMSplits(p); err == nil || !strings.Contains(err.Error(), "splits.md:1:") {
		t.Errorf("error %v, want file:line", err)
	}
}

func TestPlaceType(t *testing.T) {
	for _, c := range []struct {
		name, want string
	}{
		{"Ukraine", GPE}, {"New York", GPE}, {"Kyiv", GPE}, {"Europe", LOC}, {"the Middle East", LOC},
		{"Black Sea", LOC}, {"Gaza Strip", LOC}, {"Southeast Asia", LOC}, {"North Korea", GPE}, {"West Bank", LOC},
	} {
		if got := PlaceType(strings.Fields(c.name)); got != c.want {
			t.Errorf("PlaceType(%q) = %s, want %s", c.name, got, c.want)
		}
	}
}

func FuzzReadIOB2(f *testing.F) {
	f.Add("1\tA\tB-PER\t-\t-\n2\tB\tI-PER\t-\t-\n\n# c\n1\tx\tO\n")
	f.Add("1\tA\tI-LOC\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadIOB2(strings.NewReader(in), "in")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "in:") {
				t.Fatalf("error %q does not name the input", err)
			}
			return
		}
		checkMentions(t, sents)
	})
}

func FuzzReadGUM(f *testing.F) {
	f.Add(gumFixture)
	f.Add("1\ta\ta\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(1-place-x)2)\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadGUM(strings.NewReader(in), "in")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "in:") {
				t.Fatalf("error %q does not name the input", err)
			}
			return
		}
		checkMentions(t, sents)
	})
}

func checkMentions(t *testing.T, sents []Sentence) {
	t.Helper()
	for _, s := range sents {
		for _, m := range s.Mentions {
			if m.First < 0 || m.Last < m.First || m.Last >= len(s.Words) || m.Type == "" {
				t.Fatalf("bad mention %+v in %d words", m, len(s.Words))
			}
		}
	}
}

func FuzzReadLexicon(f *testing.F) {
	f.Add("ukraine\t14\nthe\t2\n")
	f.Add("x\t99\n")
	f.Fuzz(func(t *testing.T, in string) {
		l, err := ReadLexicon(strings.NewReader(in), "lex")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "lex:") {
				t.Fatalf("error %q does not name the input", err)
			}
			return
		}
		var b strings.Builder
		if _, err := l.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		again, err := ReadLexicon(strings.NewReader(b.String()), "again")
		if err != nil || !reflect.DeepEqual(again.buckets, l.buckets) {
			t.Fatalf("round trip: %v", err)
		}
	})
}
