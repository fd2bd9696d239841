package actors

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// The own dictionary format (docs/actors.md has the full description):
//
//	# comment
//	country UKR Ukraine
//	    also     Ukraina
//	    adj      Ukrainian
//	    people   Ukrainians
//	    capital  Kyiv | Kiev
//	    seat     Bankova
//	    body     UKRMIL  Armed Forces of Ukraine
//
//	person Volodymyr Zelensky
//	    also     Zelensky | Zelenskyy | Zelenskiy
//	    country  UKR
//	    gender   m
//	    role     UKRGOV  2019-05-20..  President of Ukraine
//
// A record starts at column 0 with its kind; indented lines add attributes;
// "|" separates alternative phrases. A record in a user folder replaces the
// built-in record of the same kind and name; "drop KIND NAME" removes one.

// record is one parsed own-format record.
type record struct {
	kind   kind
	region bool // a region written as "region CODE Name"
	code   string
	name   string
	layer  layer
	from   string // file:line of the header

	also, adj, people, capital, seat, refers []string
	bodies                                   []body
	roles                                    []datedCode
	country                                  string
	gender                                   byte
	prefix                                   bool
}

type body struct {
	code    string
	phrases []string
	from    string
}

var recordKinds = map[string]kind{
	"country": kCountry, "region": kCountry, "org": kOrg, "agent": kAgent,
	"title": kTitle, "person": kPerson,
}

// allowedKeys lists the attributes each kind accepts.
var allowedKeys = map[kind]string{
	kCountry: "also adj people capital seat body",
	kOrg:     "also code",
	kAgent:   "also",
	kTitle:   "also refers",
	kPerson:  "also country gender role",
}

func (r *record) key() string { return r.kind.String() + "\x00" + strings.ToLower(r.name) }

// ownData parses one own-format file.
func (b *builder) ownData(file string, data []byte, l layer) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var cur *record
	ln := 0
	flush := func() error {
		if cur == nil {
			return nil
		}
		r := cur
		cur = nil
		if err := r.complete(); err != nil {
			return fmt.Errorf("%s: %w", r.from, err)
		}
		if i, ok := b.byKey[r.key()]; ok {
			old := b.own[i]
			if old != nil && old.layer == r.layer {
				return fmt.Errorf("%s: duplicate %s %q (first at %s)", r.from, r.kind, r.name, old.from)
			}
			b.own[i] = r
		} else {
			b.byKey[r.key()] = len(b.own)
			b.own = append(b.own, r)
		}
		if r.kind == kCountry && !r.region {
			b.countries[r.code] = true
		}
		return nil
	}
	for sc.Scan() {
		ln++
		where := fmt.Sprintf("%s:%d", file, ln)
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			if err := flush(); err != nil {
				return err
			}
			f := strings.Fields(line)
			if f[0] == "drop" {
				if err := b.drop(where, f[1:], l); err != nil {
					return err
				}
				continue
			}
			r, err := header(f, where, l)
			if err != nil {
				return err
			}
			cur = r
			continue
		}
		if cur == nil {
			return fmt.Errorf("%s: attribute line before any record (a record starts at column 0 with country, region, org, agent, title or person)", where)
		}
		if err := cur.attribute(strings.TrimSpace(line), where); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return flush()
}

func header(f []string, where string, l layer) (*record, error) {
	k, ok := recordKinds[f[0]]
	if !ok {
		return nil, fmt.Errorf("%s: unknown record kind %q (want country, region, org, agent, title, person or drop)", where, f[0])
	}
	r := &record{kind: k, region: f[0] == "region", layer: l, from: where}
	if k == kPerson {
		if len(f) < 2 {
			return nil, fmt.Errorf("%s: person without a name", where)
		}
		r.name = strings.Join(f[1:], " ")
		return r, nil
	}
	if len(f) < 3 {
		return nil, fmt.Errorf("%s: %s record needs a code and a name: %q", where, f[0], strings.Join(f, " "))
	}
	r.code = f[1]
	if k == kAgent && strings.HasSuffix(r.code, "~") {
		r.code, r.prefix = strings.TrimSuffix(r.code, "~"), true
	}
	if k == kCountry && len(r.code) != 3 {
		return nil, fmt.Errorf("%s: %s code %q is not three letters", where, f[0], r.code)
	}
	r.name = strings.Join(f[2:], " ")
	return r, nil
}

// drop removes a record of an earlier layer: "drop person Boris Johnson".
func (b *builder) drop(where string, f []string, l layer) error {
	if len(f) < 2 {
		return fmt.Errorf("%s: drop needs a kind and a name", where)
	}
	k, ok := recordKinds[f[0]]
	if !ok {
		return fmt.Errorf("%s: drop: unknown record kind %q", where, f[0])
	}
	key := k.String() + "\x00" + strings.ToLower(strings.Join(f[1:], " "))
	i, ok := b.byKey[key]
	if !ok || b.own[i] == nil {
		return fmt.Errorf("%s: drop: no %s %q to drop", where, f[0], strings.Join(f[1:], " "))
	}
	if b.own[i].layer == l {
		return fmt.Errorf("%s: drop: %s %q is defined in the same layer (%s); delete it there", where, f[0], b.own[i].name, b.own[i].from)
	}
	b.own[i] = nil
	return nil
}

func alternatives(s string) ([]string, error) {
	var out []string
	for _, p := range strings.Split(s, "|") {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			return nil, fmt.Errorf("empty phrase in %q", s)
		}
		out = append(out, p)
	}
	return out, nil
}

func (r *record) attribute(line, where string) error {
	key, val, _ := strings.Cut(line, " ")
	if t := strings.IndexByte(key, '\t'); t >= 0 {
		key, val = key[:t], key[t+1:]+" "+val
	}
	val = strings.TrimSpace(val)
	if !strings.Contains(" "+allowedKeys[r.kind]+" ", " "+key+" ") {
		return fmt.Errorf("unknown attribute %q for %s (allowed: %s)", key, r.kind, allowedKeys[r.kind])
	}
	if val == "" {
		return fmt.Errorf("attribute %q without a value", key)
	}
	var err error
	switch key {
	case "also", "adj", "people", "capital", "seat", "refers":
		var ps []string
		if ps, err = alternatives(val); err != nil {
			return err
		}
		dst := map[string]*[]string{"also": &r.also, "adj": &r.adj, "people": &r.people,
			"capital": &r.capital, "seat": &r.seat, "refers": &r.refers}[key]
		*dst = append(*dst, ps...)
	case "body":
		code, rest, _ := strings.Cut(val, " ")
		ps, err := alternatives(rest)
		if err != nil {
			return fmt.Errorf("body %s: %w", code, err)
		}
		r.bodies = append(r.bodies, body{code: code, phrases: ps, from: where})
	case "country":
		if len(val) != 3 || strings.ToUpper(val) != val {
			return fmt.Errorf("country %q is not a three-letter code", val)
		}
		r.country = val
	case "gender":
		if val != "m" && val != "f" {
			return fmt.Errorf("gender %q: want m or f", val)
		}
		r.gender = val[0]
	case "role", "code":
		f := strings.Fields(val)
		if len(f) < 2 || (key == "role" && len(f) < 3) {
			if key == "role" {
				return fmt.Errorf("role needs CODE FROM..TO TITLE, got %q", val)
			}
			return fmt.Errorf("code needs CODE FROM..TO, got %q", val)
		}
		sp, err := parseRange(f[1])
		if err != nil {
			return err
		}
		r.roles = append(r.roles, datedCode{code: f[0], span: sp, title: strings.Join(f[2:], " "), dated: true})
	}
	return nil
}

// complete checks what a record needs once all its lines are read.
func (r *record) complete() error {
	if r.kind == kPerson {
		if len(r.roles) == 0 {
			return fmt.Errorf("person %q has no role", r.name)
		}
		if r.country == "" {
			c := r.roles[0].code
			if len(c) < 3 || strings.HasPrefix(c, "IGO") || strings.HasPrefix(c, "NGO") {
				return fmt.Errorf("person %q: add a country line (the first role %s names no country)", r.name, c)
			}
			r.country = c[:3]
		}
	}
	return nil
}

// check validates the codes once every country is known.
func (r *record) check(countries map[string]bool) error {
	codes := []string{r.code}
	if r.kind == kPerson {
		codes = []string{r.country}
	}
	for _, c := range r.roles {
		codes = append(codes, c.code)
	}
	for _, bd := range r.bodies {
		if err := checkCode(bd.code, countries); err != nil {
			return fmt.Errorf("%s: %w", bd.from, err)
		}
	}
	for _, c := range codes {
		if err := checkCode(c, countries); err != nil {
			return fmt.Errorf("%s: %s %q: %w", r.from, r.kind, r.name, err)
		}
	}
	if r.kind == kPerson && !countries[r.country] {
		return fmt.Errorf("%s: person %q: %q is not a country code", r.from, r.name, r.country)
	}
	return nil
}

// entries turns a record into dictionary entries with their phrases.
func (r *record) entries() []phrased {
	own := func(ss ...[]string) []phrase {
		var ps []phrase
		for _, s := range ss {
			for _, t := range s {
				ps = append(ps, phrase{text: t})
			}
		}
		return ps
	}
	switch r.kind {
	case kCountry:
		ps := own([]string{r.name}, r.also)
		for _, a := range own(r.adj, r.people) {
			a.adj = true
			ps = append(ps, a)
		}
		out := []phrased{{&entry{kind: kCountry, name: r.name, code: r.code, country: r.code, from: r.from}, ps}}
		if len(r.capital) > 0 {
			out = append(out, phrased{&entry{kind: kCapital, name: r.capital[0], code: r.code, country: r.code, from: r.from}, own(r.capital)})
		}
		if len(r.seat) > 0 {
			out = append(out, phrased{&entry{kind: kBody, name: r.seat[0], code: r.code + "GOV", country: r.code, from: r.from}, own(r.seat)})
		}
		for _, bd := range r.bodies {
			out = append(out, phrased{&entry{kind: kBody, name: bd.phrases[0], code: bd.code, country: r.code, from: bd.from}, own(bd.phrases)})
		}
		return out
	case kAgent:
		var ps []phrase
		for _, t := range append([]string{r.name}, r.also...) {
			sing, pl := pluralForms(t)
			ps = append(ps, phrase{text: sing})
			if pl != "" {
				ps = append(ps, phrase{text: pl})
			}
		}
		return []phrased{{&entry{kind: kAgent, name: r.name, code: r.code, prefix: r.prefix, from: r.from}, ps}}
	case kTitle:
		refers := r.refers
		if len(refers) == 0 {
			refers = []string{r.name}
		}
		return []phrased{{&entry{kind: kTitle, name: r.name, code: r.code, refers: refers, from: r.from}, own([]string{r.name}, r.also)}}
	case kPerson:
		return []phrased{{&entry{kind: kPerson, name: r.name, codes: r.roles, country: r.country, gender: r.gender, from: r.from},
			own([]string{r.name}, r.also)}}
	default: // kOrg
		return []phrased{{&entry{kind: kOrg, name: r.name, code: r.code, codes: r.roles, from: r.from}, own([]string{r.name}, r.also)}}
	}
}

// pluralForms reads "phrase{plural}" ("{}" = no plural) and otherwise makes
// the regular plural.
func pluralForms(t string) (sing, pl string) {
	if i := strings.IndexByte(t, '{'); i >= 0 && strings.HasSuffix(t, "}") {
		return strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+1 : len(t)-1])
	}
	return t, plural(t)
}
