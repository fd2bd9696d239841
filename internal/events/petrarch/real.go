package petrarch

import (
	"fmt"
	"path/filepath"

	"github.com/parleyhq/parley/internal/actors"
	"github.com/parleyhq/parley/internal/model"
	"github.com/parleyhq/parley/internal/nlp"
)

// RealPipeline is parley's own analysis for a suite: the embedded language
// models and the actor and agent dictionaries the suite's <Environment>
// names, read from dir (parley's built-in actors are left out: the suite
// codes fictional countries).
func RealPipeline(s *Suite, dir string) (Pipeline, error) {
	a, err := nlp.Default()
	if err != nil {
		return Pipeline{}, err
	}
	var files []string
	for _, f := range []string{s.Env.Actors, s.Env.Agents} {
		if f != "" {
			files = append(files, filepath.Join(dir, f))
		}
	}
	if len(files) == 0 {
		return Pipeline{}, fmt.Errorf("%s names no actor or agent file", s.Name)
	}
	d, err := actors.LoadFiles(files, actors.WithoutDefaults())
	if err != nil {
		return Pipeline{}, fmt.Errorf("suite actors in %s: %w", dir, err)
	}
	return Pipeline{
		Analyze: func(doc *model.Document) error { a.Analyze(doc); return nil },
		Resolve: d.Resolve,
	}, nil
}
