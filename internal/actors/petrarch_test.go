package actors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/refdata"
)

// petrarchDir links the named PETRARCH files of ../shared/data/petrarch2
// into a temporary folder (the reference data is read in place, never
// copied into the repository) and returns the folder.
func petrarchDir(t testing.TB, names ...string) string {
	t.Helper()
	src, err := refdata.Path("petrarch2")
	if err != nil {
		t.Skipf("reference data: %v", err)
	}
	dir := t.TempDir()
	for _, n := range names {
		p := filepath.Join(src, n)
		if _, err := os.Stat(p); err != nil {
			t.Skipf("reference data: %v", err)
		}
		if err := os.Symlink(p, filepath.Join(dir, n)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var validationFiles = []string{"PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.discards.txt"}

var phoenixFiles = []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
	"Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt", "Phoenix.IssueCoding.txt"}

func TestLoadValidationDictionaries(t *testing.T) {
	d, err := Load(petrarchDir(t, validationFiles...), WithoutDefaults())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		date, text, want string
	}{
		{"1995-01-01", "Arnor is about to restore full diplomatic ties with Gondor.", "Arnor=ARN actor; Gondor=GON actor"},
		// Date restrictions: intervals in file order, then the default code.
		{"2007-01-01", "Sam Gamgee left.", "Sam Gamgee=HOBCIV actor"},
		{"2010-01-10", "Sam Gamgee left.", "Sam Gamgee=ORCHOB actor"},
		{"2011-01-01", "Sam Gamgee left.", "Sam Gamgee=HOBMIL actor"},
		{"2013-01-01", "Sam Gamgee left.", "Sam Gamgee=HOBGOV actor"},
		{"2014-01-01", "Sam Gamgee left.", "Sam Gamgee=HOBELI actor"},
		{"2014-01-01", "Hamfast Gamgee left.", "Hamfast Gamgee=HOB actor"},
		{"1990-01-01", "Smeagol ran.", "Smeagol=HOB actor"},
		{"1997-01-01", "Smeagol ran.", "Smeagol=HOBGOV actor"},
		{"2000-01-01", "Smeagol ran.", "Smeagol=HOBREB actor"},
		// Agents compose: ~MIL after the actor, NGO~ before it.
		{"2000-01-01", "Ithilen troops attacked.", "Ithilen troops=ITHMIL agent"},
		{"2000-01-01", "A Gondor human rights body protested.", "Gondor human rights body=NGOGON agent"},
		{"2000-01-01", "The foreign minister spoke.", "foreign minister=---GOVFRM agent"},
		// Substitution sets with the regular plurals PETRARCH adds.
		{"2000-01-01", "Congressmen of Gondor met.", "Congressmen of Gondor=GONLEG agent"},
		{"2000-01-01", "The golden geese honked.", "golden geese=---GGS agent"},
		{"2000-01-01", "The Ministry of Silly Walks objected.", "Ministry of Silly Walks=---GOV agent"},
		// Agents compose with a PETRARCH actor named after them.
		{"2000-01-01", "Bree Prime Minister Romendacil left.", "Bree Prime Minister Romendacil=BREGOV actor"},
		// Compound actors.
		{"2000-01-01", "The Shire sent envoys.", "The Shire=FRO actor"},
		// Case: short words match only in capitals.
		{"2000-01-01", "Ask us about the U.S. position.", "U.S.=USA actor"},
	}
	for _, tc := range tests {
		doc := newDoc(t, tc.date, tc.text)
		if got := render(doc, d.Resolve(doc)); got != tc.want {
			t.Errorf("%s %q\n got %s\nwant %s", tc.date, tc.text, got, tc.want)
		}
	}
	shire := newDoc(t, "2000-01-01", "The Shire sent envoys.")
	if ms := d.Resolve(shire); len(ms) == 0 || strings.Join(ms[0].Also, "/") != "BIL/SAM" {
		t.Errorf("compound codes: %+v", ms)
	}
	// The validation files carry quirks PETRARCH tolerates; each is reported.
	want := []string{
		"PETR.Validate.actors.txt:32: lower-case code \"pse\" read as \"PSE\"",
		"PETR.Validate.actors.txt:112: code \"+++\" read as the null code ---",
	}
	ws := strings.Join(d.Warnings(), "\n")
	for _, w := range want {
		if !strings.Contains(ws, w) {
			t.Errorf("warning %q missing from:\n%s", w, ws)
		}
	}
	if _, err := Load(petrarchDir(t, validationFiles...), WithoutDefaults(), Strict()); err == nil ||
		!strings.Contains(err.Error(), "PETR.Validate.actors.txt:32:") {
		t.Errorf("strict load: got %v, want the first quirk as an error", err)
	}
	if dm, ok := d.Discards().Match("Pele played baseball with Manchester United."); !ok || !dm.Story || dm.Phrase != "Manchester United" {
		t.Errorf("discard: %+v %v", dm, ok)
	}
	if dm, ok := d.Discards().Match("Baseballs flew."); !ok || dm.Story || dm.Phrase != "BASEBALL" {
		t.Errorf("discard stem: %+v %v", dm, ok)
	}
	if dm, ok := d.Discards().Match("Talks resumed."); ok {
		t.Errorf("discard false positive: %+v", dm)
	}
}

func TestLoadPhoenixDictionaries(t *testing.T) {
	d, err := Load(petrarchDir(t, phoenixFiles...), WithoutDefaults())
	if err != nil {
		t.Fatal(err)
	}
	s := d.Stats()
	// Counts of the published files (entries, not phrases).
	if s.Actors < 20000 || s.Agents < 2000 || s.Discards < 400 || s.Issues < 3000 {
		t.Errorf("too few entries: %+v", s)
	}
	tests := []struct{ date, text, want string }{
		{"2010-06-01", "Vladimir Putin met Hamid Karzai.", "Vladimir Putin=RUSGOV actor; Hamid Karzai=AFGGOV actor"},
		{"2010-06-01", "Russian soldiers crossed into Afghanistan.", "Russian soldiers=RUSMIL agent; Afghanistan=AFG actor"},
		{"2010-06-01", "The United Nations and Amnesty International protested.", "The United Nations=IGOUNO actor; Amnesty International=NGOHRIAMN actor"},
	}
	for _, tc := range tests {
		doc := newDoc(t, tc.date, tc.text)
		if got := render(doc, d.Resolve(doc)); got != tc.want {
			t.Errorf("%s %q\n got %s\nwant %s", tc.date, tc.text, got, tc.want)
		}
	}
	// Every quirk of the published files is reported with file:line.
	for _, w := range d.Warnings() {
		if !strings.Contains(w, ".txt:") {
			t.Errorf("warning without file:line: %s", w)
		}
	}
	ws := strings.Join(d.Warnings(), "\n")
	for _, w := range []string{
		`Phoenix.Countries.actors.txt:18010: date "201005011" has 9 digits; read as 20100501`,
		`Phoenix.agents.txt:`,
		`Phoenix.IssueCoding.txt:141: issue phrase "european central bank" has no [CODE]`,
	} {
		if !strings.Contains(ws, w) {
			t.Errorf("warning %q missing", w)
		}
	}
	var war []IssuePhrase
	for _, p := range d.Issues().Phrases {
		if p.Code == "ID_ATROCITY" && strings.HasPrefix(p.Text, "war crime") {
			war = append(war, p)
		}
	}
	if len(war) != 2 {
		t.Errorf("war crime(s) expansions: %+v", war)
	}
}

// TestLoadOverDefaults checks that PETRARCH files in a folder come before
// the built-in dictionaries and that the built-ins stay available.
func TestLoadOverDefaults(t *testing.T) {
	d, err := Load(petrarchDir(t, validationFiles...))
	if err != nil {
		t.Fatal(err)
	}
	doc := newDoc(t, "2023-06-01", "Egypt and Zelensky met.")
	// EGYPT [UAR] in the validation file wins over the built-in country.
	if got, want := render(doc, d.Resolve(doc)), "Egypt=UAR actor; Zelensky=UKRGOV person"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestPetrarchBadLines(t *testing.T) {
	tests := []struct {
		file, text, want string
	}{
		{"x.actors.txt", "+SYNONYM_FIRST\n", "x.actors.txt:1: synonym \"+SYNONYM_FIRST\" before any actor"},
		{"x.actors.txt", "\t[USA]\n", "x.actors.txt:1: code [USA] before any actor"},
		{"x.actors.txt", "UNITED_STATES [USA\n", "x.actors.txt:1: code \"[USA\" is not closed"},
		{"x.actors.txt", "A [USA]\nB [US-A]\n", "x.actors.txt:2: malformed code \"US-A\""},
		{"x.actors.txt", "A [U$A]\n", "x.actors.txt:1: malformed code \"U$A\""},
		{"x.actors.txt", "A [USA >2001x]\n", "x.actors.txt:1: bad date \"2001x\""},
		{"x.actors.txt", "A [USA 20010231-20020101]\n", "x.actors.txt:1: no such date \"20010231\""},
		{"x.actors.txt", "A []\n", "x.actors.txt:1: empty code []"},
		{"x.actors.txt", "A [USA] junk [X\n", "x.actors.txt:1: unexpected text \"junk [X\" after a code"},
		{"x.actors.txt", "<!-- open\nA [USA]\n", "x.actors.txt:1: comment \"<!--\" is never closed"},
		{"x.actors.txt", "A [USA]\n\xff\n", "x.actors.txt: not UTF-8 text"},
		{"x.agents.txt", "TROOPS [MIL]\n", "x.agents.txt:1: agent code \"MIL\" needs \"~\""},
		{"x.agents.txt", "!A! = X!B!\n!B! = Y!A!\nZ!A! [~GOV]\n", "cycle in substitution sets"},
		{"x.agents.txt", "CONGRESS!NOPE! [~LEG]\n", "x.agents.txt:1: substitution set !NOPE! is not defined"},
		{"x.agents.txt", "!A! = X, , Y\n", "x.agents.txt:1: empty member in substitution set !A!"},
		{"x.agents.txt", "!A! = X\n!A! = Y\n", "x.agents.txt:2: substitution set !A! defined twice"},
		{"x.agents.txt", "POLICE {POLICEMEN [~COP]\n", "x.agents.txt:1: missing \"}\""},
		{"x.agents.txt", "[~COP]\n", "x.agents.txt:1: agent without a phrase"},
		{"x.issues.txt", "oil [OIL]\n", "x.issues.txt:1: \"oil [OIL]\" outside an <ISSUE> section"},
		{"x.issues.txt", "<ISSUE CATEGORY=\"E\">\noil [OIL]\n", "x.issues.txt:1: section opened here is never closed"},
		{"x.issues.txt", "<ISSUE TYPE=\"ALL\">\n</ISSUE>\n", "x.issues.txt:1: bad section header"},
		{"x.issues.txt", "<ISSUE CATEGORY=\"E\">\n[OIL]\n</ISSUE>\n", "x.issues.txt:2: issue code OIL without a phrase"},
		{"x.discards.txt", "BASEBALL [USA]\n", "x.discards.txt:1: discard phrase \"BASEBALL [USA]\" contains a code"},
	}
	for _, tc := range tests {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, tc.file), []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(dir, WithoutDefaults())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %q:\n got %v\nwant %s", tc.file, tc.text, err, tc.want)
		}
	}
}

func TestLegacyRepairs(t *testing.T) {
	tests := []struct{ text, warning string }{
		{"A [USA >201005011]\n", `date "201005011" has 9 digits; read as 20100501`},
		{"A [USA 2004017-20061201]\n", `seven-digit date "2004017" read as YYMMDD 200401`},
		{"A [USA 20121204]\n", `date "20121204" without < or >: read as from that date`},
		{"A [usa]\n", `lower-case code "usa" read as "USA"`},
		{"A # no code\n", `actor "A" has no code; coded ---`},
		{"A [USA 20100101-20000101]\n", `interval 20100101-20000101 ends before it starts`},
		{"A]_\n", `stray "]" in "A]_" removed`},
		{"A [USA]\tnote\n", `text "note" after the code ignored`},
	}
	for _, tc := range tests {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "x.actors.txt"), []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		d, err := Load(dir, WithoutDefaults())
		if err != nil {
			t.Errorf("%q: %v", tc.text, err)
			continue
		}
		if w := strings.Join(d.Warnings(), "\n"); !strings.Contains(w, "x.actors.txt:1: "+tc.warning) {
			t.Errorf("%q: warnings %q, want %q", tc.text, w, tc.warning)
		}
		if _, err := Load(dir, WithoutDefaults(), Strict()); err == nil {
			t.Errorf("%q: strict load accepted it", tc.text)
		}
	}
}
