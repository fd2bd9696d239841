package ner

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/lemma"
	"github.com/parleyhq/parley/internal/nlp/parser"
	"github.com/parleyhq/parley/internal/nlp/tagger"
	"github.com/parleyhq/parley/internal/nlp/tokenize"
	"github.com/parleyhq/parley/internal/refdata"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// analyse tokenizes, tags and parses text as the pipeline does.
func analyse(t testing.TB, text string) *model.Document {
	t.Helper()
	doc := &model.Document{Text: text, Sentences: tokenize.Sentences(text)}
	for _, s := range doc.Sentences {
		parseTokens(t, s.Tokens)
	}
	return doc
}

// parseTokens tags, lemmatises and parses toks as the pipeline does (the
// package nlp cannot be imported here: it imports this one).
func parseTokens(t testing.TB, toks []model.Token) {
	t.Helper()
	tg, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := parser.Default()
	if err != nil {
		t.Fatal(err)
	}
	tg.Tag(toks)
	lemma.Tokens(toks)
	ps.Parse(toks)
}

// parseWords gives a corpus sentence's words the pipeline's analysis.
func parseWords(t testing.TB, words []string) []model.Token {
	toks := make([]model.Token, len(words))
	for i, w := range words {
		toks[i] = model.Token{Text: w}
	}
	parseTokens(t, toks)
	return toks
}

func TestAddNORP(t *testing.T) {
	words := strings.Fields("Ukrainian and Sunni Muslims met the Democratic Party")
	toks := make([]model.Token, len(words))
	for i, w := range words {
		toks[i] = model.Token{Text: w}
	}
	var tr tree
	tr.reset(toks, nil)
	// "Democratic" is NORP alone but inside a name here.
	got := addNORP(&tr, []Mention{{First: 5, Last: 7, NameFirst: 6, NameLast: 7, Type: ORG}})
	want := []Mention{{First: 5, Last: 7, NameFirst: 6, NameLast: 7, Type: ORG}, {First: 0, Last: 0, NameFirst: 0, NameLast: 0, Type: NORP}, {First: 2, Last: 3, NameFirst: 2, NameLast: 3, Type: NORP}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestTrainDeterministic(t *testing.T) {
	data, err := ReadGUM(strings.NewReader(gumFixture), "f")
	if err != nil {
		t.Fatal(err)
	}
	lex := CountCase([][]string{strings.Fields("the man met Ann in Kyiv , the man said")})
	var out [2][3]bytes.Buffer
	for i := range out {
		r, err := Train(data, lex, Epochs(3), Seed(7), MinWeight(0))
		if err != nil {
			t.Fatal(err)
		}
		if err := r.WriteModels(&out[i][0], &out[i][1], &out[i][2]); err != nil {
			t.Fatal(err)
		}
	}
	for j := range out[0] {
		if !bytes.Equal(out[0][j].Bytes(), out[1][j].Bytes()) {
			t.Errorf("file %d differs between identical trainings", j)
		}
	}
	r, err := Load(&out[0][0], &out[0][1], &out[0][2])
	if err != nil {
		t.Fatal(err)
	}
	got := r.Mentions(data[0].Tokens)
	found := false
	for _, m := range got {
		found = found || m.First == 2 && m.Last == 3 && m.Type == PERSON
	}
	if !found {
		t.Errorf("model trained on the sentence finds %v, not the person Ann Lee", got)
	}
	// An ensemble is one model of the members' mean weights: deterministic
	// too, and not any single member.
	typer := func(opts ...TrainOption) []byte {
		r, err := Train(data, lex, append([]TrainOption{Epochs(3), Seed(7), MinWeight(0)}, opts...)...)
		if err != nil {
			t.Fatal(err)
		}
		var b [3]bytes.Buffer
		if err := r.WriteModels(&b[0], &b[1], &b[2]); err != nil {
			t.Fatal(err)
		}
		return b[0].Bytes()
	}
	ens := typer(Ensemble(3))
	if !bytes.Equal(ens, typer(Ensemble(3))) {
		t.Error("an ensemble trained twice gave different typers")
	}
	// out[0] was read by Load; out[1] holds the same bytes.
	if !bytes.Equal(typer(Ensemble(1)), out[1][0].Bytes()) {
		t.Error("Ensemble(1) differs from the default")
	}
	if bytes.Equal(ens, out[1][0].Bytes()) {
		t.Error("the ensemble is its first member")
	}
	if _, err := Train(data, lex, Ensemble(0)); err == nil {
		t.Error("an ensemble of 0 models trained")
	}
	data[0].Tokens = nil
	if _, err := Train(data, lex); err == nil || !strings.Contains(err.Error(), "f:1: sentence without tagged and parsed tokens") {
		t.Errorf("training on untagged sentences: error %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(strings.NewReader("junk"), strings.NewReader(""), strings.NewReader("")); err == nil || !strings.Contains(err.Error(), "typer model") {
		t.Errorf("error %v, want one naming the typer model", err)
	}
	if _, err := Load(bytes.NewReader(typerModel), strings.NewReader(""), strings.NewReader("")); err == nil || !strings.Contains(err.Error(), "span model") {
		t.Errorf("error %v, want one naming the span model", err)
	}
	if _, err := Load(bytes.NewReader(spanModel), bytes.NewReader(spanModel), strings.NewReader("")); err == nil || !strings.Contains(err.Error(), "classes") {
		t.Errorf("error %v, want one about the classes", err)
	}
	if _, err := Load(strings.NewReader(""), strings.NewReader(""), strings.NewReader("x\n")); err == nil || !strings.Contains(err.Error(), "lexicon:1:") {
		t.Errorf("error %v, want one naming the lexicon line", err)
	}
}

func TestRecognizeSpans(t *testing.T) {
	rec, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Ukrainian President Volodymyr  Zelensky met NATO officials in Brussels on Monday."
	doc := analyse(t, text)
	rec.RecognizeDocument(doc)
	names := map[string]string{}
	for _, e := range doc.Entities {
		names[e.Text] = e.Type
		if text[e.Span.Start:e.Span.End] != e.Text {
			t.Errorf("entity text %q != text[span] %q", e.Text, text[e.Span.Start:e.Span.End])
		}
		if e.Mention.Start > e.Span.Start || e.Mention.End < e.Span.End || e.MentionFirst > e.First || e.MentionLast < e.Last {
			t.Errorf("entity %q: mention %v does not hold the name %v", e.Text, e.Mention, e.Span)
		}
	}
	for name, typ := range map[string]string{"Volodymyr  Zelensky": PERSON, "Brussels": GPE, "Ukrainian": NORP} {
		if names[name] != typ {
			t.Errorf("entities %v: want %q as %s", names, name, typ)
		}
	}
	// Without the document text, tokens are joined by single spaces.
	for _, e := range rec.Recognize(0, doc.Sentences[0]) {
		if strings.Contains(e.Text, "  ") {
			t.Errorf("sentence-level entity text %q keeps a double space", e.Text)
		}
	}
}

// TestHeadline checks that a title-cased headline is not one long name.
func TestHeadline(t *testing.T) {
	rec, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := analyse(t, "Zelensky Pursues White House Meeting Amid Renewed Peace Efforts")
	rec.RecognizeDocument(doc)
	for _, e := range doc.Entities {
		if strings.Contains(e.Text, "Pursues") || strings.Contains(e.Text, "Meeting") {
			t.Errorf("entity %q (%s) spans headline words", e.Text, e.Type)
		}
	}
}

// TestSeedGolden records the entities of the seed article. Run with
// -update after retraining and review the diff.
func TestSeedGolden(t *testing.T) {
	b, err := os.ReadFile("../../../examples/zelensky-white-house-meeting.txt")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := analyse(t, string(b))
	rec.RecognizeDocument(doc)
	doc.FillOffsets()
	var got bytes.Buffer
	for _, e := range doc.Entities {
		line, _ := json.Marshal(e)
		fmt.Fprintf(&got, "%s\n", line)
	}
	golden := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("entities differ from %s (run go test -update and review the diff)", golden)
	}
}

// gumCorpus returns the GUM documents (CoNLL-U paths, sorted) and the
// split of each document name; without the reference data the test is
// skipped.
func gumCorpus(t testing.TB) (files []string, split map[string]string) {
	dir, err := refdata.Path("gum")
	if err != nil {
		t.Skip(err)
	}
	split, err = ReadGUMSplits(filepath.Join(dir, "splits.md"))
	if err != nil {
		t.Fatal(err)
	}
	files, err = filepath.Glob(filepath.Join(dir, "dep", "GUM_*.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	return files, split
}

// gumEval reads the GUM news and interview documents of a split with
// the tagger's and parser's analysis.
func gumEval(t testing.TB, splits ...string) []Sentence {
	files, split := gumCorpus(t)
	var out []Sentence
	for _, f := range files {
		doc := strings.TrimSuffix(filepath.Base(f), ".conllu")
		if !slices.Contains(splits, split[doc]) || !strings.Contains(doc, "_news_") && !strings.Contains(doc, "_interview_") {
			continue
		}
		sents, err := ReadGUMFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i := range sents {
			sents[i].Tokens = parseWords(t, sents[i].Words)
		}
		out = append(out, sents...)
	}
	return out
}

// TestAccuracy scores the embedded models on the GUM news and interview
// dev and test documents (the evaluation set of docs/ner.md: predictions
// headed by a proper noun in the analysis, as the gold mentions are in
// GUM's). The floor sits just under the measured F1 so that a regression
// fails.
func TestAccuracy(t *testing.T) {
	rec, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tp, fp, fn := 0, 0, 0
	docs := map[string][]Sentence{}
	for _, s := range gumEval(t, "dev", "test") {
		docs[s.Doc] = append(docs[s.Doc], s)
	}
	for _, sents := range docs {
		toks := make([][]model.Token, len(sents))
		for i, s := range sents {
			toks[i] = s.Tokens
		}
		for i, pred := range rec.DocumentMentions(toks) {
			pred = slices.DeleteFunc(pred, func(m Mention) bool { return !HeadedByProperNoun(toks[i], m.First, m.Last) })
			tp, fp, fn = score(sents[i].Mentions, pred, tp, fp, fn)
		}
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	f := 2 * p * r / (p + r)
	t.Logf("GUM news+interview dev+test: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", p, r, f, tp, fp, fn)
	if f < 0.57 {
		t.Errorf("F1 %.3f below the 0.57 floor", f)
	}
}

// score adds the exact-span typed matches of one sentence to the counts.
func score(gold, pred []Mention, tp, fp, fn int) (int, int, int) {
	want := map[[3]int]int{}
	for _, m := range gold {
		want[[3]int{m.First, m.Last, classOf(m.Type)}]++
	}
	for _, m := range pred {
		if m.Type == NORP {
			continue
		}
		if k := [3]int{m.First, m.Last, classOf(m.Type)}; want[k] > 0 {
			want[k]--
			tp++
		} else {
			fp++
		}
	}
	for _, n := range want {
		fn += n
	}
	return tp, fp, fn
}

// BenchmarkMentions measures recognition speed on tagged and parsed GUM
// news and interview documents, with the document pass as the pipeline
// runs it (sentences/s is reported as a custom metric).
func BenchmarkMentions(b *testing.B) {
	docs := map[string][][]model.Token{}
	for _, s := range gumEval(b, "dev", "test") {
		docs[s.Doc] = append(docs[s.Doc], s.Tokens)
	}
	var all [][][]model.Token
	for _, d := range docs {
		all = append(all, d)
	}
	rec, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sentences := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := all[i%len(all)]
		rec.DocumentMentions(d)
		sentences += len(d)
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
}

// TestConcurrent runs the recognizer from several goroutines; run with
// -race to check that it shares no mutable state.
func TestConcurrent(t *testing.T) {
	rec, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	toks := analyse(t, "Ukrainian President Volodymyr Zelensky met NATO officials in Brussels").Sentences[0].Tokens
	want := rec.Mentions(toks)
	done := make(chan []Mention)
	for range 4 {
		go func() {
			var got []Mention
			for range 50 {
				got = rec.Mentions(toks)
			}
			done <- got
		}()
	}
	for range 4 {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Errorf("concurrent result %v, want %v", got, want)
		}
	}
}

// TestKnownNames checks the passes that type a head the typer rejects:
// by the dictionaries ("NASA", "Kyiv"), and in the document pass by a
// name typed elsewhere ("Ann Lee"). The model here was trained without
// any mention, so it rejects every head.
func TestKnownNames(t *testing.T) {
	data, err := ReadGUM(strings.NewReader(gumFixture), "f")
	if err != nil {
		t.Fatal(err)
	}
	data[0].Mentions = nil
	r, err := Train(data, nil, Epochs(1))
	if err != nil {
		t.Fatal(err)
	}
	toks := data[0].Tokens
	for _, c := range []struct {
		known map[string]int
		want  map[string]string
	}{
		{nil, map[string]string{"NASA": ORG, "Kyiv": GPE}},
		{map[string]int{"Ann Lee": classOf(PERSON)}, map[string]string{"NASA": ORG, "Kyiv": GPE, "Ann Lee": PERSON}},
		{map[string]int{"Ann Lee": classOf(ORG), "NASA": classOf(PERSON)}, map[string]string{"NASA": PERSON, "Kyiv": GPE, "Ann Lee": ORG}},
	} {
		got := r.mentions(toks, c.known)
		for _, m := range got {
			name := text(toks, m.NameFirst, m.NameLast)
			if c.want[name] != m.Type {
				t.Errorf("known %v: mention %q %s, want %v", c.known, name, m.Type, c.want)
			}
			delete(c.want, name)
		}
		if len(c.want) > 0 {
			t.Errorf("known %v: missing %v in %v", c.known, c.want, got)
		}
	}
}

// TestKnownOverrides checks that a head the typer types takes the class
// the document pass knows for its name.
func TestKnownOverrides(t *testing.T) {
	data, err := ReadGUM(strings.NewReader(gumFixture), "f")
	if err != nil {
		t.Fatal(err)
	}
	lex := CountCase([][]string{strings.Fields("the man met Ann in Kyiv , the man said")})
	r, err := Train(data, lex, Epochs(3), Seed(7), MinWeight(0))
	if err != nil {
		t.Fatal(err)
	}
	toks := data[0].Tokens
	for _, c := range []struct {
		known map[string]int
		want  string
	}{{nil, PERSON}, {map[string]int{"Ann Lee": classOf(ORG)}, ORG}, {map[string]int{"Lee": classOf(ORG)}, PERSON}} {
		got := ""
		for _, m := range r.mentions(toks, c.known) {
			if text(toks, m.NameFirst, m.NameLast) == "Ann Lee" {
				got = m.Type
			}
		}
		if got != c.want {
			t.Errorf("known %v: Ann Lee typed %q, want %s", c.known, got, c.want)
		}
	}
}

func TestNameTypesCommonest(t *testing.T) {
	type add struct {
		name  string
		class int
	}
	for _, c := range []struct {
		adds []add
		want map[string]int
	}{
		{nil, map[string]int{}},
		{[]add{{"USI", 3}}, map[string]int{"USI": 3}},
		{[]add{{"USI", 3}, {"USI", 2}, {"USI", 2}}, map[string]int{"USI": 2}},
		{[]add{{"USI", 3}, {"USI", 2}, {"Twitter", 1}, {"USI", 3}}, map[string]int{"USI": 3, "Twitter": 1}},
		{[]add{{"USI", 2}, {"USI", 3}}, map[string]int{"USI": 2}}, // a tie: the first given
	} {
		nt := nameTypes{}
		for _, a := range c.adds {
			nt.add(a.name, a.class)
		}
		if got := nt.commonest(); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%v: commonest %v, want %v", c.adds, got, c.want)
		}
	}
}

func TestDropNestedPersons(t *testing.T) {
	person := func(f, l int) Mention { return Mention{First: f, Last: l, NameFirst: f, NameLast: l, Type: PERSON} }
	org := Mention{First: 0, Last: 3, NameFirst: 0, NameLast: 3, Type: ORG}
	for _, c := range []struct {
		name     string
		in, want []Mention
	}{
		{"nested first name dropped", []Mention{person(1, 2), person(1, 1)}, []Mention{person(1, 2)}},
		{"two separate persons kept", []Mention{person(0, 1), person(3, 4)}, []Mention{person(0, 1), person(3, 4)}},
		{"person inside an organisation kept", []Mention{org, person(1, 2)}, []Mention{org, person(1, 2)}},
		{"same span twice kept", []Mention{person(1, 2), person(1, 2)}, []Mention{person(1, 2), person(1, 2)}},
		{"nameless mention kept", []Mention{person(1, 3), {First: 2, Last: 2, NameFirst: -1, NameLast: -1, Type: PERSON}},
			[]Mention{person(1, 3), {First: 2, Last: 2, NameFirst: -1, NameLast: -1, Type: PERSON}}},
	} {
		if got := dropNestedPersons(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}
