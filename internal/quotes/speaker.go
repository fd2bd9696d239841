package quotes

import (
	"sort"
	"strings"
	"unicode"
)

// Key maps a speaker's name to the key under which the speaker registry
// stores it, so that variants of one name meet: honorifics and leading titles
// are stripped ("President Volodymyr Zelensky" -> "volodymyr zelensky"),
// diacritics and common transliteration variants folded ("Zelenskyy",
// "Zelenskiy" -> "zelensky"; "Erdoğan" -> "erdogan"), middle initials dropped
// ("John R. Bolton" -> "john bolton"). Descriptions of unnamed sources are
// lowercased without their article ("A police spokesperson" -> "police
// spokesperson"). The empty string maps to "".
func Key(name string) string {
	return strings.Join(keyTokens(name), " ")
}

// keyReplacer drops possessives and apostrophes and splits hyphenated names.
var keyReplacer = strings.NewReplacer("’s", "", "'s", "", "’", "", "'", "", "-", " ", "‐", " ")

func keyTokens(name string) []string {
	raw := nameWords(name)
	var out []string
	for j, t := range raw {
		t = fold(keyReplacer.Replace(t))
		if t == "" {
			continue
		}
		// Middle initials go; a leading or final one stays.
		if len([]rune(t)) == 1 && j > 0 && j < len(raw)-1 {
			continue
		}
		if t == "jr" || t == "sr" || t == "ii" || t == "iii" {
			continue
		}
		for _, p := range strings.Fields(t) {
			out = append(out, translit(p))
		}
	}
	return out
}

// nameWords returns the words of a name without its leading titles,
// honorifics and nationality ("US Secretary of State Mike Pompeo" -> Mike
// Pompeo), and without what follows a comma ("Colin Sutherland, Lord
// Carloway"). Organisation names keep all their words.
func nameWords(name string) []string {
	name = strings.TrimSpace(name)
	if i := strings.IndexAny(name, ",("); i >= 0 {
		name = name[:i]
	}
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	raw := strings.Fields(name)
	org := false
	for _, w := range raw {
		if l := strings.ToLower(w); orgWords[l] && l != "state" {
			org = true
		}
	}
	// Strip leading titles, honorifics and nationality words; "of State"
	// after a title belongs to it ("Secretary of State Mike Pompeo").
	i := 0
	for i < len(raw)-1 && !org {
		w := strings.ToLower(strings.TrimSuffix(raw[i], "."))
		switch {
		case isHonorific(w) || isTitleWord(w) || isDemonym(raw[i]) || w == "the" || w == "a" || w == "an":
			i++
		case (w == "of" || w == "for") && i > 0 && i+2 < len(raw):
			i += 2
		default:
			goto done
		}
	}
done:
	return raw[i:]
}

// displayName is the part of name that nameWords keeps, as written (the
// original spacing kept, so that it is text of the document).
func displayName(name string) string {
	ws := nameWords(name)
	if len(ws) == 0 {
		return ""
	}
	i := strings.Index(name, ws[0])
	last := ws[len(ws)-1]
	j := strings.LastIndex(name, last)
	if i < 0 || j < i {
		return strings.Join(ws, " ")
	}
	return name[i : j+len(last)]
}

// fold lowercases t, removes diacritics and drops everything but letters and
// digits.
func fold(t string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(t) {
		if s, ok := foldTable[r]; ok {
			b.WriteString(s)
			continue
		}
		if r == ' ' {
			b.WriteRune(r)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if unicode.Is(unicode.Mn, r) {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldTable maps Latin letters with diacritics to plain ASCII.
var foldTable = func() map[rune]string {
	m := map[rune]string{}
	for _, g := range []struct{ from, to string }{
		{"àáâãäåāăą", "a"}, {"çćĉċč", "c"}, {"ďđ", "d"}, {"èéêëēĕėęě", "e"}, {"ĝğġģ", "g"},
		{"ĥħ", "h"}, {"ìíîïĩīĭįı", "i"}, {"ĵ", "j"}, {"ķ", "k"}, {"ĺļľŀł", "l"}, {"ñńņňŉ", "n"},
		{"òóôõöøōŏő", "o"}, {"ŕŗř", "r"}, {"śŝşšș", "s"}, {"ţťŧț", "t"}, {"ùúûüũūŭůűų", "u"},
		{"ŵ", "w"}, {"ýÿŷ", "y"}, {"źżž", "z"},
	} {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	m['ß'], m['æ'], m['œ'], m['þ'], m['ð'] = "ss", "ae", "oe", "th", "d"
	return m
}()

// translit folds spelling variants that transliteration from Cyrillic and
// Arabic produces: -yy/-iy/-ii/-yi/-ij endings (Zelenskyy, Zelenskiy) and the
// many spellings of Muhammad.
func translit(t string) string {
	for _, suf := range []string{"yy", "iy", "ii", "yi", "ij"} {
		if len(t) > 4 && strings.HasSuffix(t, suf) {
			t = t[:len(t)-len(suf)] + "y"
			break
		}
	}
	switch t {
	case "mohamed", "mohamad", "muhamed", "muhamad", "mohammad", "mohammed", "muhammad", "muhammed", "mohammod":
		return "muhammad"
	}
	return t
}

// Match reports whether two speaker names denote the same speaker within one
// document: equal keys, or one key is a trailing part of the other
// ("Erdoğan" and "Recep Tayyip Erdogan"), or, for names of two words or more,
// all words of the shorter occur in the longer ("State Department" and
// "United States Department of State").
func Match(a, b string) bool {
	return matchTokens(keyTokens(a), keyTokens(b))
}

func matchTokens(ka, kb []string) bool {
	if len(ka) == 0 || len(kb) == 0 {
		return len(ka) == len(kb)
	}
	if len(ka) > len(kb) {
		ka, kb = kb, ka
	}
	if strings.Join(ka, " ") == strings.Join(kb[len(kb)-len(ka):], " ") {
		return true
	}
	// "Kristin Wilkins" and "Kristen Wilkins": one name spelt two ways.
	if len(ka) == len(kb) && len(ka) >= 2 && ka[len(ka)-1] == kb[len(kb)-1] {
		same := true
		for i := range ka[:len(ka)-1] {
			same = same && (ka[i] == kb[i] || nearSpelling(ka[i], kb[i]))
		}
		if same {
			return true
		}
	}
	if len(ka) == 1 && paternalSurname(kb) == ka[0] {
		return true
	}
	// "Ford" and "Ford Motor Company": a company by its first word.
	if len(ka) == 1 && ka[0] == kb[0] && orgTokens(kb) {
		return true
	}
	content := func(ts []string) map[string]bool {
		m := map[string]bool{}
		for _, t := range ts {
			if !isStopWord(t) {
				m[singular(t)] = true
			}
		}
		return m
	}
	ca, cb := content(ka), content(kb)
	if len(ca) < 2 {
		return false
	}
	for t := range ca {
		if !cb[t] {
			return false
		}
	}
	return true
}

// singular folds a plural word ("emergencies", "states") for comparison.
func singular(t string) string {
	if len(t) > 4 && strings.HasSuffix(t, "ies") {
		return t[:len(t)-3] + "y"
	}
	return strings.TrimSuffix(t, "s")
}

// Registry gathers the speaker names met in one document so that later short
// forms resolve to the full name: "Zelensky" after "Volodymyr Zelensky",
// "el-Sisi" after "Abdel Fattah el-Sisi". A surname shared by two full names
// in the document resolves to neither.
type Registry struct {
	full     map[string]int      // keys of the full names added -> times added
	display  map[string]string   // key -> display name
	suffixes map[string][]string // key suffix -> keys of the full names ending so
	firsts   map[string][]string // first word -> keys of the full names starting so
	middles  map[string][]string // paternal surname -> keys of the full names
}

// paternalSurname is the middle word of a three-word person's name, the
// first of a Spanish double surname by which the person is called: "Rosselló"
// of "Ricardo Rosselló Nevares". "" for other names.
func paternalSurname(k []string) string {
	if len(k) != 3 || orgTokens(k) {
		return ""
	}
	return k[1]
}

// Add records a full name (two words or more after Key) and returns its key.
func (r *Registry) Add(name string) string {
	k := keyTokens(name)
	ks := strings.Join(k, " ")
	if len(k) < 2 {
		return ks
	}
	if r.full == nil {
		r.full, r.display = map[string]int{}, map[string]string{}
		r.suffixes, r.firsts, r.middles = map[string][]string{}, map[string][]string{}, map[string][]string{}
	}
	r.full[ks]++
	if r.full[ks] > 1 {
		return ks
	}
	r.display[ks] = displayName(name)
	r.firsts[k[0]] = append(r.firsts[k[0]], ks)
	if m := paternalSurname(k); m != "" {
		r.middles[m] = append(r.middles[m], ks)
	}
	for i := range k {
		suf := strings.Join(k[i:], " ")
		r.suffixes[suf] = append(r.suffixes[suf], ks)
	}
	return ks
}

// Resolve returns the full name that name is a short form or variant of, and
// true; or name itself and false when no full name matches, or when two do
// and neither is named at least twice as often ("Biden" is Joe Biden in an
// article that names Hunter Biden once).
func (r *Registry) Resolve(name string) (string, bool) {
	return r.ResolveAmong(name, nil)
}

// ResolveAmong is Resolve over the full names whose key keep accepts (all
// when keep is nil).
func (r *Registry) ResolveAmong(name string, keep func(key string) bool) (string, bool) {
	among := func(ks []string) []string {
		if keep == nil {
			return ks
		}
		var out []string
		for _, k := range ks {
			if keep(k) {
				out = append(out, k)
			}
		}
		return out
	}
	k := Key(name)
	if ks := among(r.suffixes[k]); len(ks) > 0 {
		return r.pick(ks, name)
	}
	// "Princess Ubolratana" after "Princess Ubolratana Mahidol": a given
	// name alone, when no full name ends with it.
	if ks := among(r.firsts[k]); len(ks) > 0 && k != "" && !strings.Contains(k, " ") {
		return r.pick(ks, name)
	}
	// "Rosselló said" after "Ricardo Rosselló Nevares".
	if ks := among(r.middles[k]); len(ks) > 0 {
		return r.pick(ks, name)
	}
	// "Water said", "Ms Bauchtman said" after Kathryn Waters and Lydia
	// Buchtmann: a surname misspelt by a letter or two.
	if k != "" && !strings.Contains(k, " ") {
		var near []string
		for full := range r.full {
			if nearSpelling(k, full[strings.LastIndex(full, " ")+1:]) {
				near = append(near, full)
			}
		}
		sort.Strings(near)
		if near = among(near); len(near) > 0 {
			return r.pick(near, name)
		}
	}
	return name, false
}

// nearSpelling: two words of five letters or more, with the same first
// letter, one edit apart (two for words of eight letters or more).
func nearSpelling(a, b string) bool {
	if a == b || len(a) < 5 || len(b) < 5 || a[0] != b[0] {
		return false
	}
	limit := 1
	if min(len(a), len(b)) >= 8 {
		limit = 2
	}
	if d := len(a) - len(b); d > limit || -d > limit {
		return false
	}
	// Levenshtein distance over bytes (keys are folded to ASCII).
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] <= limit
}

func (r *Registry) pick(keys []string, name string) (string, bool) {
	best, second := "", 0
	for _, k := range keys {
		switch n := r.full[k]; {
		case best == "" || n > r.full[best]:
			if best != "" {
				second = r.full[best]
			}
			best = k
		case n > second:
			second = n
		}
	}
	if best == "" || second > 0 && r.full[best] < 2*second {
		return name, false
	}
	return r.display[best], true
}

// orgTokens: a name key with an organisation word in it.
func orgTokens(k []string) bool {
	for _, t := range k {
		if orgWords[t] {
			return true
		}
	}
	return false
}
