package events

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/parleyhq/parley/internal/cameo"
	"github.com/parleyhq/parley/internal/events/verbs"
)

//go:embed default.verbs
var defaultVerbs string

var defaultDict = sync.OnceValues(func() (*verbs.Dictionary, error) {
	d, err := verbs.Load(strings.NewReader(defaultVerbs), "default.verbs", verbs.WithCodeCheck(cameo.Valid))
	if err != nil {
		return nil, fmt.Errorf("default verb dictionary: %w", err)
	}
	return d, nil
})

// DefaultDictionary returns parley's own verb dictionary, loaded once.
func DefaultDictionary() (*verbs.Dictionary, error) { return defaultDict() }

// Default returns a coder over the default dictionary.
func Default(opts ...Option) (*Coder, error) {
	d, err := DefaultDictionary()
	if err != nil {
		return nil, err
	}
	return New(d, opts...), nil
}
