package store

import (
	"errors"
	"strings"
	"unicode"
)

// ftsQuery turns a user's search into an FTS5 expression that cannot be a
// syntax error: words and "quoted phrases" are matched as phrases, OR joins
// alternatives, -word excludes, word* matches a prefix.
func ftsQuery(q string) (string, error) {
	var pos, neg []string
	orNext := false
	for _, t := range splitQuery(q) {
		if t.text == "OR" && !t.quoted {
			orNext = len(pos) > 0
			continue
		}
		term := phrase(t.text, t.prefix)
		if term == "" {
			continue
		}
		switch {
		case t.negated:
			neg = append(neg, term)
		case orNext:
			pos[len(pos)-1] = pos[len(pos)-1] + " OR " + term
		default:
			pos = append(pos, term)
		}
		orNext = false
	}
	if len(pos) == 0 {
		return "", errors.New("search: the query has no word to look for")
	}
	out := "(" + strings.Join(pos, ") AND (") + ")"
	for _, n := range neg {
		out += " NOT " + n
	}
	return out, nil
}

type queryTerm struct {
	text                    string
	quoted, negated, prefix bool
}

func splitQuery(q string) []queryTerm {
	var terms []queryTerm
	rs := []rune(q)
	for i := 0; i < len(rs); {
		for i < len(rs) && unicode.IsSpace(rs[i]) {
			i++
		}
		if i >= len(rs) {
			break
		}
		var t queryTerm
		if rs[i] == '-' {
			t.negated = true
			i++
		}
		if i < len(rs) && (rs[i] == '"' || rs[i] == '“') {
			t.quoted = true
			i++
			start := i
			for i < len(rs) && rs[i] != '"' && rs[i] != '”' {
				i++
			}
			t.text = string(rs[start:i])
			i++ // closing quote (or end of input for an unbalanced one)
		} else {
			start := i
			for i < len(rs) && !unicode.IsSpace(rs[i]) {
				i++
			}
			t.text = string(rs[start:i])
			if strings.HasSuffix(t.text, "*") {
				t.prefix = true
				t.text = strings.TrimRight(t.text, "*")
			}
		}
		terms = append(terms, t)
	}
	return terms
}

// phrase quotes s as an FTS5 string (doubling inner quotes); "" when s has no
// letters or digits, since FTS5 would find nothing for it anyway.
func phrase(s string, prefix bool) string {
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return ""
	}
	p := `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	if prefix {
		p += "*"
	}
	return p
}
