package petrarch

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/parleyhq/parley/internal/actors"
	"github.com/parleyhq/parley/internal/events"
	"github.com/parleyhq/parley/internal/events/verbs"
	"github.com/parleyhq/parley/internal/model"
)

// Pipeline is what coding a record from its text needs besides the verb
// dictionary: the analyzer (sentences, tokens, tags, parse) and the actor
// resolver loaded with the suite's actor and agent dictionaries.
type Pipeline struct {
	Analyze func(doc *model.Document) error
	Resolve func(doc *model.Document) []actors.Mention
}

// Null is how PETRARCH writes a missing actor.
const Null = "---"

// Run codes every record of s from its <Text> with the verb and discard
// dictionaries its <Environment> names (read from dir) and the <Config>
// options in force. Events without a target are coded with target "---"
// when require_dyad is off.
func Run(s *Suite, dir string, p Pipeline) ([][]Triple, error) {
	dict, err := verbs.LoadFile(filepath.Join(dir, s.Env.Verbs), verbs.Lenient())
	if err != nil {
		return nil, err
	}
	var discards *verbs.Discards
	if s.Env.Discards != "" {
		if discards, err = verbs.LoadDiscardsFile(filepath.Join(dir, s.Env.Discards)); err != nil {
			return nil, err
		}
	}
	coded := make([][]Triple, len(s.Records))
	for i, r := range s.Records {
		doc := &model.Document{ExtID: r.ID, Text: r.Text}
		if t, err := time.Parse("20060102", r.Date); err == nil {
			doc.Published = t
		}
		if err := p.Analyze(doc); err != nil {
			return nil, fmt.Errorf("record %s: %w", r.ID, err)
		}
		c := events.New(dict, events.WithDiscards(discards), events.RequireDyad(r.Bool("require_dyad", true)), events.Control(false), events.KeepNullActors(true))
		for _, e := range c.Code(doc, p.Resolve(doc)).Events {
			tgt := e.Target.Code
			if tgt == "" {
				tgt = Null
			}
			coded[i] = append(coded[i], Triple{e.Source.Code, tgt, e.CAMEO})
		}
	}
	return coded, nil
}
