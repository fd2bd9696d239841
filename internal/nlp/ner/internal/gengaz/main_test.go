package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedIsCurrent fails when dictgaz_gen.go was edited by hand or
// the actor dictionaries changed without "go generate ./internal/nlp/ner".
func TestGeneratedIsCurrent(t *testing.T) {
	got, err := generate(filepath.Join("..", "..", "..", "..", "actors", "data"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "dictgaz_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("dictgaz_gen.go is stale: run go generate ./internal/nlp/ner")
	}
}

func TestRead(t *testing.T) {
	in := `# a comment
country UKR Ukraine  # trailing comment
    also     Ukraina
    adj      Ukrainian
    capital  Kyiv | Kiev
    seat     Bankova
    body     UKRLEG  Verkhovna Rada
person Volodymyr Zelensky
    also     Zelensky | President Zelensky
    role     UKRGOV 2019-05-20.. President of Ukraine
org IGOUNO United Nations
    also UN | UN Children's Fund
agent MIL military{}
    also troop | spokesman{spokesmen}
title GOV president
`
	g := gazetteer{}
	if err := read(strings.NewReader(in), "x.dict", g); err != nil {
		t.Fatal(err)
	}
	g.splitNames()
	want := map[string]int{
		"Ukraine": dCountry, "Ukraina": dCountry, "Ukrainian": dNORP, "Kyiv": dCapital, "Kiev": dCapital,
		"Bankova": dSeat, "Verkhovna Rada": dBody,
		"Volodymyr Zelensky": dPerson, "Zelensky": dPerson | dSurname, "President Zelensky": dPerson,
		"Volodymyr": dGiven, "United Nations": dOrg, "UN": dOrg, "UN Children 's Fund": dOrg,
		"military": dAgent, "troop": dAgent, "spokesman": dAgent, "spokesmen": dAgent, "president": dAgent,
	}
	for p, c := range want {
		if g[p] != c {
			t.Errorf("%q: class %b, want %b", p, g[p], c)
		}
	}
	if len(g) != len(want) {
		t.Errorf("%d phrases, want %d: %v", len(g), len(want), g)
	}
}

func TestReadErrors(t *testing.T) {
	for in, want := range map[string]string{
		"    also X\n":                    "x.dict:1: attribute line before any record",
		"person X\n  nickname Y\n":        `x.dict:2: unknown attribute "nickname"`,
		"persona X\n":                     `x.dict:1: unknown record kind "persona"`,
		"country UKR\n":                   "x.dict:1: country record without a name",
		"org IGO United\n  also A || B\n": "x.dict:2: empty phrase",
	} {
		err := read(strings.NewReader(in), "x.dict", gazetteer{})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("read(%q): error %v, want %q", in, err, want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("country UKR Ukraine\n    also Ukraina | Kiev{}\n")
	f.Add("person A B\n\trole X 2019.. T\n")
	f.Fuzz(func(t *testing.T, in string) {
		g := gazetteer{}
		if err := read(strings.NewReader(in), "in", g); err != nil {
			return
		}
		g.splitNames()
		for p := range g {
			if strings.TrimSpace(p) != p {
				t.Errorf("phrase %q has surrounding space", p)
			}
		}
	})
}
