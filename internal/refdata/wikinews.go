package refdata

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WikinewsArticle is one row of the Wikinews sample (columns url,date,title,text).
type WikinewsArticle struct {
	URL, Date, Title, Text string
	File                   string // the CSV file name it came from, e.g. wikinews_2019.csv
}

// WikinewsFiles are the CSV files of ../shared/data/wikinews.
var WikinewsFiles = []string{"wikinews_2019.csv", "wikinews_2020.csv"}

// Wikinews reads every article of the Wikinews sample.
func Wikinews() ([]WikinewsArticle, error) {
	var all []WikinewsArticle
	for _, f := range WikinewsFiles {
		p, err := Path("wikinews", f)
		if err != nil {
			return nil, err
		}
		as, err := ReadWikinewsFile(p)
		if err != nil {
			return nil, err
		}
		all = append(all, as...)
	}
	return all, nil
}

// ReadWikinewsFile reads one Wikinews CSV file.
func ReadWikinewsFile(path string) ([]WikinewsArticle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read wikinews: %w", err)
	}
	defer f.Close()
	return ReadWikinews(f, path)
}

// ReadWikinews reads a CSV with a header naming at least the columns url and
// text (date and title are optional). name is used in error messages
// ("name:line: reason") and, without its directory, as File.
func ReadWikinews(r io.Reader, name string) ([]WikinewsArticle, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // checked below with a clearer message
	head, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty file, want a header url,date,title,text", name)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, need := range []string{"url", "text"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s:1: header has no %q column (have %q)", name, need, head)
		}
	}
	get := func(rec []string, k string) string {
		if i, ok := col[k]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	var out []WikinewsArticle
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(rec) != len(head) {
			line, _ := cr.FieldPos(0)
			return nil, fmt.Errorf("%s:%d: %d fields, header has %d", name, line, len(rec), len(head))
		}
		out = append(out, WikinewsArticle{
			URL: get(rec, "url"), Date: get(rec, "date"), Title: get(rec, "title"), Text: get(rec, "text"),
			File: filepath.Base(name),
		})
	}
}
