package actors

import (
	"fmt"
	"strconv"
	"strings"
)

// Discards is a PETRARCH discard list: phrases that mark a sentence (or,
// with a leading "+", a whole story) as not worth coding — sports results,
// film titles, weather.
type Discards struct {
	items []discard
}

type discard struct {
	text  string   // as written, without the "+"
	words []string // folded words
	exact bool     // phrase ended in "_": its last word must end there
	story bool
	from  string
}

// Discard is a match of the discard list.
type Discard struct {
	Phrase string `json:"phrase"`
	Story  bool   `json:"story"` // true: skip the whole story, not only the sentence
	From   string `json:"from"`  // file:line of the phrase
}

func readDiscards(file string, data []byte) (*Discards, error) {
	lines, err := legacyLines(file, data)
	if err != nil {
		return nil, err
	}
	ds := &Discards{}
	for _, l := range lines {
		where := file + ":" + strconv.Itoa(l.n)
		t := strings.TrimSpace(l.text)
		d := discard{from: where}
		if strings.HasPrefix(t, "+") {
			d.story, t = true, strings.TrimSpace(t[1:])
		}
		if strings.ContainsAny(t, "[]") {
			return nil, fmt.Errorf("%s: discard phrase %q contains a code; discards are plain phrases", where, t)
		}
		d.exact = strings.HasSuffix(t, "_")
		d.text = strings.TrimRight(t, "_")
		for _, w := range splitWords(d.text) {
			d.words = append(d.words, w.key)
		}
		if len(d.words) == 0 {
			return nil, fmt.Errorf("%s: empty discard phrase", where)
		}
		ds.items = append(ds.items, d)
	}
	return ds, nil
}

// Match looks for a discard phrase in text, ignoring case. As in PETRARCH
// the phrase must start at a word; its last word may be a stem ("BASEBALL"
// matches "baseballs") unless the phrase ended in "_". Story-level matches
// are preferred over sentence-level ones.
func (ds *Discards) Match(text string) (Discard, bool) {
	if ds == nil {
		return Discard{}, false
	}
	ws := splitWords(text)
	var found *discard
	for i := range ds.items {
		d := &ds.items[i]
		if found != nil && (found.story || !d.story) {
			continue
		}
		if matchesAt(d, ws) {
			found = d
		}
	}
	if found == nil {
		return Discard{}, false
	}
	return Discard{Phrase: found.text, Story: found.story, From: found.from}, true
}

func matchesAt(d *discard, ws []word) bool {
	n := len(d.words)
	for i := 0; i+n <= len(ws); i++ {
		ok := true
		for k, w := range d.words {
			got := ws[i+k].key
			last := k == n-1
			if got == w || (last && !d.exact && strings.HasPrefix(got, w)) {
				continue
			}
			ok = false
			break
		}
		if ok {
			return true
		}
	}
	return false
}
