package cluster

import (
	"bufio"
	"bytes"
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/parleyhq/parley/internal/model"
)

// File is the embedded clusters' file name inside this package's folder;
// "parley train clusters" writes it.
const File = "clusters.tsv"

//go:embed clusters.tsv
var embedded []byte

// Clusters maps words to their cluster paths. It is immutable and safe
// for concurrent use.
type Clusters struct {
	paths map[string]string
}

// Default returns the embedded clusters, loaded once.
var Default = sync.OnceValues(func() (*Clusters, error) {
	c, err := Read(bytes.NewReader(embedded), File)
	if err != nil {
		return nil, fmt.Errorf("embedded clusters: %w", err)
	}
	return c, nil
})

// defaultSum is the embedded clusters' checksum, computed once: the tagger
// and the parser both check it when they load. Only called once Default
// has succeeded.
var defaultSum = sync.OnceValue(func() uint64 {
	c, _ := Default()
	return c.Sum()
})

// ForSum returns the embedded clusters if their checksum is sum (see Sum),
// and nil if sum is 0: models record the checksum of the clusters they
// were trained with, 0 for none, and load them with ForSum.
func ForSum(sum uint64) (*Clusters, error) {
	if sum == 0 {
		return nil, nil
	}
	c, err := Default()
	if err != nil {
		return nil, err
	}
	if defaultSum() != sum {
		return nil, errors.New("trained with other word clusters than the embedded ones (retrain it)")
	}
	return c, nil
}

// Words returns the tokens' forms as clusters are learnt and looked up:
// lowercased.
func Words(toks []model.Token) []string {
	ws := make([]string, len(toks))
	for i, t := range toks {
		ws[i] = strings.ToLower(t.Text)
	}
	return ws
}

// Path returns the cluster path of word ("" if it has none). Words are
// clustered as given to Brown; the tagger and parser give them lowercased.
func (c *Clusters) Path(word string) string { return c.paths[word] }

// Len is the number of clustered words.
func (c *Clusters) Len() int { return len(c.paths) }

// Sum is a checksum of the clusters. Models trained with clusters record
// it, so that a model is never used with clusters it was not trained on.
func (c *Clusters) Sum() uint64 {
	h := fnv.New64a()
	c.WriteTo(h)
	return h.Sum64()
}

// WriteTo writes one "path<TAB>word" line per word, sorted by path then
// word, so that the words of a cluster are listed together.
func (c *Clusters) WriteTo(w io.Writer) (int64, error) {
	type entry struct{ path, word string }
	es := make([]entry, 0, len(c.paths))
	for w, p := range c.paths {
		es = append(es, entry{p, w})
	}
	slices.SortFunc(es, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.path, b.path), cmp.Compare(a.word, b.word))
	})
	bw := bufio.NewWriter(w)
	var n int64
	for _, e := range es {
		k, err := fmt.Fprintf(bw, "%s\t%s\n", e.path, e.word)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, bw.Flush()
}

// Read reads clusters written by WriteTo; name is used in error messages
// ("name:line: reason").
func Read(r io.Reader, name string) (*Clusters, error) {
	c := &Clusters{paths: map[string]string{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		path, word, ok := strings.Cut(sc.Text(), "\t")
		switch {
		case !ok || word == "":
			return nil, fmt.Errorf("%s:%d: want \"path<TAB>word\"", name, line)
		case strings.ContainsFunc(word, unicode.IsSpace):
			// Words are tokens; a space (a CR too) would not survive a write.
			return nil, fmt.Errorf("%s:%d: word %q contains a space", name, line, word)
		case strings.Trim(path, "01") != "":
			return nil, fmt.Errorf("%s:%d: path %q is not made of 0 and 1", name, line, path)
		}
		if _, dup := c.paths[word]; dup {
			return nil, fmt.Errorf("%s:%d: word %q listed twice", name, line, word)
		}
		c.paths[word] = path
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}
