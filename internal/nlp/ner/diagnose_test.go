package ner

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var diagnose = flag.Bool("diagnose", false, "run TestDiagnose (trains a model, ~10 s)")

// TestDiagnose splits the recognizer's errors into typing and span
// choice: it trains on the GUM training documents less every third news
// and interview one, and on those held out measures, for the gold
// mentions some candidate span reproduces, how often the typer gives the
// head the gold type and how often, given that type, the span chooser
// picks the gold span; then the same on the training data (the fit).
//
//	go test ./internal/nlp/ner -run Diagnose -diagnose -v
func TestDiagnose(t *testing.T) {
	if !*diagnose {
		t.Skip("run with -diagnose")
	}
	files, split := gumCorpus(t)
	f, err := os.Open("model/case.lex")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lex, err := ReadLexicon(f, "case.lex")
	if err != nil {
		t.Fatal(err)
	}
	var train, held []Sentence
	k := 0
	for _, path := range files {
		doc := strings.TrimSuffix(filepath.Base(path), ".conllu")
		if split[doc] != "train" {
			continue
		}
		sents, err := ReadGUMFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := range sents {
			sents[i].Tokens = parseWords(t, sents[i].Words)
		}
		if strings.Contains(doc, "_news_") || strings.Contains(doc, "_interview_") {
			if k++; k%3 == 0 {
				held = append(held, sents...)
				continue
			}
		}
		train = append(train, sents...)
	}
	r, err := Train(train, lex)
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		name  string
		sents []Sentence
	}{{"held out", held}, {"training data", train}} {
		confusion := map[string]int{}
		var gold, reach, typed, spanned int
		sc := &scratch{scores: make([]float32, len(classes))}
		for _, s := range set.sents {
			cands := sc.prepare(s.Tokens, lex)
			for _, m := range s.Mentions {
				gold++
				var group []candidate
				for _, c := range cands {
					if c.first == m.First && c.last == m.Last {
						for _, c2 := range cands {
							if c2.head == c.head {
								group = append(group, c2)
							}
						}
						break
					}
				}
				if group == nil {
					continue
				}
				reach++
				r.typer.Score(typerFeatures(nil, &sc.tree, group[0]), sc.scores)
				class, margin := bestClass(sc.scores)
				if margin <= 0 {
					class = 0
				}
				if class == classOf(m.Type) {
					typed++
				} else {
					confusion[classes[classOf(m.Type)]+" as "+classes[class]]++
				}
				best, bestScore := 0, float32(0)
				for i, c := range group {
					r.span.Score(spanFeatures(nil, &sc.tree, c, classOf(m.Type)), sc.scores)
					if s := sc.scores[1] - sc.scores[0]; i == 0 || s > bestScore {
						best, bestScore = i, s
					}
				}
				if group[best].first == m.First && group[best].last == m.Last {
					spanned++
				}
			}
		}
		t.Logf("%s: %d gold mentions, %d reachable; typer right on %d (%.3f), span chooser right on %d (%.3f); typing errors %v",
			set.name, gold, reach, typed, float64(typed)/float64(reach), spanned, float64(spanned)/float64(reach), confusion)
	}
}
