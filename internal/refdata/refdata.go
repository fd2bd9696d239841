// Package refdata locates the shared reference data (treebanks, dictionaries,
// Wikinews texts) that tests, evaluations and training commands read in place.
// The data is never copied into the repository.
package refdata

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Dir returns the reference data folder: $PARLEY_DATA if set, otherwise
// ../shared/data beside the repository root (the folder holding go.mod).
func Dir() (string, error) {
	if d := os.Getenv("PARLEY_DATA"); d != "" {
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(filepath.Dir(dir), "shared", "data")
			if _, err := os.Stat(d); err != nil {
				return "", fmt.Errorf("reference data not found at %s (set PARLEY_DATA): %w", d, err)
			}
			return d, nil
		}
		if filepath.Dir(dir) == dir {
			return "", errors.New("reference data: no go.mod above the working directory (set PARLEY_DATA)")
		}
	}
}

// Path joins elem onto Dir.
func Path(elem ...string) (string, error) {
	d, err := Dir()
	if err != nil {
		return "", err
	}
	return filepath.Join(append([]string{d}, elem...)...), nil
}
