package quotes

import (
	"bytes"
	_ "embed"
)

//go:embed testdata/wikinews-quotes.jsonl
var wikinewsGold []byte

// WikinewsGold returns the project's hand annotation of direct quotes in
// Wikinews articles (see docs/quotes.md), as embedded in the binary.
func WikinewsGold() ([]GoldArticle, error) {
	return ReadGold(bytes.NewReader(wikinewsGold), "wikinews-quotes.jsonl")
}
