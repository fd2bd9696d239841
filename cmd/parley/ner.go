package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parleyhq/parley/internal/eval"
	"github.com/parleyhq/parley/internal/nlp/conllu"
	"github.com/parleyhq/parley/internal/nlp/ner"
	"github.com/parleyhq/parley/internal/nlp/tokenize"
	"github.com/parleyhq/parley/internal/refdata"
)

func init() {
	evaluators["ner"] = command{name: "ner", summary: "named-entity precision/recall/F1 on IOB2 or GUM CoNLL-U files", run: runEvalNER}
	trainers["ner"] = command{name: "ner", summary: "train the named-entity models from UNER and GUM", run: runTrainNER}
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

func runEvalNER(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("eval ner", "[FILE.iob2|FILE.conllu...]")
	asJSON := fs.Bool("json", false, "write the scores as JSON")
	gum := fs.String("gum", "", "also score the GUM documents of these splits (e.g. dev,test), read from the reference data")
	genres := fs.String("genres", "news,interview", "GUM genres for --gum")
	showErrors := fs.Bool("errors", false, "list each missed and spurious mention (text output)")
	modelDir := fs.String("model", "", "load outer.lin, inner.lin and case.lex from this directory instead of the embedded models")
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
		for _, doc := range byDocument(sents) {
			words := make([][]string, len(doc))
			for i, s := range doc {
				words[i] = s.Words
			}
			for i, pred := range rec.DocumentMentions(words) {
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

func loadRecognizer(dir string) (*ner.Recognizer, error) {
	if dir == "" {
		return ner.Default()
	}
	fo, err := os.Open(filepath.Join(dir, "outer.lin"))
	if err != nil {
		return nil, err
	}
	defer fo.Close()
	fi, err := os.Open(filepath.Join(dir, "inner.lin"))
	if err != nil {
		return nil, err
	}
	defer fi.Close()
	fl, err := os.Open(filepath.Join(dir, "case.lex"))
	if err != nil {
		return nil, err
	}
	defer fl.Close()
	return ner.Load(fo, fi, fl)
}

// crossValidateNER trains k models, each without one fold of the GUM news
// and interview training documents, and scores them on the held-out fold.
func crossValidateNER(a *app, files []string, perFile [][]ner.Sentence, lex *ner.Lexicon, k int, opts []ner.TrainOption) error {
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
			words := make([][]string, len(perFile[i]))
			for j, s := range perFile[i] {
				words[j] = s.Words
			}
			for j, pred := range rec.DocumentMentions(words) {
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
	if asJSON {
		return json.NewEncoder(a.stdout).Encode(map[string]any{"files": files, "sentences": sentences, "scores": rows})
	}
	fmt.Fprintf(a.stdout, "%d files, %d sentences (exact span, typed; GPE/LOC scored as PLACE)\n", len(files), sentences)
	fmt.Fprintf(a.stdout, "%-8s %9s %9s %9s %6s %6s %6s\n", "type", "precision", "recall", "F1", "tp", "fp", "fn")
	for _, r := range rows {
		fmt.Fprintf(a.stdout, "%-8s %9.4f %9.4f %9.4f %6d %6d %6d\n", r.Type, r.Precision, r.Recall, r.F1, r.TP, r.FP, r.FN)
	}
	return nil
}

func runTrainNER(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("train ner", "")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	epochs := fs.Int("epochs", 20, "passes over the training data")
	minWeight := fs.Float64("min-weight", 1, "drop averaged weights below this magnitude")
	out := fs.String("out", filepath.Join("internal", "nlp", "ner", "model"), "directory for outer.lin, inner.lin and case.lex")
	uner := fs.Bool("uner", false, "train on UNER English EWT dev and test too")
	useLex := fs.Bool("case-lexicon", true, "use capitalisation statistics from Wikinews and EWT train as features")
	cv := fs.Int("cv", 0, "instead of writing models, report K-fold cross-validated scores over the GUM news and interview training documents")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %q (train ner reads the reference data itself)", errUsage, fs.Args())
	}
	if *epochs < 1 {
		return fmt.Errorf("%w: --epochs must be at least 1", errUsage)
	}
	if st, err := os.Stat(*out); err != nil || !st.IsDir() {
		return fmt.Errorf("%w: --out %s is not a directory (run from the repository root)", errUsage, *out)
	}
	files, err := gumFiles([]string{"train"}, nil)
	if err != nil {
		return err
	}
	if *uner {
		for _, n := range []string{"en_ewt-ud-dev.iob2", "en_ewt-ud-test.iob2"} {
			p, err := refdata.Path("uner-english-ewt", n)
			if err != nil {
				return err
			}
			files = append(files, p)
		}
	}
	var data []ner.Sentence
	perFile := make([][]ner.Sentence, len(files))
	for i, f := range files {
		s, err := readNERFile(f)
		if err != nil {
			return err
		}
		perFile[i] = s
		data = append(data, s...)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var lex *ner.Lexicon
	if *useLex {
		if lex, err = caseLexicon(); err != nil {
			return err
		}
	}
	opts := []ner.TrainOption{ner.Seed(*seed), ner.Epochs(*epochs), ner.MinWeight(*minWeight)}
	if *cv > 0 {
		return crossValidateNER(a, files, perFile, lex, *cv, opts)
	}
	if a.terminal {
		opts = append(opts, ner.Progress(func(layer string, e int) {
			fmt.Fprintf(a.stderr, "\r%s layer, epoch %d/%d", layer, e, *epochs)
		}))
	}
	rec, err := ner.Train(data, lex, opts...)
	if a.terminal {
		fmt.Fprintln(a.stderr)
	}
	if err != nil {
		return err
	}
	names := []string{"outer.lin", "inner.lin", "case.lex"}
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
