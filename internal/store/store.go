// Package store persists documents and everything the pipeline derives from
// them. Store is the contract; SQLite (embedded, the default) implements it,
// and a server database can implement the same interface.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/model"
)

// Store is what the commands need from storage. Every method that writes a
// document does so in one transaction: a failure leaves no partial rows.
type Store interface {
	// AddDocument stores doc, with its analysis when doc.Analyzed is set,
	// unless its normalised text is already stored. It sets doc.ID to the
	// stored (or existing) document's id.
	AddDocument(ctx context.Context, doc *model.Document) (AddResult, error)
	// Known returns the id of the stored document with the same normalised
	// text as text, if any: callers skip work on documents already stored.
	Known(ctx context.Context, text string) (int64, bool, error)
	// SaveAnalysis replaces the analysis (entities, events, quotes, issues)
	// of a stored document.
	SaveAnalysis(ctx context.Context, doc *model.Document) error
	// EachDocument calls fn with every stored document, in id order.
	EachDocument(ctx context.Context, fn func(*model.Document) error) error
	Events(ctx context.Context, q EventQuery) ([]model.Event, error)
	Quotes(ctx context.Context, q QuoteQuery) ([]model.Quote, error)
	Speakers(ctx context.Context) ([]Speaker, error)
	Search(ctx context.Context, q Query) ([]Hit, error)
	Stats(ctx context.Context) (Stats, error)

	AddFeed(ctx context.Context, url string) (Feed, error)
	RemoveFeed(ctx context.Context, url string) error
	Feeds(ctx context.Context) ([]Feed, error)
	UpdateFeed(ctx context.Context, f Feed) error

	Close() error
}

// Outcome says what AddDocument did.
type Outcome int

const (
	New           Outcome = iota // stored, first of its cluster
	NearDuplicate                // stored, joined an existing near-duplicate cluster
	Duplicate                    // not stored: the same normalised text exists
)

func (o Outcome) String() string {
	return [...]string{"new", "near-duplicate", "duplicate"}[o]
}

// AddResult reports the outcome of AddDocument.
type AddResult struct {
	Outcome    Outcome
	ID         int64   // the document's id (the existing one for duplicates)
	Cluster    int64   // near-duplicate cluster the document belongs to
	Similarity float64 // estimated Jaccard similarity to the closest cluster member
}

// Query is a full-text search.
type Query struct {
	Text   string    // words, "quoted phrases", OR, -excluded, prefix*
	Since  time.Time // inclusive, zero = unbounded
	Until  time.Time // inclusive day, zero = unbounded
	Source string    // outlet (host), feed or origin; "" = any
	Limit  int       // 0 = 20
}

// Hit is one search result.
type Hit struct {
	ID      int64     `json:"id"`
	Title   string    `json:"title"`
	URL     string    `json:"url,omitempty"`
	Outlet  string    `json:"outlet,omitempty"`
	Date    time.Time `json:"date,omitzero"`
	Snippet string    `json:"snippet"`
	Score   float64   `json:"score"`
	Cluster int64     `json:"cluster"`
	// Copies is how many stored documents share the hit's near-duplicate cluster.
	Copies int `json:"copies"`
}

// Stats summarises the store.
type Stats struct {
	Documents int    `json:"documents"`
	Clusters  int    `json:"clusters"`            // near-duplicate clusters with more than one document
	Clustered int    `json:"clustered_documents"` // documents in those clusters
	Outlets   int    `json:"outlets"`
	Feeds     int    `json:"feeds"`
	Bytes     int64  `json:"bytes"` // on-disk size of the store
	Path      string `json:"path"`
}

// Feed is a polled RSS/Atom/JSON feed and its polling state.
type Feed struct {
	ID           int64     `json:"id"`
	URL          string    `json:"url"`
	Title        string    `json:"title,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Added        time.Time `json:"added"`
	LastPolled   time.Time `json:"last_polled,omitzero"`
	LastOK       time.Time `json:"last_ok,omitzero"`
	Errors       int       `json:"errors"` // consecutive failed polls
	LastError    string    `json:"last_error,omitempty"`
	NextPoll     time.Time `json:"next_poll,omitzero"`
	Documents    int       `json:"documents"`
}

// ErrNotFound is returned when the named thing is not stored.
var ErrNotFound = errors.New("not found")

// Open opens the store at dsn. A plain path (or "file:" URI) is a SQLite
// file, created with its folder when missing.
func Open(ctx context.Context, dsn string) (Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return nil, fmt.Errorf("open store %s: PostgreSQL is not supported yet", dsn)
	}
	return OpenSQLite(ctx, dsn)
}
