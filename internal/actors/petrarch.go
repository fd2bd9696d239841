package actors

import (
	"bufio"
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Readers for the PETRARCH/TABARI dictionary formats (actors, agents,
// discards, issues) as documented in PETRARCH's PETRreader.py and used by the
// Phoenix and validation dictionaries. They follow PETRARCH's reading where
// it is defined; lines it could not read are errors with file:line, and the
// few quirks of the published files that PETRARCH tolerates are repaired
// with a warning (Strict makes them errors).

// srcLine is a line of a legacy file with comments removed.
type srcLine struct {
	n    int
	text string
}

// legacyLines applies PETRARCH's comment rules: "#" to the end of the line,
// lines starting with "<!" (including "<!-- ... -->" on one line), and
// "<!--" comments spanning lines. Blank lines are dropped.
func legacyLines(file string, data []byte) ([]srcLine, error) {
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not UTF-8 text", file)
	}
	var out []srcLine
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n, open := 0, 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if open > 0 {
			if strings.Contains(line, "-->") {
				open = 0
			}
			continue
		}
		if strings.HasPrefix(line, "<!") {
			if strings.HasPrefix(line, "<!--") && !strings.Contains(line, "-->") {
				open = n
			}
			continue
		}
		if i := strings.Index(line, "<!--"); i >= 0 {
			j := strings.Index(line[i:], "-->")
			if j < 0 {
				open = n
				line = line[:i]
			} else {
				line = line[:i] + line[i+j+3:]
			}
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		out = append(out, srcLine{n, line})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", file, n, err)
	}
	if open > 0 {
		return nil, fmt.Errorf("%s:%d: comment \"<!--\" is never closed", file, open)
	}
	return out, nil
}

// petrarchActors reads a PETRARCH actors file:
//
//	UNITED_STATES  [USA]          an entry with its code
//	+U.S.                         a synonym of the entry above
//	GOLLUM                        codes may follow on their own lines:
//	    [HOB <950601]             until a date (inclusive)
//	    [HOBGOV 950601-990815]    over an interval
//	    [HOBREB >990816]          from a date
//	    [HOB]                     unrestricted (used when no interval fits)
//
// Dates are YYMMDD (00-30 meaning 20YY) or YYYYMMDD.
func (b *builder) petrarchActors(file string, data []byte) error {
	lines, err := legacyLines(file, data)
	if err != nil {
		return err
	}
	var cur *phrased
	var curAt string
	flush := func() error {
		if cur == nil {
			return nil
		}
		if len(cur.e.codes) == 0 {
			if err := b.warn(curAt, fmt.Sprintf("actor %q has no code; coded %s as PETRARCH does", cur.e.name, nullCode)); err != nil {
				return err
			}
			cur.e.code = nullCode
		}
		b.legacy = append(b.legacy, *cur)
		cur = nil
		return nil
	}
	for _, l := range lines {
		where := file + ":" + strconv.Itoa(l.n)
		text := strings.TrimSpace(l.text)
		head, codes, err := b.splitCodes(text, where)
		if err != nil {
			return err
		}
		switch {
		case head == "":
			if cur == nil {
				return fmt.Errorf("%s: code %s before any actor", where, text)
			}
		case strings.HasPrefix(head, "+"):
			if cur == nil {
				return fmt.Errorf("%s: synonym %q before any actor", where, head)
			}
			syn := strings.TrimSpace(head[1:])
			if syn == "" {
				return fmt.Errorf("%s: empty synonym", where)
			}
			cur.phrases = append(cur.phrases, phrase{text: syn, legacy: true, legacyCap: true})
		default:
			if err := flush(); err != nil {
				return err
			}
			cur = &phrased{e: &entry{kind: kActor, name: legacyName(head), from: where},
				phrases: []phrase{{text: head, legacy: true, legacyCap: true}}}
			curAt = where
		}
		for _, c := range codes {
			if len(c.alts) > 1 {
				cur.e.compound = c.alts[1:]
			}
			cur.e.codes = append(cur.e.codes, c.datedCode)
		}
	}
	return flush()
}

// legacyName makes a readable canonical name from an all-caps phrase:
// "VLADIMIR_PUTIN_" -> "Vladimir Putin".
func legacyName(s string) string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' }) {
		lw := strings.ToLower(w)
		r, n := utf8.DecodeRuneInString(lw)
		out = append(out, strings.ToUpper(string(r))+lw[n:])
	}
	return strings.Join(out, " ")
}

// legacyCode is a parsed [CODE DATES] block.
type legacyCode struct {
	datedCode
	alts []string // compound codes A/B/C
}

// splitCodes separates the phrase part of a line from its [CODE ...]
// blocks.
func (b *builder) splitCodes(text, where string) (string, []legacyCode, error) {
	i := strings.IndexByte(text, '[')
	if i < 0 {
		if strings.ContainsRune(text, ']') {
			// The Phoenix country file has "+FAEROYENE]_".
			if err := b.warn(where, fmt.Sprintf("stray \"]\" in %q removed", text)); err != nil {
				return "", nil, err
			}
			text = strings.ReplaceAll(text, "]", "")
		}
		return text, nil, nil
	}
	head := strings.TrimSpace(text[:i])
	rest := text[i:]
	var codes []legacyCode
	for rest != "" {
		if rest[0] != '[' {
			if strings.ContainsAny(rest, "[]") {
				return "", nil, fmt.Errorf("%s: unexpected text %q after a code", where, rest)
			}
			// A few Phoenix lines end in an uncommented note
			// ("[MNCMED]\tNewspapers/Magazines\t$137,000,000").
			if err := b.warn(where, fmt.Sprintf("text %q after the code ignored", rest)); err != nil {
				return "", nil, err
			}
			break
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return "", nil, fmt.Errorf("%s: code %q is not closed with \"]\"", where, rest)
		}
		c, err := b.parseLegacyCode(rest[1:j], where)
		if err != nil {
			return "", nil, err
		}
		codes = append(codes, c)
		rest = strings.TrimSpace(rest[j+1:])
	}
	return head, codes, nil
}

func (b *builder) parseLegacyCode(s, where string) (legacyCode, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return legacyCode{}, fmt.Errorf("%s: empty code []", where)
	}
	code := f[0]
	if up := strings.ToUpper(code); up != code {
		if err := b.warn(where, fmt.Sprintf("lower-case code %q read as %q", code, up)); err != nil {
			return legacyCode{}, err
		}
		code = up
	}
	if strings.Trim(code, "-+") == "" && code != nullCode {
		if err := b.warn(where, fmt.Sprintf("code %q read as the null code %s", code, nullCode)); err != nil {
			return legacyCode{}, err
		}
		code = nullCode
	}
	alts := strings.Split(code, "/")
	for _, a := range alts {
		if !isPetrarchCode(a) {
			return legacyCode{}, fmt.Errorf("%s: malformed code %q (want letters and digits, e.g. USAGOV, or %s)", where, code, nullCode)
		}
	}
	c := legacyCode{datedCode: datedCode{code: alts[0]}, alts: alts}
	if len(f) == 1 {
		return c, nil
	}
	dates := strings.Join(f[1:], "")
	var err error
	c.dated = true
	switch {
	case strings.HasPrefix(dates, "<"):
		c.span.to, err = b.legacyDay(dates[1:], where)
	case strings.HasPrefix(dates, ">"):
		c.span.from, err = b.legacyDay(dates[1:], where)
	case strings.Contains(dates, "-"):
		from, to, _ := strings.Cut(dates, "-")
		if c.span.from, err = b.legacyDay(from, where); err == nil {
			c.span.to, err = b.legacyDay(to, where)
		}
		if err == nil && c.span.to < c.span.from {
			err = b.warn(where, fmt.Sprintf("interval %s ends before it starts; it can never apply", dates))
		}
	default:
		if err = b.warn(where, fmt.Sprintf("date %q without < or >: read as from that date", dates)); err == nil {
			c.span.from, err = b.legacyDay(dates, where)
		}
	}
	if err != nil {
		return legacyCode{}, err
	}
	return c, nil
}

// legacyDay reads YYMMDD or YYYYMMDD the way PETRARCH does: up to seven
// digits are YYMMDD, longer strings use their first eight digits.
func (b *builder) legacyDay(s, where string) (day, error) {
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("%s: bad date %q (want YYMMDD or YYYYMMDD)", where, s)
		}
	}
	var y, m, d int
	switch {
	case len(s) < 6:
		return 0, fmt.Errorf("%s: bad date %q (want YYMMDD or YYYYMMDD)", where, s)
	case len(s) <= 7:
		if len(s) == 7 {
			if err := b.warn(where, fmt.Sprintf("seven-digit date %q read as YYMMDD %s", s, s[:6])); err != nil {
				return 0, err
			}
		}
		y, _ = strconv.Atoi(s[:2])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, _ = strconv.Atoi(s[2:4])
		d, _ = strconv.Atoi(s[4:6])
	default:
		if len(s) > 8 {
			if err := b.warn(where, fmt.Sprintf("date %q has %d digits; read as %s", s, len(s), s[:8])); err != nil {
				return 0, err
			}
		}
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[4:6])
		d, _ = strconv.Atoi(s[6:8])
	}
	if !validDay(y, m, d) {
		return 0, fmt.Errorf("%s: no such date %q", where, s)
	}
	return day(y*10000 + m*100 + d), nil
}

// petrarchAgents reads a PETRARCH agents file:
//
//	!PERSON! = MAN, MEN, WOMAN, WOMEN    a substitution set
//	TROOPS {}  [~MIL]                    {} = no plural; {X} = plural X
//	CONGRESS!PERSON! [~LEG]              every member of the set substituted
//	HUMAN_RIGHTS_BODY  [NGO~]            NGO~ puts the agent before the actor code
//
// Without braces the regular plural is added.
func (b *builder) petrarchAgents(file string, data []byte) error {
	lines, err := legacyLines(file, data)
	if err != nil {
		return err
	}
	sets := map[string][]string{}
	setAt := map[string]string{}
	type pending struct {
		where, head, code string
		prefix            bool
	}
	var agents []pending
	for _, l := range lines {
		where := file + ":" + strconv.Itoa(l.n)
		text := strings.TrimSpace(l.text)
		if strings.HasPrefix(text, "!") && strings.Contains(text, "=") {
			name, vals, _ := strings.Cut(text, "=")
			name = strings.TrimSpace(name)
			if len(name) < 3 || !strings.HasSuffix(name, "!") || strings.Count(name, "!") != 2 {
				return fmt.Errorf("%s: bad substitution set name %q (want !NAME!)", where, name)
			}
			if prev, dup := setAt[name]; dup {
				return fmt.Errorf("%s: substitution set %s defined twice (first at %s)", where, name, prev)
			}
			for _, v := range strings.Split(vals, ",") {
				if v = strings.TrimSpace(v); v == "" {
					return fmt.Errorf("%s: empty member in substitution set %s", where, name)
				}
				sets[name] = append(sets[name], v)
			}
			setAt[name] = where
			continue
		}
		i := strings.IndexByte(text, '[')
		if i < 0 {
			// PETRARCH skips such a line with a warning; so do we.
			if err := b.warn(where, fmt.Sprintf("agent %q has no [CODE]; skipped", text)); err != nil {
				return err
			}
			continue
		}
		head, rest := strings.TrimSpace(text[:i]), text[i+1:]
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			if k := strings.IndexByte(rest, '}'); k >= 0 && strings.TrimSpace(rest[k+1:]) == "" {
				if err := b.warn(where, fmt.Sprintf("code [%s closed with \"}\"; read as [%s]", rest, rest[:k])); err != nil {
					return err
				}
				j = k
			} else {
				return fmt.Errorf("%s: code [%s is not closed with \"]\"", where, rest)
			}
		}
		if strings.TrimSpace(rest[j+1:]) != "" {
			return fmt.Errorf("%s: unexpected text %q after the code", where, strings.TrimSpace(rest[j+1:]))
		}
		code := strings.ReplaceAll(rest[:j], " ", "")
		prefix := strings.HasSuffix(code, "~")
		switch {
		case prefix:
			code = strings.TrimSuffix(code, "~")
		case strings.HasPrefix(code, "~"):
			code = code[1:]
		default:
			return fmt.Errorf("%s: agent code %q needs \"~\" before it (appended to the actor) or after it (put before the actor)", where, code)
		}
		if !isPetrarchCode(code) || code == nullCode {
			return fmt.Errorf("%s: malformed agent code %q", where, code)
		}
		if head == "" {
			return fmt.Errorf("%s: agent without a phrase", where)
		}
		agents = append(agents, pending{where, head, code, prefix})
	}
	// Expand nested sets once, failing on cycles.
	expanded := map[string][]string{}
	var expand func(name string, path []string) ([]string, error)
	expand = func(name string, path []string) ([]string, error) {
		if v, ok := expanded[name]; ok {
			return v, nil
		}
		for _, p := range path {
			if p == name {
				return nil, fmt.Errorf("%s: cycle in substitution sets: %s", setAt[name], strings.Join(append(path, name), " -> "))
			}
		}
		vals, ok := sets[name]
		if !ok {
			return nil, fmt.Errorf("substitution set %s is not defined", name)
		}
		var out []string
		for _, v := range vals {
			vs, err := substitute(v, func(n string) ([]string, error) { return expand(n, append(path, name)) })
			if err != nil {
				return nil, err
			}
			out = append(out, vs...)
		}
		expanded[name] = out
		return out, nil
	}
	names := make([]string, 0, len(sets))
	for name := range sets {
		names = append(names, name)
	}
	sort.Strings(names) // report the same cycle every time
	for _, name := range names {
		if _, err := expand(name, nil); err != nil {
			return err
		}
	}
	for _, a := range agents {
		var forms []string
		if strings.Contains(a.head, "!") {
			// Substituted phrases get no plural of their own (PETRARCH).
			fs, err := substitute(a.head, func(n string) ([]string, error) { return expand(n, nil) })
			if err != nil {
				return fmt.Errorf("%s: %w", a.where, err)
			}
			forms = fs
		} else {
			sing, pl := a.head, ""
			if i := strings.IndexByte(a.head, '{'); i >= 0 {
				k := strings.IndexByte(a.head, '}')
				if k < i {
					return fmt.Errorf("%s: missing \"}\" in %q", a.where, a.head)
				}
				sing, pl = strings.TrimSpace(a.head[:i]), strings.TrimSpace(a.head[i+1:k])
			} else {
				pl = plural(sing)
			}
			forms = append(forms, sing)
			if pl != "" {
				forms = append(forms, pl)
			}
		}
		e := &entry{kind: kAgent, name: strings.ToLower(legacyName(forms[0])), code: a.code, prefix: a.prefix, from: a.where}
		p := phrased{e: e}
		for _, f := range forms {
			if strings.TrimSpace(f) == "" {
				return fmt.Errorf("%s: empty agent phrase", a.where)
			}
			p.phrases = append(p.phrases, phrase{text: f, legacy: true})
		}
		b.legacy = append(b.legacy, p)
	}
	return nil
}

// substitute replaces the first !SET! marker of s with each member of the
// set, recursively.
func substitute(s string, members func(string) ([]string, error)) ([]string, error) {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}, nil
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return nil, fmt.Errorf("substitution marker in %q is not closed with \"!\"", s)
	}
	name := s[i : i+j+2]
	vals, err := members(name)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, v := range vals {
		rest, err := substitute(s[:i]+v+s[i+j+2:], members)
		if err != nil {
			return nil, err
		}
		out = append(out, rest...)
	}
	return out, nil
}
