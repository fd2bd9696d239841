package actors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeDir(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for n, text := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestOwnFormatUserFolder(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"local.dict": `
# A new person, with a role ended and one ongoing.
person Ruslan Stefanchuk
    also Stefanchuk
    country UKR
    gender m
    role UKRLEG 2019-08-29..2021-10-08 First Deputy Chairman of the Verkhovna Rada
    role UKRLEG 2021-10-08.. Chairman of the Verkhovna Rada

# Replace a built-in record: Putin's current role ended (a test fiction).
person Vladimir Putin
    also Putin
    country RUS
    gender m
    role RUSGOV 2012-05-07..2030-05-07 President of Russia

drop person Boris Johnson
`,
		"README.md": "not a dictionary",
	})
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ date, text, want string }{
		{"2023-01-01", "Stefanchuk spoke.", "Stefanchuk=UKRLEG person"},
		{"2020-01-01", "Stefanchuk spoke.", "Stefanchuk=UKRLEG person"},
		{"2031-01-01", "Putin spoke.", "Putin=RUSELI person"},
		{"2020-01-01", "Boris Johnson spoke.", ""},
		// The rest of the built-in dictionaries stays.
		{"2020-01-01", "Zelensky spoke.", "Zelensky=UKRGOV person"},
	}
	for _, tc := range tests {
		doc := newDoc(t, tc.date, tc.text)
		if got := render(doc, d.Resolve(doc)); got != tc.want {
			t.Errorf("%s %q\n got %s\nwant %s", tc.date, tc.text, got, tc.want)
		}
	}
	doc := newDoc(t, "2020-01-01", "Stefanchuk spoke.")
	if ms := d.Resolve(doc); len(ms) != 1 || ms[0].Title != "First Deputy Chairman of the Verkhovna Rada" {
		t.Errorf("title: %+v", ms)
	}
}

func TestOwnFormatBadLines(t *testing.T) {
	tests := []struct{ text, want string }{
		{"    also X\n", "u.dict:1: attribute line before any record"},
		{"nation UKR Ukraine\n", "u.dict:1: unknown record kind \"nation\""},
		{"country UKRA Ukraine\n", "u.dict:1: country code \"UKRA\" is not three letters"},
		{"country UKR\n", "u.dict:1: country record needs a code and a name"},
		{"person Jane Doe\n    country UKR\n", "u.dict:1: person \"Jane Doe\" has no role"},
		{"person Jane Doe\n    role UKRGVO 2020..  Minister\n", "unknown segment \"GVO\" in code \"UKRGVO\""},
		{"person Jane Doe\n    role UKRGOV 2020-13-01.. Minister\n", "u.dict:2: no such date \"2020-13-01\""},
		{"person Jane Doe\n    role UKRGOV 2021..2020 Minister\n", "u.dict:2: date range \"2021..2020\" ends before it starts"},
		{"person Jane Doe\n    role UKRGOV 2021 Minister\n", "u.dict:2: bad date range \"2021\""},
		{"person Jane Doe\n    role UKRGOV 2021..\n", "u.dict:2: role needs CODE FROM..TO TITLE"},
		{"person Jane Doe\n    gender x\n", "u.dict:2: gender \"x\": want m or f"},
		{"person Jane Doe\n    colour red\n", "u.dict:2: unknown attribute \"colour\" for person"},
		{"person Jane Doe\n    also A || B\n", "u.dict:2: empty phrase"},
		{"person Jane Doe\n    role IGOUNO 2020.. Envoy\n", "u.dict:1: person \"Jane Doe\": add a country line"},
		{"person Jane Doe\n    country XXQ\n    role UKRGOV 2020.. Minister\n", "unknown segment \"XXQ\""},
		{"person Jane Doe\n    country GOV\n    role UKRGOV 2020.. Minister\n", "\"GOV\" is not a country code"},
		{"org IGOUNO Some Body\norg IGOUNO Some Body\n", "u.dict:2: duplicate org \"Some Body\" (first at"},
		{"drop person Nobody Atall\n", "u.dict:1: drop: no person \"Nobody Atall\" to drop"},
		{"agent GOVX officials\n", "malformed code \"GOVX\""},
	}
	for _, tc := range tests {
		dir := writeDir(t, map[string]string{"u.dict": tc.text})
		_, err := Load(dir)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q:\n got %v\nwant %s", tc.text, err, tc.want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "missing")); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("missing folder: %v", err)
	}
	if _, err := Load(writeDir(t, map[string]string{"notes.md": "x"})); err == nil || !strings.Contains(err.Error(), "no dictionary files") {
		t.Errorf("empty folder: %v", err)
	}
}

func TestDefaultStats(t *testing.T) {
	s := mustDefault(t).Stats()
	// The counts the brief asks for; lower bounds so that additions pass.
	if s.Countries < 195 || s.Organizations < 60 || s.Agents < 20 || s.Titles < 15 || s.Persons < 400 || s.Roles < s.Persons {
		t.Errorf("default dictionaries too small: %+v", s)
	}
	if len(mustDefault(t).Warnings()) != 0 {
		t.Errorf("default dictionaries have warnings: %v", mustDefault(t).Warnings())
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		in   string
		end  bool
		want day
		err  bool
	}{
		{"2024-02-29", false, 20240229, false},
		{"2023-02-29", false, 0, true},
		{"2024-02", true, 20240229, false},
		{"2023", true, 20231231, false},
		{"2023", false, 20230101, false},
		{"23-01-01", false, 0, true},
		{"2023-1-01", false, 0, true},
	}
	for _, tc := range tests {
		got, err := parseISODay(tc.in, tc.end)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("parseISODay(%q, %v) = %v, %v", tc.in, tc.end, got, err)
		}
	}
}

func TestSplitWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"al-Qaeda", "al|-|qaeda"},
		{"Ukraine's", "ukraine|'s"},
		{"Ukraine’s", "ukraine|'s"},
		{"ANARCHISTS'_ATTACK", "anarchists|'|attack"},
		{"U.S.-led", "u.s.|-|led"},
		{"(AAIA)", "(|aaia|)"},
		{"Erdoğan", "erdogan"},
		{"-led", "-led"},
		{"GOVERNMENT,_RURAL", "government|,|rural"},
		{"officials.", "officials|."},
		{"U.S.", "u.s."},
		{"W.", "w|."},
	}
	for _, tc := range tests {
		var ks []string
		for _, w := range splitWords(tc.in) {
			ks = append(ks, w.key)
		}
		if got := strings.Join(ks, "|"); got != tc.want {
			t.Errorf("splitWords(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{"soldier": "soldiers", "army": "armies", "attorney": "attorneys",
		"press": "presses", "church": "churches", "TROOP": "TROOPS", "ARMY": "ARMIES"} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}
