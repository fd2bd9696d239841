// Package actors maps phrases in analysed sentences to actor codes in CAMEO
// style (country + sector, e.g. UKRGOV, USAGOV, IGOUNO), with roles bounded in
// time and references resolved within a document.
package actors

// Mention is one resolved reference to an actor in a document.
type Mention struct {
	Sentence int    // index into Document.Sentences
	First    int    // first token, 0-based, inclusive
	Last     int    // last token, inclusive
	Head     int    // the token that stands for the phrase (its syntactic or rightmost head)
	Code     string // CAMEO-style code chosen for the document's date, e.g. UKRGOV
	Name     string // canonical name, e.g. "Volodymyr Zelensky", "Ukraine"
	Kind     string // person, country, organization, agent, or the reference kind: surname, nominal, pronoun
	// Antecedent is the index (into the same []Mention) of the mention this one
	// refers back to, or -1 when it is named outright.
	Antecedent int
	// Title is the office the person holds at the document's date
	// ("President of Ukraine"), or the title written before an unknown
	// person's name ("Prime Minister"); empty otherwise.
	Title string
	// Also holds the further codes of a PETRARCH compound actor
	// ("[FRO/BIL/SAM]" gives Code FRO and Also [BIL SAM]); events are coded
	// for each.
	Also []string
	// CountryInferred: the code's country was not in the words but taken
	// from the document ("Congress" in a story about the United States).
	CountryInferred bool
}

// Mention kinds.
const (
	KindPerson       = "person"
	KindCountry      = "country"
	KindOrganization = "organization"
	KindAgent        = "agent"
	KindActor        = "actor" // an entry of a PETRARCH actor dictionary
	KindSurname      = "surname"
	KindNominal      = "nominal"
	KindPronoun      = "pronoun"
)
