// Package pipeline runs the analysis steps over a document, in order:
// language analysis, actor resolution, event coding, quote attribution and
// issue tagging. Each step is its own package; this one only wires them.
package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parleyhq/parley/internal/actors"
	"github.com/parleyhq/parley/internal/cameo"
	"github.com/parleyhq/parley/internal/events"
	"github.com/parleyhq/parley/internal/events/verbs"
	"github.com/parleyhq/parley/internal/issues"
	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp"
	"github.com/parleyhq/parley/internal/quotes"
)

// Version names the analysis; stored documents analysed by another version
// are re-analysed by `parley reanalyze`. Bump it when output changes.
const Version = "parley-analysis-5"

// Pipeline is a configured analysis. It is safe for concurrent use.
type Pipeline struct {
	nlp     *nlp.Analyzer
	actors  *actors.Dictionary
	coder   *events.Coder
	issues  *issues.Taxonomy
	version string
}

type config struct {
	dicts  string
	issues string
}

// Option configures a Pipeline.
type Option func(*config)

// WithDicts adds the dictionaries of a folder: parley's own actor format and
// PETRARCH actor, agent, verb and discard files (see docs/actors.md,
// docs/verbs.md). Verb files replace the default verb dictionary.
func WithDicts(dir string) Option { return func(c *config) { c.dicts = dir } }

// WithIssues replaces the default issue taxonomy with a file.
func WithIssues(path string) Option { return func(c *config) { c.issues = path } }

// New loads the models and dictionaries.
func New(opts ...Option) (*Pipeline, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	p := &Pipeline{version: Version}
	var err error
	if p.nlp, err = nlp.Default(); err != nil {
		return nil, err
	}
	if c.dicts == "" {
		p.actors, err = actors.Default()
	} else {
		p.actors, err = actors.Load(c.dicts)
	}
	if err != nil {
		return nil, err
	}
	if p.coder, err = coder(c.dicts); err != nil {
		return nil, err
	}
	if c.issues == "" {
		p.issues = issues.Default()
	} else if p.issues, err = issues.Load(c.issues); err != nil {
		return nil, err
	}
	if c.dicts != "" || c.issues != "" {
		// Custom dictionaries give a different analysis: name it so.
		p.version += "+custom"
	}
	return p, nil
}

// coder builds the event coder: the default verbs, or the verb and discard
// files found in dir.
func coder(dir string) (*events.Coder, error) {
	if dir == "" {
		return events.Default()
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("load dictionaries %s: %w", dir, err)
	}
	var verbFiles, discardFiles []string
	for _, e := range entries {
		name := strings.ToLower(e.Name())
		switch {
		case e.IsDir():
		case strings.HasSuffix(name, ".verbs") || strings.Contains(name, "verbs") || strings.HasPrefix(name, "cameo."):
			verbFiles = append(verbFiles, filepath.Join(dir, e.Name()))
		case strings.Contains(name, "discards"):
			discardFiles = append(discardFiles, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(verbFiles)
	sort.Strings(discardFiles)
	var opts []events.Option
	if len(discardFiles) > 0 {
		d, err := verbs.LoadDiscardsFile(discardFiles[0])
		if err != nil {
			return nil, err
		}
		opts = append(opts, events.WithDiscards(d))
	}
	if len(verbFiles) == 0 {
		return events.Default(opts...)
	}
	if len(verbFiles) > 1 {
		return nil, fmt.Errorf("load dictionaries %s: several verb dictionaries (%s): keep one", dir, strings.Join(verbFiles, ", "))
	}
	d, err := verbs.LoadFile(verbFiles[0], verbs.Lenient(), verbs.WithCodeCheck(cameo.Valid))
	if err != nil {
		return nil, err
	}
	return events.New(d, opts...), nil
}

// Version names the analysis this pipeline produces.
func (p *Pipeline) Version() string { return p.version }

// Analyze fills doc's sentences, entities, events, quotes and issues and
// marks it with the pipeline's version. Documents in a language other than
// English are marked and left uncoded rather than mis-coded.
func (p *Pipeline) Analyze(doc *model.Document) {
	doc.Sentences, doc.Entities, doc.Events, doc.Quotes, doc.Issues = nil, nil, nil, nil, nil
	doc.Analyzed = p.version
	if doc.Lang != "" && doc.Lang != "en" {
		addNote(doc, "not analysed: language "+doc.Lang)
		return
	}
	p.nlp.Analyze(doc)
	mentions := p.actors.Resolve(doc)
	doc.Events = p.coder.Code(doc, mentions).Events
	doc.Quotes = quotes.Extract(doc, quotes.WithActors(mentions))
	p.issues.Tag(doc)
	doc.FillOffsets()
}

func addNote(doc *model.Document, note string) {
	for _, n := range doc.Notes {
		if n == note {
			return
		}
	}
	doc.Notes = append(doc.Notes, note)
}
