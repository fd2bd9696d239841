package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parleyhq/parley/internal/eval"
	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp"
	"github.com/parleyhq/parley/internal/nlp/conllu"
	"github.com/parleyhq/parley/internal/nlp/ner"
	"github.com/parleyhq/parley/internal/nlp/tokenize"
	"github.com/parleyhq/parley/internal/refdata"
)

func init() {
	evaluators["ner"] = command{name: "ner", summary: "named-entity precision/recall/F1 on IOB2 or GUM CoNLL-U files", run: runEvalNER}
	trainers["ner"] = command{name: "ner", summary: "train the named-entity model from GUM", run: runTrainNER}
}

// readNERFile reads gold sentences by extension: .iob2 (UNER) or .conllu
// (GUM entity annotation).
func readNERFile(path string) ([]ner.Sentence, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".iob2", ".bio", ".iob":
		return ner.ReadIOB2File(path)
	case ".conllu":
		return ner.ReadGUMFile(path)
	}
	return nil, fmt.Errorf("%w: %s: unknown extension (want .iob2 or .conllu)", errUsage, path)
}

// gumFiles lists the GUM documents of the given splits and genres.
func gumFiles(splits, genres []string) ([]string, error) {
	dir, err := refdata.Path("gum")
	if err != nil {
		return nil, err
	}
	split, err := ner.ReadGUMSplits(filepath.Join(dir, "splits.md"))
	if err != nil {
		return nil, fmt.Errorf("gum splits: %w", err)
	}
	all, err := filepath.Glob(filepath.Join(dir, "dep", "*.conllu"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range all {
		doc := strings.TrimSuffix(filepath.Base(p), ".conllu")
		s, ok := split[doc]
		if !ok {
			s = "train" // splits.md lists dev, test and test2; the rest is train
		}
		parts := strings.Split(doc, "_")
		if !slices.Contains(splits, s) || len(parts) < 3 || (len(genres) > 0 && !slices.Contains(genres, parts[1])) {
			continue
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no GUM documents for splits %v and genres %v in %s", splits, genres, dir)
	}
	return out, nil
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// nerAnalysis gives the gold sentences the analysis the recognizer sees:
// the tagger's and parser's on the gold tokens, or the gold trees of the
// corpus (goldTrees; GUM only).
type nerAnalysis struct {
	analyzer  *nlp.Analyzer
	goldTrees bool
}

// newNERAnalysis analyses with the tagger and parser models at the given
// paths ("": the embedded ones).
func newNERAnalysis(goldTrees bool, taggerPath, parserPath string) (*nerAnalysis, error) {
	t, err := loadTagger(taggerPath)
	if err != nil {
		return nil, err
	}
	p, err := loadParser(parserPath)
	if err != nil {
		return nil, err
	}
	an, err := nlp.New(t, p, nil)
	if err != nil {
		return nil, err
	}
	return &nerAnalysis{analyzer: an, goldTrees: goldTrees}, nil
}

// apply sets each sentence's Tokens to the analysed gold tokens.
func (an *nerAnalysis) apply(sents []ner.Sentence) error {
	for i := range sents {
		s := &sents[i]
		if an.goldTrees {
			if s.Tokens == nil {
				return fmt.Errorf("%w: %s: --gold-trees needs CoNLL-U input with trees", errUsage, s.Pos)
			}
			continue
		}
		toks := make([]model.Token, len(s.Words))
		for j, w := range s.Words {
			toks[j] = model.Token{Text: w, SpaceAfter: true}
			if s.Tokens != nil {
				toks[j].Span, toks[j].SpaceAfter = s.Tokens[j].Span, s.Tokens[j].SpaceAfter
			}
		}
		an.analyzer.Parse(toks)
		s.Tokens = toks
	}
	return nil
}

func runEvalNER(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("eval ner", "[FILE.iob2|FILE.conllu...]")
	asJSON := fs.Bool("json", false, "write the scores as JSON")
	gum := fs.String("gum", "", "also score the GUM documents of these splits (e.g. dev,test), read from the reference data")
	genres := fs.String("genres", "news,interview", "GUM genres for --gum")
	showErrors := fs.Bool("errors", false, "list each missed and spurious mention (text output)")
	modelDir := fs.String("model", "", "load typer.lin, span.lin and case.lex from this directory instead of the embedded models")
	goldTrees := fs.Bool("gold-trees", false, "use the corpus's gold tags and trees instead of the tagger's and parser's (GUM only)")
	headedOnly := fs.Bool("proper-heads", false, "on GUM, score only the predicted mentions headed by a proper noun in parley's own analysis, as the gold set is selected (default: every prediction counts)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	files := fs.Args()
	if *gum != "" {
		g, err := gumFiles(splitList(*gum), splitList(*genres))
		if err != nil {
			return err
		}
		files = append(files, g...)
	}
	if len(files) == 0 {
		return fmt.Errorf("%w: no input files (give FILE arguments or --gum)", errUsage)
	}
	rec, err := loadRecognizer(*modelDir)
	if err != nil {
		return err
	}
	an, err := newNERAnalysis(*goldTrees, "", "")
	if err != nil {
		return err
	}
	var score eval.NERScore
	sentences := 0
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		sents, err := readNERFile(f)
		if err != nil {
			return err
		}
		if err := an.apply(sents); err != nil {
			return err
		}
		// IOB2 corpora (UNER) annotate names, not whole mentions.
		names := sents != nil && strings.EqualFold(filepath.Ext(f), ".iob2")
		for _, doc := range byDocument(sents) {
			for i, pred := range rec.DocumentMentions(sentenceTokens(doc)) {
				score.AddDescribed(doc[i].Described, pred)
				switch {
				case names:
					pred = nameSpans(pred)
				case *headedOnly:
					pred = eval.ProperNounHeaded(doc[i].Tokens, pred)
				}
				score.Add(doc[i].Mentions, pred)
				if *showErrors {
					listNERErrors(a, doc[i], pred)
				}
			}
		}
		sentences += len(sents)
	}
	return writeNERScore(a, &score, files, sentences, *asJSON || !a.terminal)
}

// byDocument groups consecutive sentences of the same document.
func byDocument(sents []ner.Sentence) [][]ner.Sentence {
	var out [][]ner.Sentence
	for i, s := range sents {
		if i == 0 || s.Doc != sents[i-1].Doc || s.Doc == "" {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], s)
	}
	return out
}

func sentenceTokens(sents []ner.Sentence) [][]model.Token {
	out := make([][]model.Token, len(sents))
	for i, s := range sents {
		out[i] = s.Tokens
	}
	return out
}

// nameSpans returns the mentions cut to their names (dropping those
// without one).
func nameSpans(ms []ner.Mention) []ner.Mention {
	out := make([]ner.Mention, 0, len(ms))
	for _, m := range ms {
		if m.NameFirst >= 0 {
			out = append(out, ner.Mention{First: m.NameFirst, Last: m.NameLast, NameFirst: m.NameFirst, NameLast: m.NameLast, Type: m.Type})
		}
	}
	return out
}

// listNERErrors prints gold mentions not predicted ("-") and predictions
// not in the gold ("+"), as scored.
func listNERErrors(a *app, s ner.Sentence, pred []ner.Mention) {
	type k struct {
		f, l int
		t    string
	}
	set := func(ms []ner.Mention) map[k]bool {
		m := map[k]bool{}
		for _, x := range ms {
			if t := eval.NEREvalType(x.Type); t != "" {
				m[k{x.First, x.Last, t}] = true
			}
		}
		return m
	}
	g, p := set(s.Mentions), set(pred)
	show := func(sign string, x k) {
		fmt.Fprintf(a.stdout, "%s %s %-7s %q in %q\n", s.Pos, sign, x.t, strings.Join(s.Words[x.f:x.l+1], " "), strings.Join(s.Words, " "))
	}
	for x := range g {
		if !p[x] {
			show("-", x)
		}
	}
	for x := range p {
		if !g[x] {
			show("+", x)
		}
	}
}

// nerModelFiles are the files of a recognizer, in the order ner.Load
// takes them.
var nerModelFiles = []string{"typer.lin", "span.lin", "case.lex"}

func loadRecognizer(dir string) (*ner.Recognizer, error) {
	if dir == "" {
		return ner.Default()
	}
	var fs []io.Reader
	for _, n := range nerModelFiles {
		f, err := os.Open(filepath.Join(dir, n))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		fs = append(fs, f)
	}
	return ner.Load(fs[0], fs[1], fs[2])
}

// crossValidateNER trains k models, each without one fold of the GUM news
// and interview training documents, and scores them on the held-out fold
// (all predicted mentions, or only those headed by a proper noun).
func crossValidateNER(a *app, files []string, perFile [][]ner.Sentence, lex *ner.Lexicon, k int, headedOnly bool, opts []ner.TrainOption) error {
	var held []int
	for i, f := range files {
		if b := filepath.Base(f); strings.HasPrefix(b, "GUM_news_") || strings.HasPrefix(b, "GUM_interview_") {
			held = append(held, i)
		}
	}
	if len(held) < k {
		return fmt.Errorf("%w: --cv %d: only %d news and interview training documents", errUsage, k, len(held))
	}
	var score eval.NERScore
	var evalFiles []string
	sentences := 0
	for fold := range k {
		test := map[int]bool{}
		for j, i := range held {
			if j%k == fold {
				test[i] = true
				evalFiles = append(evalFiles, files[i])
			}
		}
		var train []ner.Sentence
		for i, s := range perFile {
			if !test[i] {
				train = append(train, s...)
			}
		}
		rec, err := ner.Train(train, lex, opts...)
		if err != nil {
			return err
		}
		for i := range test {
			for j, pred := range rec.DocumentMentions(sentenceTokens(perFile[i])) {
				score.AddDescribed(perFile[i][j].Described, pred)
				if headedOnly {
					pred = eval.ProperNounHeaded(perFile[i][j].Tokens, pred)
				}
				score.Add(perFile[i][j].Mentions, pred)
			}
			sentences += len(perFile[i])
		}
	}
	return writeNERScore(a, &score, evalFiles, sentences, !a.terminal)
}

// caseLexicon counts capitalisation in unannotated running text: the
// Wikinews articles and the words of the EWT training treebank.
func caseLexicon() (*ner.Lexicon, error) {
	var sents [][]string
	wn, err := refdata.Path("wikinews")
	if err != nil {
		return nil, err
	}
	csvs, err := filepath.Glob(filepath.Join(wn, "*.csv"))
	if err != nil || len(csvs) == 0 {
		return nil, fmt.Errorf("no Wikinews CSV files in %s", wn)
	}
	for _, p := range csvs {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		for _, r := range recs[1:] {
			if len(r) < 4 {
				return nil, fmt.Errorf("read %s: record with %d fields, want 4", p, len(r))
			}
			for _, s := range tokenize.Sentences(r[3]) {
				w := make([]string, len(s.Tokens))
				for i, t := range s.Tokens {
					w[i] = t.Text
				}
				sents = append(sents, w)
			}
		}
	}
	ewt, err := refdata.Path("ud-english-ewt", "en_ewt-ud-train.conllu")
	if err != nil {
		return nil, err
	}
	f, err := os.Open(ewt)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	err = conllu.Read(f, ewt, func(s *conllu.Sentence) error {
		w := make([]string, len(s.Words))
		for i, x := range s.Words {
			w[i] = x.Form
		}
		sents = append(sents, w)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ner.CountCase(sents), nil
}

type nerResult struct {
	Type      string  `json:"type"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	eval.Count
}

func writeNERScore(a *app, s *eval.NERScore, files []string, sentences int, asJSON bool) error {
	rows := []nerResult{{Type: "ALL", Precision: s.Overall.Precision(), Recall: s.Overall.Recall(), F1: s.Overall.F1(), Count: s.Overall}}
	for _, t := range s.Types() {
		c := s.ByType[t]
		rows = append(rows, nerResult{Type: t, Precision: c.Precision(), Recall: c.Recall(), F1: c.F1(), Count: c})
	}
	d := s.Described
	if asJSON {
		out := map[string]any{"files": files, "sentences": sentences, "scores": rows}
		if d.TP+d.FN > 0 {
			out["described_names"] = map[string]any{"found": d.TP, "total": d.TP + d.FN, "recall": d.Recall()}
		}
		return json.NewEncoder(a.stdout).Encode(out)
	}
	fmt.Fprintf(a.stdout, "%d files, %d sentences (exact span, typed; GPE/LOC scored as PLACE)\n", len(files), sentences)
	fmt.Fprintf(a.stdout, "%-8s %9s %9s %9s %6s %6s %6s\n", "type", "precision", "recall", "F1", "tp", "fp", "fn")
	for _, r := range rows {
		fmt.Fprintf(a.stdout, "%-8s %9.4f %9.4f %9.4f %6d %6d %6d\n", r.Type, r.Precision, r.Recall, r.F1, r.TP, r.FP, r.FN)
	}
	if d.TP+d.FN > 0 {
		fmt.Fprintf(a.stdout, "names under a common noun (not scored above): %d of %d found (%.4f)\n", d.TP, d.TP+d.FN, d.Recall())
	}
	return nil
}

func runTrainNER(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("train ner", "")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	ensemble := fs.Int("ensemble", 3, "train each model this many times (seeds seed, seed+1, ...) and keep their mean weights")
	epochs := fs.Int("epochs", 20, "passes over the training data")
	minWeight := fs.Float64("min-weight", 1, "drop averaged weights below this magnitude")
	out := fs.String("out", filepath.Join("internal", "nlp", "ner", "model"), "directory for typer.lin, span.lin and case.lex")
	useLex := fs.Bool("case-lexicon", true, "use capitalisation statistics from Wikinews and EWT train as features")
	goldTrees := fs.Bool("gold-trees", false, "train on GUM's gold tags and trees instead of the tagger's and parser's")
	taggerPath := fs.String("tagger", "", "tag the training documents with this tagger model (default: the embedded one, which was trained on them)")
	parserPath := fs.String("parser", "", "parse the training documents with this parser model (default: the embedded one, which was trained on them)")
	cv := fs.Int("cv", 0, "instead of writing models, report K-fold cross-validated scores over the GUM news and interview training documents")
	headedOnly := fs.Bool("proper-heads", false, "with --cv, score only the predicted mentions headed by a proper noun in parley's own analysis")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %q (train ner reads the reference data itself)", errUsage, fs.Args())
	}
	if *epochs < 1 {
		return fmt.Errorf("%w: --epochs must be at least 1", errUsage)
	}
	if *ensemble < 1 {
		return fmt.Errorf("%w: --ensemble must be at least 1", errUsage)
	}
	if st, err := os.Stat(*out); err != nil || !st.IsDir() {
		return fmt.Errorf("%w: --out %s is not a directory (run from the repository root)", errUsage, *out)
	}
	files, err := gumFiles([]string{"train"}, nil)
	if err != nil {
		return err
	}
	an, err := newNERAnalysis(*goldTrees, *taggerPath, *parserPath)
	if err != nil {
		return err
	}
	var data []ner.Sentence
	perFile := make([][]ner.Sentence, len(files))
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		s, err := readNERFile(f)
		if err != nil {
			return err
		}
		if err := an.apply(s); err != nil {
			return err
		}
		perFile[i] = s
		data = append(data, s...)
	}
	var lex *ner.Lexicon
	if *useLex {
		if lex, err = caseLexicon(); err != nil {
			return err
		}
	}
	opts := []ner.TrainOption{ner.Seed(*seed), ner.Ensemble(*ensemble), ner.Epochs(*epochs), ner.MinWeight(*minWeight)}
	if *cv > 0 {
		return crossValidateNER(a, files, perFile, lex, *cv, *headedOnly, opts)
	}
	if a.terminal {
		opts = append(opts, ner.Progress(func(e int) {
			fmt.Fprintf(a.stderr, "\repoch %d/%d", e, *epochs)
		}))
	}
	rec, err := ner.Train(data, lex, opts...)
	if a.terminal {
		fmt.Fprintln(a.stderr)
	}
	if err != nil {
		return err
	}
	names := nerModelFiles
	var outs []*os.File
	for _, n := range names {
		f, err := os.Create(filepath.Join(*out, n))
		if err != nil {
			return err
		}
		defer f.Close()
		outs = append(outs, f)
	}
	if err := rec.WriteModels(outs[0], outs[1], outs[2]); err != nil {
		return err
	}
	for _, f := range outs {
		if err := f.Close(); err != nil {
			return err
		}
	}
	nf, nw := rec.Size()
	fmt.Fprintf(a.stdout, "trained on %d sentences from %d files: %d features, %d weights -> %s\n", len(data), len(files), nf, nw, filepath.Join(*out, "{"+strings.Join(names, ",")+"}"))
	return nil
}
