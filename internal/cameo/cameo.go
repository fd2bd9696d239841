// Package cameo holds the facts of the CAMEO event ontology that the coder
// attaches to every event: label, Goldstein weight, quad class and the PLOVER
// reading. The table is generated from the reference files in
// ../shared/data/cameo and ../shared/data/plover by internal/gencameo.
package cameo

//go:generate go run ./internal/gencameo -out table_gen.go

import "github.com/parleyhq/parley/internal/model"

// Quad classes (GDELT convention, by root code).
const (
	VerbalCoop       = 1 // 01-05
	MaterialCoop     = 2 // 06-09
	VerbalConflict   = 3 // 10-14
	MaterialConflict = 4 // 15-20
)

// Info is what the ontology says about one code.
type Info struct {
	Code      string
	Label     string
	Goldstein float64
	Quad      int
	Plover    model.Plover
}

// Lookup returns the facts for a CAMEO code ("036", "1823", "19").
func Lookup(code string) (Info, bool) {
	i, ok := table[code]
	return i, ok
}

// Valid reports whether code is a CAMEO event code.
func Valid(code string) bool {
	_, ok := table[code]
	return ok
}

// Codes returns the number of codes in the table.
func Codes() int { return len(table) }
