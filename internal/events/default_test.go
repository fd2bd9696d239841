package events

import "testing"

func TestDefaultDictionaryLoads(t *testing.T) {
	d, err := DefaultDictionary()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) != 0 {
		t.Errorf("warnings in the default dictionary: %q", d.Warnings)
	}
	for _, w := range []string{"meet", "seeking", "sought", "offered", "declined", "shelled", "consultations", "pursuit", "ruled"} {
		if len(d.Lookup(w)) == 0 {
			t.Errorf("default dictionary lacks %q", w)
		}
	}
}
