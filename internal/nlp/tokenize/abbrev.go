package tokenize

import "strings"

// Abbreviation kinds: a title or month abbreviation ("Dr.", "Feb.") is
// followed by the name or number it modifies, so it never ends a sentence;
// other abbreviations ("U.S.", "Inc.", "etc.") end one when the next word
// is a typical sentence opener.
const (
	abbrNone = iota
	abbrTitle
	abbrOther
)

// The lists are the team's own, written from common news usage.
var titleAbbrevs = setOf(
	"Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt",
	"Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Gov", "Sen", "Rep", "Reps", "Sens", "Pres",
	"Supt", "Insp", "Rev", "Fr", "Sr", "Hon", "Amb", "Atty", "Messrs", "Mmes", "Mme", "Mlle",
	"St", "Ste", "Mt", "Ft", "No", "Nos", "Nr", "Sec", "Vol", "Fig", "pp", "Ave",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
	"vs", "v", "approx", "ca", "cf", "viz", "Ph", "Op", "Dept", "Univ",
)

var otherAbbrevs = setOf(
	"Inc", "Corp", "Co", "Ltd", "Bros", "Jr", "Esq", "Assn", "Govt", "Intl", "Mfg",
	"etc", "al", "Blvd", "Rd", "Hwy", "Mass", "Calif", "Fla", "Ill", "Penn", "Conn",
	"Ariz", "Colo", "Wash", "Mich", "Minn", "Tenn", "Ky", "Ala", "Ga", "Md", "Va", "Okla",
	"Ore", "Ont", "Que", "Wis", "Nev", "Neb", "Kan", "Miss", "Ark", "La", "Del", "Vt", "Wyo", "Ind",
)

func setOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// abbrevKind classifies w, the word before a period.
func abbrevKind(w string) int {
	if w == "" {
		return abbrNone
	}
	if _, ok := titleAbbrevs[w]; ok {
		return abbrTitle
	}
	if _, ok := otherAbbrevs[w]; ok {
		return abbrOther
	}
	r, size := decode(w, 0)
	if size == len(w) && class(r)&cUpper != 0 {
		return abbrTitle // an initial: "George W. Bush"
	}
	if isDottedAbbrev(w) {
		return abbrOther
	}
	return abbrNone
}

// isDottedAbbrev reports words like "U.S", "e.g", "D.C", "Ph.D": short runs
// of letters joined by periods.
func isDottedAbbrev(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	run := 0
	for i := 0; i < len(w); {
		r, size := decode(w, i)
		i += size
		switch {
		case r == '.':
			if run == 0 {
				return false
			}
			run = 0
		case class(r)&cLetter != 0:
			run++
			if run > 3 {
				return false
			}
		default:
			return false
		}
	}
	return run > 0
}

// sentenceOpeners are capitalised function words that, after an ambiguous
// abbreviation such as "U.S.", signal that a new sentence has begun.
var sentenceOpeners = setOf(
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
	"Those", "There", "His", "Her", "Their", "Its", "Our", "My", "But", "And", "Or", "So",
	"In", "On", "At", "For", "If", "When", "While", "After", "Before", "As", "Since",
	"However", "Meanwhile", "Still", "Yet", "Also", "Then", "Now", "Some", "Many", "Most",
	"What", "Who", "Why", "How", "Where", "According", "Officials", "Mr.", "Mrs.", "Ms.", "Dr.",
)

// Prefixes that EWT keeps attached with their hyphen ("anti-war", "e-mail").
var hyphenPrefixes = setOf(
	"e", "non", "anti", "mid", "pre", "re", "co", "post", "over", "pro", "multi", "ex",
	"semi", "counter", "sub", "vice", "neo", "psycho", "inter", "intra", "micro", "macro",
	"mega", "ultra", "pseudo", "quasi", "bi", "tri", "un", "hyper", "cyber", "geo", "socio",
)

// isEmoticon reports the few emoticons that EWT keeps whole.
func isEmoticon(w string) bool {
	switch w {
	case ":)", ":-)", ":(", ":-(", ":D", ":-D", ";)", ";-)", ":P", ":-P", ":p", "(:", "=)", "):", ":/", "^^", "<3":
		return true
	}
	return false
}
