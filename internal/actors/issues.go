package actors

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Issues is a PETRARCH issues dictionary: phrases that tag a sentence with
// an issue code, grouped in categories, with exclusion phrases.
type Issues struct {
	Phrases    []IssuePhrase    `json:"phrases"`
	Exclusions []IssueExclusion `json:"exclusions"`
}

// IssuePhrase is one expanded phrase ("war crimes") with its code.
type IssuePhrase struct {
	Text     string `json:"text"` // lower case, words separated by single spaces
	Code     string `json:"code"`
	Category string `json:"category"`
	From     string `json:"from"` // file:line
}

// IssueExclusion cancels the issues of its category when found: in the
// sentence ("~olive oil") or, when Story is set, in the story ("~~").
type IssueExclusion struct {
	Text     string `json:"text"`
	Category string `json:"category"`
	Story    bool   `json:"story"`
	From     string `json:"from"`
}

var issueHeader = regexp.MustCompile(`^<ISSUE\s+CATEGORY="([^"]*)"(\s+TYPE="([^"]*)")?\s*>$`)

// readIssues reads the issues format:
//
//	<ISSUE CATEGORY="ENERGY" TYPE="ALL">
//	n:oil n:field [OIL]     n: adds the plural, v: the verb forms,
//	pre+k [PRESCHOOL]       + both "pre k" and "pre-k"
//	~olive oil              sentence-level exclusion; ~~ story-level
//	</ISSUE>
//
// Lines are expanded into every form they stand for.
func readIssues(file string, data []byte, warn func(where, msg string) error) (*Issues, error) {
	lines, err := legacyLines(file, data)
	if err != nil {
		return nil, err
	}
	is := &Issues{}
	category, openAt := "", ""
	for _, l := range lines {
		where := file + ":" + strconv.Itoa(l.n)
		t := strings.TrimSpace(l.text)
		if strings.HasPrefix(t, "<ISSUE") {
			if category != "" {
				return nil, fmt.Errorf("%s: <ISSUE> inside the section opened at %s", where, openAt)
			}
			m := issueHeader.FindStringSubmatch(t)
			if m == nil || m[1] == "" {
				return nil, fmt.Errorf("%s: bad section header %q (want <ISSUE CATEGORY=\"NAME\" TYPE=\"...\">)", where, t)
			}
			category, openAt = m[1], where
			continue
		}
		if t == "</ISSUE>" {
			if category == "" {
				// The Phoenix file closes one section twice.
				if err := warn(where, "</ISSUE> without an open section ignored"); err != nil {
					return nil, err
				}
			}
			category = ""
			continue
		}
		if category == "" {
			return nil, fmt.Errorf("%s: %q outside an <ISSUE> section", where, t)
		}
		if strings.HasPrefix(t, "~") {
			story := strings.HasPrefix(t, "~~")
			text := strings.TrimSpace(strings.TrimLeft(t, "~"))
			if text == "" {
				return nil, fmt.Errorf("%s: empty exclusion", where)
			}
			for _, f := range expandIssue(text) {
				is.Exclusions = append(is.Exclusions, IssueExclusion{Text: f, Category: category, Story: story, From: where})
			}
			continue
		}
		i := strings.IndexByte(t, '[')
		if i < 0 {
			// PETRARCH skips a phrase without a code; the published file
			// has a few (list items whose code was never written).
			if err := warn(where, fmt.Sprintf("issue phrase %q has no [CODE]; skipped as PETRARCH does", t)); err != nil {
				return nil, err
			}
			continue
		}
		j := strings.IndexByte(t[i:], ']')
		if j < 0 {
			return nil, fmt.Errorf("%s: code in %q is not closed with \"]\"", where, t)
		}
		if extra := strings.TrimSpace(t[i+j+1:]); extra != "" {
			if err := warn(where, fmt.Sprintf("text %q after the code ignored as PETRARCH does", extra)); err != nil {
				return nil, err
			}
		}
		code := strings.TrimSpace(t[i+1 : i+j])
		if !isPetrarchCode(strings.NewReplacer("_", "", "-", "").Replace(code)) || code == nullCode {
			return nil, fmt.Errorf("%s: malformed issue code %q", where, code)
		}
		text := strings.TrimSpace(t[:i])
		if text == "" {
			return nil, fmt.Errorf("%s: issue code %s without a phrase", where, code)
		}
		for _, f := range expandIssue(text) {
			is.Phrases = append(is.Phrases, IssuePhrase{Text: f, Code: code, Category: category, From: where})
		}
	}
	if category != "" {
		return nil, fmt.Errorf("%s: section opened here is never closed with </ISSUE>", openAt)
	}
	return is, nil
}

// expandIssue applies the n:, v: and + expansions to every word.
func expandIssue(text string) []string {
	forms := []string{""}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		var alts []string
		switch {
		case strings.HasPrefix(w, "n:") && len(w) > 2:
			alts = []string{w[2:], plural(w[2:])}
		case strings.HasPrefix(w, "v:") && len(w) > 2:
			alts = verbForms(w[2:])
		default:
			alts = []string{w}
		}
		var withDash []string
		for _, a := range alts {
			if strings.Contains(a, "+") {
				withDash = append(withDash, strings.ReplaceAll(a, "+", " "), strings.ReplaceAll(a, "+", "-"))
			} else {
				withDash = append(withDash, a)
			}
		}
		var next []string
		for _, f := range forms {
			for _, a := range withDash {
				next = append(next, strings.TrimSpace(f+" "+a))
			}
		}
		forms = next
	}
	return forms
}

// verbForms makes the regular forms PETRARCH adds for "v:": -s, -ed (or -d
// after e), -ing (dropping a final e).
func verbForms(v string) []string {
	if strings.HasSuffix(v, "e") {
		return []string{v, v + "s", v + "d", v[:len(v)-1] + "ing"}
	}
	return []string{v, v + "s", v + "ed", v + "ing"}
}
