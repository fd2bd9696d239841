// Package petrarch reads the PETRARCH validation suite
// (PETR.UnitTest.records.xml) and scores a coder against it: a record
// passes when the set of (source, target, event code) triples coded from
// its <Text> equals the expected set.
package petrarch

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Environment names the dictionaries a suite is coded with.
type Environment struct {
	Verbs, Actors, Agents, Discards string
}

// Triple is one expected or coded event.
type Triple struct {
	Source, Target, Code string
}

func (t Triple) String() string { return t.Source + " " + t.Target + " " + t.Code }

// Record is one <Sentence> of the suite.
type Record struct {
	ID       string
	Category string
	Date     string // YYYYMMDD
	Text     string
	Expected []Triple // empty for noevents and error records
	// Error is the expected error ("dateline", "storydiscard",
	// "sentencediscard", "bad_input_parse"), if any.
	Error string
	// Config holds the <Config> options in force for this record
	// (lower-case option name -> value), e.g. require_dyad.
	Config map[string]string
	Line   int
}

// Suite is a validation file.
type Suite struct {
	Name    string // the file name, for messages
	Env     Environment
	Records []Record
}

// ReadFile reads a validation file.
func ReadFile(path string) (*Suite, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read validation records %s: %w", path, err)
	}
	defer f.Close()
	return Read(f, path)
}

// Read parses a validation file; name is used in error messages.
func Read(r io.Reader, name string) (*Suite, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	s := &Suite{Name: name}
	config := map[string]string{}
	var stack []string
	var rec *Record
	var text strings.Builder
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			switch t.Name.Local {
			case "Config":
				opt := strings.ToLower(attr(t, "option"))
				if opt == "" {
					return nil, fmt.Errorf("%s:%d: <Config> without option", name, line)
				}
				config[opt] = attr(t, "value")
			case "Sentence":
				if rec != nil {
					return nil, fmt.Errorf("%s:%d: <Sentence> inside <Sentence>", name, line)
				}
				rec = &Record{ID: attr(t, "id"), Category: attr(t, "category"), Date: attr(t, "date"), Line: line, Config: copyMap(config)}
				if rec.ID == "" {
					return nil, fmt.Errorf("%s:%d: <Sentence> without id", name, line)
				}
			case "EventCoding":
				if rec == nil {
					return nil, fmt.Errorf("%s:%d: <EventCoding> outside <Sentence>", name, line)
				}
				if e := attr(t, "error"); e != "" {
					rec.Error = e
					continue
				}
				if strings.EqualFold(attr(t, "noevents"), "true") {
					continue
				}
				tr := Triple{attr(t, "sourcecode"), attr(t, "targetcode"), attr(t, "eventcode")}
				if tr.Source == "" || tr.Code == "" {
					return nil, fmt.Errorf("%s:%d: <EventCoding> needs sourcecode and eventcode", name, line)
				}
				rec.Expected = append(rec.Expected, tr)
			case "Text":
				text.Reset()
			}
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			switch stack[len(stack)-1] {
			case "Text":
				text.Write(t)
			case "Verbfile":
				s.Env.Verbs = strings.TrimSpace(string(t))
			case "Actorfile":
				s.Env.Actors = strings.TrimSpace(string(t))
			case "Agentfile":
				s.Env.Agents = strings.TrimSpace(string(t))
			case "Discardfile":
				s.Env.Discards = strings.TrimSpace(string(t))
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			switch t.Name.Local {
			case "Text":
				if rec != nil {
					rec.Text = strings.Join(strings.Fields(text.String()), " ")
				}
			case "Sentence":
				if rec.Text == "" {
					return nil, fmt.Errorf("%s:%d: record %s has no <Text>", name, rec.Line, rec.ID)
				}
				s.Records = append(s.Records, *rec)
				rec = nil
			}
		}
	}
	if rec != nil {
		return nil, fmt.Errorf("%s:%d: record %s not closed", name, rec.Line, rec.ID)
	}
	return s, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

func copyMap(m map[string]string) map[string]string {
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// Bool reads a boolean option ("True", "false", "TRUE"...).
func (r Record) Bool(option string, def bool) bool {
	v, ok := r.Config[option]
	if !ok {
		return def
	}
	return strings.EqualFold(v, "true")
}

// Outcome is the coding of one record.
type Outcome struct {
	ID, Category string
	Pass         bool
	Want, Got    []string
}

// Report is a scored run.
type Report struct {
	Records    int               `json:"records"`
	Passed     int               `json:"passed"`
	Categories map[string][2]int `json:"categories"` // category -> [passed, records]
	Failures   []Outcome         `json:"failures,omitempty"`
}

// Score compares coded triples with the expected ones, record by record.
func Score(recs []Record, coded [][]Triple) Report {
	rep := Report{Records: len(recs), Categories: map[string][2]int{}}
	for i, r := range recs {
		want, got := set(r.Expected), set(coded[i])
		pass := strings.Join(want, "\n") == strings.Join(got, "\n")
		c := rep.Categories[r.Category]
		c[1]++
		if pass {
			c[0]++
			rep.Passed++
		} else {
			rep.Failures = append(rep.Failures, Outcome{ID: r.ID, Category: r.Category, Want: want, Got: got})
		}
		rep.Categories[r.Category] = c
	}
	return rep
}

func set(ts []Triple) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range ts {
		s := t.String()
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
