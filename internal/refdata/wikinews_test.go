package refdata

import (
	"strings"
	"testing"
)

func TestReadWikinews(t *testing.T) {
	tests := []struct {
		name, in string
		want     int    // articles
		err      string // substring of the error, "" for none
	}{
		{"ok", "url,date,title,text\nu1,2019-01-01,T,\"a, \"\"b\"\"\"\nu2,d,t,x\n", 2, ""},
		{"reordered columns", "text,url\nhello,u\n", 1, ""},
		{"empty", "", 0, "empty file"},
		{"no text column", "url,title\nu,t\n", 0, `no "text" column`},
		{"short row", "url,date,title,text\nu,d,t\n", 0, "x.csv:2: 3 fields, header has 4"},
		{"bad quoting", "url,text\nu,\"open\n", 0, "x.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadWikinews(strings.NewReader(tt.in), "dir/x.csv")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want {
				t.Fatalf("got %d articles, want %d", len(got), tt.want)
			}
			if got[0].File != "x.csv" {
				t.Errorf("File = %q, want x.csv", got[0].File)
			}
		})
	}
	got, _ := ReadWikinews(strings.NewReader("url,date,title,text\nu1,2019-01-01,T,\"a, \"\"b\"\"\"\n"), "x.csv")
	if want := (WikinewsArticle{URL: "u1", Date: "2019-01-01", Title: "T", Text: `a, "b"`, File: "x.csv"}); got[0] != want {
		t.Errorf("got %+v, want %+v", got[0], want)
	}
}

func TestWikinewsSample(t *testing.T) {
	as, err := Wikinews()
	if err != nil {
		t.Skipf("reference data not available: %v", err)
	}
	// The sample documents 171 articles from 2019 and 124 from 2020.
	if len(as) != 295 {
		t.Errorf("read %d articles, want 295", len(as))
	}
}

func FuzzReadWikinews(f *testing.F) {
	f.Add("url,date,title,text\nu,d,t,x\n")
	f.Add("text,url\n\"a\"\"b\",u\n")
	f.Fuzz(func(t *testing.T, in string) {
		as, err := ReadWikinews(strings.NewReader(in), "fuzz.csv")
		if err != nil && len(as) > 0 {
			t.Fatalf("articles returned with error %v", err)
		}
	})
}
