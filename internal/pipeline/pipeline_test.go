package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/model"
)

func TestStreamKeepsOrderAndAnalyses(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	const n = 40
	var got []string
	err = p.Stream(context.Background(), 4, func(send func(*model.Document) bool) error {
		for i := 0; i < n; i++ {
			// Uneven lengths so that workers finish out of order.
			text := fmt.Sprintf("Document %d. ", i) + strings.Repeat("Officials met in Geneva on Monday. ", (i*7)%11)
			if !send(&model.Document{ExtID: fmt.Sprint(i), Text: text}) {
				return errors.New("send refused")
			}
		}
		return nil
	}, func(d *model.Document) error {
		if d.Analyzed != Version || len(d.Sentences) == 0 {
			return fmt.Errorf("document %s not analysed", d.ExtID)
		}
		got = append(got, d.ExtID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range got {
		if id != fmt.Sprint(i) {
			t.Fatalf("output order %v", got)
		}
	}
	if len(got) != n {
		t.Fatalf("%d of %d documents written", len(got), n)
	}
}

func TestStreamStopsOnWriteError(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	written := 0
	err = p.Stream(context.Background(), 2, func(send func(*model.Document) bool) error {
		for i := 0; i < 1000; i++ {
			if !send(&model.Document{Text: "Talks resumed."}) {
				return nil
			}
		}
		return nil
	}, func(d *model.Document) error {
		written++
		if written == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || written != 3 {
		t.Fatalf("err %v after %d writes, want the write error after 3", err, written)
	}
}

func TestOtherLanguagesAreMarkedNotCoded(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	d := &model.Document{Lang: "ru", Text: "Путин встретился с Зеленским в Стамбуле."}
	p.Analyze(d)
	if len(d.Events) != 0 || len(d.Sentences) != 0 || d.Analyzed != Version {
		t.Fatalf("Russian document coded: %+v", d)
	}
	if len(d.Notes) != 1 || d.Notes[0] != "not analysed: language ru" {
		t.Fatalf("notes %v", d.Notes)
	}
}

func TestCustomDictionaries(t *testing.T) {
	if _, err := New(WithDicts(t.TempDir() + "/missing")); err == nil {
		t.Fatal("missing dictionary folder accepted")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "mine.dict"), []byte("org IGOUNOREF Geneva Contact Group\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := New(WithDicts(dir))
	if err != nil {
		t.Fatal(err)
	}
	if p.Version() == Version {
		t.Fatal("custom dictionaries do not change the analysis version")
	}
	d := &model.Document{Text: "The Geneva Contact Group met Russian officials on Monday."}
	p.Analyze(d)
	found := false
	for _, e := range d.Events {
		found = found || e.Source.Code == "IGOUNOREF"
	}
	if !found {
		t.Fatalf("the user's actor was not used: %+v", d.Events)
	}
}
