package quotes

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Zelensky", "zelensky"},
		{"Zelenskyy", "zelensky"},
		{"Zelenskiy", "zelensky"},
		{"President Volodymyr Zelensky", "volodymyr zelensky"},
		{"Ukrainian President Volodymyr Zelenskyy", "volodymyr zelensky"},
		{"US Secretary of State Mike Pompeo", "mike pompeo"},
		{"Dr. Elena Korosteleva", "elena korosteleva"},
		{"Recep Tayyip Erdoğan", "recep tayyip erdogan"},
		{"John R. Bolton", "john bolton"},
		{"Robert Downey Jr.", "robert downey"},
		{"Mohammed bin Salman", "muhammad bin salman"},
		{"Muhammad bin Salman", "muhammad bin salman"},
		{"Abdel Fattah el-Sisi", "abdel fattah el sisi"},
		{"Colin Sutherland, Lord Carloway", "colin sutherland"},
		{"Trump's", "trump"},
		{"State Department", "state department"}, // organisations keep their words
		{"", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Erdoğan", "Recep Tayyip Erdogan", true},
		{"Zelenskyy", "President Volodymyr Zelensky", true},
		{"State Department", "United States Department of State", true},
		{"Ford", "Ford Motor Company", true},
		{"Emergencies Ministry", "Emergency Situations Ministry", true},
		{"Emergencies Ministry", "Health Ministry", false},
		{"Kristin Wilkins", "Kristen Wilkins", true},
		{"Mark Kelly", "Mary Kelly", false}, // short names: no spelling slack
		{"Kristin Wilkins", "Kristin Watkins", false},
		{"Sisi", "Abdel Fattah el-Sisi", true},
		{"Donald Trump", "Donald Tusk", false},
		{"Trump", "Donald Tusk", false},
		{"Foreign Ministry of Iraq", "Turkish Ministry of Foreign Affairs", false},
		{"Ford", "Gerald Ford", true},                  // a surname: the document decides which Ford
		{"Rosselló", "Ricardo Rosselló Nevares", true}, // paternal surname
		{"Ricardo", "Ricardo Rosselló Nevares", false},
		{"Development", "Asian Development Bank", false}, // the middle word of an organisation is no surname
		{"", "Anyone", false},
	}
	for _, tt := range tests {
		if got := Match(tt.a, tt.b); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestRegistry(t *testing.T) {
	var r Registry
	for _, n := range []string{"President Volodymyr Zelensky", "Donald Trump", "Melania Trump", "Princess Ubolratana Mahidol", "Lydia Buchtmann", "Wanda Vázquez Garced"} {
		r.Add(n)
	}
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Zelenskyy", "Volodymyr Zelensky", true},
		{"Zelensky", "Volodymyr Zelensky", true},
		{"Trump", "Trump", false}, // two Trumps: neither
		{"Ubolratana", "Ubolratana Mahidol", true},
		{"Melania", "Melania Trump", true},
		{"Biden", "Biden", false},
		{"Bauchtman", "Lydia Buchtmann", true}, // misspelt in the article
		{"Bachman", "Bachman", false},
		{"Vázquez", "Wanda Vázquez Garced", true},
		{"Garced", "Wanda Vázquez Garced", true},
	}
	for _, tt := range tests {
		got, ok := r.Resolve(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRegistryResolveAmong(t *testing.T) {
	var r Registry
	for _, n := range []string{"Tony Mendez", "Jonna Mendez", "Jonna Mendez"} {
		r.Add(n)
	}
	onlyTony := func(k string) bool { return k == Key("Tony Mendez") }
	for _, tt := range []struct {
		keep func(string) bool
		want string
		ok   bool
	}{
		{nil, "Jonna Mendez", true},     // named twice as often
		{onlyTony, "Tony Mendez", true}, // the only one named so far
		{func(string) bool { return false }, "Mendez", false},
	} {
		if got, ok := r.ResolveAmong("Mendez", tt.keep); got != tt.want || ok != tt.ok {
			t.Errorf("ResolveAmong(Mendez) = %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
		}
	}
}
