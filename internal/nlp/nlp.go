// Package nlp is parley's language core: it splits a document into
// sentences and tokens, tags them (UPOS and Penn XPOS), lemmatises them,
// parses them into Universal Dependencies trees and finds named entities,
// all in-process with models trained from public treebanks and embedded in
// the binary.
package nlp

import (
	"fmt"
	"sync"

	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp/lemma"
	"github.com/parleyhq/parley/internal/nlp/ner"
	"github.com/parleyhq/parley/internal/nlp/parser"
	"github.com/parleyhq/parley/internal/nlp/tagger"
	"github.com/parleyhq/parley/internal/nlp/tokenize"
)

// Analyzer runs the whole language analysis. It is immutable and safe for
// concurrent use by many goroutines.
type Analyzer struct {
	tagger *tagger.Tagger
	parser *parser.Parser
	ner    *ner.Recognizer
}

// Default returns the analyzer with the embedded models, loaded once.
var Default = sync.OnceValues(func() (*Analyzer, error) { return New(nil, nil, nil) })

// New returns an analyzer with the given models; for a nil one it loads the
// embedded model (only then).
func New(t *tagger.Tagger, p *parser.Parser, n *ner.Recognizer) (*Analyzer, error) {
	var err error
	if t == nil {
		if t, err = tagger.Default(); err != nil {
			return nil, fmt.Errorf("load tagger: %w", err)
		}
	}
	if p == nil {
		if p, err = parser.Default(); err != nil {
			return nil, fmt.Errorf("load parser: %w", err)
		}
	}
	if n == nil {
		if n, err = ner.Default(); err != nil {
			return nil, fmt.Errorf("load entity model: %w", err)
		}
	}
	return &Analyzer{tagger: t, parser: p, ner: n}, nil
}

// Parse tags, lemmatises and parses the tokens of one sentence (as a
// tokenizer or a corpus gave them), in place.
func (a *Analyzer) Parse(toks []model.Token) {
	a.tagger.Tag(toks)
	lemma.Tokens(toks)
	a.parser.Parse(toks)
}

// Analyze fills doc.Sentences (tokens with tags, lemmas and dependency
// trees) and doc.Entities from doc.Text, replacing earlier analysis.
func (a *Analyzer) Analyze(doc *model.Document) {
	doc.Sentences = tokenize.Sentences(doc.Text)
	for i := range doc.Sentences {
		a.Parse(doc.Sentences[i].Tokens)
	}
	// Entities are found over the whole document: a name tagged once is
	// re-tagged where it recurs.
	a.ner.RecognizeDocument(doc)
}
