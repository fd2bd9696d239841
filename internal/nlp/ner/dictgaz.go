package ner

//go:generate go run ./internal/gengaz -dicts ../../actors/data -out dictgaz_gen.go

// dictClass is a set of classes of a phrase in the project's actor
// dictionaries (internal/actors/data, team-written): knowledge of names
// the annotated data never showed. The typer sees them as features, and a
// name it rejects is still typed when it is listed (dictType).
type dictClass uint16

// Dictionary classes; gengaz writes them by name.
const (
	dPerson        dictClass = 1 << iota // a person's name or alias: "Volodymyr Zelensky", "Zelensky"
	dGiven                               // the first word of a person's multiword name
	dSurname                             // the last word of a person's multiword name
	dOrg                                 // an organisation's name, alias or acronym
	dCountry                             // a country's name or alias
	dRegion                              // a region: "Europe", "Middle East"
	dCapital                             // a capital city
	dSeat                                // a seat of power standing for a government: "Kremlin"
	dBody                                // an institution of a country: "Verkhovna Rada"
	dNORP                                // a nationality adjective or demonym
	dAgent                               // a sector or title word, lower case: "government", "troops", "president"
	numDictClasses = iota
)

// dictType returns the typer class a dictionary phrase of classes cls
// names, or 0. Regions are left out: their names are common words that
// are also surnames ("West", "South").
func dictType(cls dictClass) int {
	switch {
	case cls&dPerson != 0:
		return classOf(PERSON)
	case cls&(dOrg|dBody|dSeat) != 0:
		return classOf(ORG)
	case cls&(dCountry|dCapital) != 0:
		return classOf(GPE)
	}
	return 0
}

// phraseClass returns the classes of a phrase (tokens joined by spaces)
// in the actor dictionaries and the list of well-known organisations.
func phraseClass(p string) dictClass {
	c := dictPhrases[p]
	if inSet(orgNames, p) {
		c |= dOrg
	}
	return c
}
