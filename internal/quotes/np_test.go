package quotes

import "testing"

func TestIsNameWord(t *testing.T) {
	word := func(text, upos string) item {
		return item{kind: itWord, text: text, cap: text[0] >= 'A' && text[0] <= 'Z', upos: upos}
	}
	inPlace := word("See", "VERB")
	inPlace.place = true
	tests := []struct {
		name string
		it   item
		want bool
	}{
		{"proper noun", word("Ouellet", "PROPN"), true},
		{"capitalised verb", word("See", "VERB"), false},
		{"capitalised verb inside an entity (the Holy See)", inPlace, true},
		{"lower case", word("said", "VERB"), false},
		{"with digits", word("B52", "PROPN"), false},
		{"bare text, no tags", word("Kyiv", ""), true},
	}
	for _, tt := range tests {
		if got := isNameWord(tt.it); got != tt.want {
			t.Errorf("%s: isNameWord(%q) = %v, want %v", tt.name, tt.it.text, got, tt.want)
		}
	}
}
