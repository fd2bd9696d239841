package cameo

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		code      string
		label     string
		goldstein float64
		quad      int
		plover    string
		mode      string
	}{
		{"011", "Decline comment", -0.1, VerbalCoop, "", ""},
		{"026", "Appeal to others to meet or negotiate", 4, VerbalCoop, "REQUEST", "meet"},
		{"036", "Express intent to meet or negotiate", 4, VerbalCoop, "AGREE", ""},
		{"042", "Make a visit", 1.9, VerbalCoop, "CONSULT", "visit"},
		{"064", "Share intelligence or information", 7, MaterialCoop, "COOPERATE", ""},
		{"0841", "Return, release person(s)", 7, MaterialCoop, "RETREAT", "release"},
		// GDELT labels 105-108 differently from the CAMEO manual that PLOVER follows.
		{"106", "Demand withdrawal", -5, VerbalConflict, "REQUEST", "meet"},
		{"173", "Arrest, detain, or charge with legal action", -5, MaterialConflict, "COERCE", "arrest"},
		{"1823", "Kill by physical assault", -10, MaterialConflict, "ASSAULT", ""},
	}
	for _, tt := range tests {
		i, ok := Lookup(tt.code)
		if !ok {
			t.Errorf("Lookup(%s): missing", tt.code)
			continue
		}
		if i.Label != tt.label || i.Goldstein != tt.goldstein || i.Quad != tt.quad || i.Plover.Type != tt.plover || i.Plover.Mode != tt.mode {
			t.Errorf("Lookup(%s) = %+v, want label %q goldstein %v quad %d plover %s/%s", tt.code, i, tt.label, tt.goldstein, tt.quad, tt.plover, tt.mode)
		}
	}
	for _, bad := range []string{"", "0", "999", "21", "036x"} {
		if Valid(bad) {
			t.Errorf("Valid(%q) = true", bad)
		}
	}
	if Codes() != 311 {
		t.Errorf("Codes() = %d, want the 311 codes of CAMEO.eventcodes.txt", Codes())
	}
}
