package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/dedup"
	"github.com/parleyhq/parley/internal/model"

	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go)
)

//go:embed migrations/sqlite/*.sql
var sqliteMigrations embed.FS

// SQLite is the embedded store: one file, WAL journal, FTS5 search.
type SQLite struct {
	db   *sql.DB
	path string
	now  func() time.Time
}

// OpenSQLite opens (creating if needed) the SQLite store at path and brings
// its schema up to date.
func OpenSQLite(ctx context.Context, path string) (*SQLite, error) {
	path = strings.TrimPrefix(path, "file:")
	if path == "" {
		return nil, errors.New("open store: empty path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &SQLite{db: db, path: path, now: func() time.Time { return time.Now().UTC() }}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// Close releases the database.
func (s *SQLite) Close() error { return s.db.Close() }

// migrate applies the embedded migrations not yet recorded, each in its own
// transaction, and refuses a store written by a newer parley.
func (s *SQLite) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
		if strings.Contains(err.Error(), "file is not a database") {
			return errors.New("not a parley store (not an SQLite database)")
		}
		return fmt.Errorf("create migrations table: %w", err)
	}
	var current int
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	files, err := fs.Glob(sqliteMigrations, "migrations/sqlite/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(files)
	latest := 0
	for _, f := range files {
		v, err := strconv.Atoi(strings.SplitN(filepath.Base(f), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with its version number", f)
		}
		latest = v
		if v <= current {
			continue
		}
		body, err := sqliteMigrations.ReadFile(f)
		if err != nil {
			return err
		}
		if err := s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, applied) VALUES (?, ?)`, v, s.now().Format(time.RFC3339))
			return err
		}); err != nil {
			return fmt.Errorf("migration %s: %w", filepath.Base(f), err)
		}
	}
	if current > latest {
		return fmt.Errorf("store schema version %d is newer than this parley knows (%d): upgrade parley", current, latest)
	}
	return nil
}

func (s *SQLite) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// maxCandidates bounds the near-duplicate candidates confirmed per document,
// so a pathological bucket cannot make one insert slow.
const maxCandidates = 64

// AddDocument implements Store.
func (s *SQLite) AddDocument(ctx context.Context, doc *model.Document) (AddResult, error) {
	if strings.TrimSpace(doc.Text) == "" {
		return AddResult{}, errors.New("document has no text")
	}
	hash := dedup.ContentHash(doc.Text)
	sig, hasSig := dedup.Sign(doc.Text)
	var res AddResult
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res = AddResult{}
		err := tx.QueryRowContext(ctx, `SELECT id, cluster_id FROM documents WHERE content_hash = ?`, hash).Scan(&res.ID, &res.Cluster)
		if err == nil {
			res.Outcome = Duplicate
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var keys [dedup.Bands]int64
		var blob []byte
		res.Outcome, res.Similarity = New, 1
		if hasSig {
			keys = dedup.BandKeys(&sig)
			blob = sig.Bytes()
			res.Cluster, res.Similarity, err = nearest(ctx, tx, &sig, keys[:])
			if err != nil {
				return err
			}
			if res.Cluster != 0 {
				res.Outcome = NearDuplicate
			}
		}
		if res.Cluster == 0 {
			r, err := tx.ExecContext(ctx, `INSERT INTO clusters(size, outlets) VALUES (0, 0)`)
			if err != nil {
				return err
			}
			if res.Cluster, err = r.LastInsertId(); err != nil {
				return err
			}
		}
		r, err := tx.ExecContext(ctx, `INSERT INTO documents(ext_id, url, canonical_url, title, byline, outlet,
			published, fetched, lang, text, origin, content_hash, minhash, cluster_id, similarity)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			doc.ExtID, doc.URL, doc.CanonicalURL, doc.Title, doc.Byline, doc.Outlet,
			timeOrNull(doc.Published), s.now().Format(time.RFC3339), doc.Lang, doc.Text, doc.Origin,
			hash, blob, res.Cluster, res.Similarity)
		if err != nil {
			return err
		}
		if res.ID, err = r.LastInsertId(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO documents_fts(rowid, title, text) VALUES (?, ?, ?)`, res.ID, doc.Title, doc.Text); err != nil {
			return err
		}
		if hasSig {
			for _, k := range keys {
				if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO lsh_bands(band_key, doc_id) VALUES (?, ?)`, k, res.ID); err != nil {
					return err
				}
			}
		}
		if _, err = tx.ExecContext(ctx, `UPDATE clusters SET size = size + 1,
			outlets = (SELECT count(DISTINCT outlet) FROM documents WHERE cluster_id = ?1 AND outlet != '')
			WHERE id = ?1`, res.Cluster); err != nil {
			return err
		}
		if doc.Analyzed == "" {
			return nil
		}
		doc.ID = res.ID
		return saveAnalysis(ctx, tx, doc)
	})
	if err != nil {
		return AddResult{}, fmt.Errorf("store document %q: %w", describe(doc), err)
	}
	doc.ID = res.ID
	return res, nil
}

// Known implements Store.
func (s *SQLite) Known(ctx context.Context, text string) (int64, bool, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM documents WHERE content_hash = ?`, dedup.ContentHash(text)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("look up document: %w", err)
	}
	return id, true, nil
}

// nearest finds the cluster of the most similar stored document sharing an
// LSH band with sig, if its similarity reaches dedup.Threshold.
func nearest(ctx context.Context, tx *sql.Tx, sig *dedup.Signature, keys []int64) (cluster int64, sim float64, err error) {
	args := make([]any, 0, len(keys)+1)
	for _, k := range keys {
		args = append(args, k)
	}
	args = append(args, maxCandidates)
	rows, err := tx.QueryContext(ctx, `SELECT d.minhash, d.cluster_id FROM documents d
		WHERE d.id IN (SELECT doc_id FROM lsh_bands WHERE band_key IN (`+placeholders(len(keys))+`))
		ORDER BY d.id LIMIT ?`, args...)
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	best := 0.0
	for rows.Next() {
		var blob []byte
		var c int64
		if err := rows.Scan(&blob, &c); err != nil {
			return 0, 0, err
		}
		other, ok := dedup.ParseSignature(blob)
		if !ok {
			continue
		}
		if s := dedup.Similarity(sig, &other); s > best {
			best, cluster = s, c
		}
	}
	if err := rows.Err(); err != nil {
		return 0, 0, err
	}
	if best < dedup.Threshold {
		return 0, 1, nil
	}
	return cluster, best, nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func describe(doc *model.Document) string {
	switch {
	case doc.URL != "":
		return doc.URL
	case doc.Title != "":
		return doc.Title
	case doc.ExtID != "":
		return doc.ExtID
	}
	return doc.Origin
}

func timeOrNull(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}

func parseTime(s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	t, _ := time.Parse(time.RFC3339, s.String)
	return t
}

// Search implements Store. Near-duplicate copies collapse into their best hit.
func (s *SQLite) Search(ctx context.Context, q Query) ([]Hit, error) {
	match, err := ftsQuery(q.Text)
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	var where []string
	args := []any{match}
	if !q.Since.IsZero() {
		where = append(where, "coalesce(d.published, d.fetched) >= ?")
		args = append(args, q.Since.UTC().Format(time.RFC3339))
	}
	if !q.Until.IsZero() {
		where = append(where, "coalesce(d.published, d.fetched) < ?")
		args = append(args, q.Until.UTC().AddDate(0, 0, 1).Format(time.RFC3339))
	}
	if q.Source != "" {
		where = append(where, "(d.outlet = ? OR d.origin = ? OR d.url LIKE ?)")
		args = append(args, q.Source, q.Source, "%://"+q.Source+"/%")
	}
	// bm25() and snippet() cannot run under a window function, so score the
	// matches first, collapse clusters, then match again for the snippets.
	args = append(args, match, limit)
	rows, err := s.db.QueryContext(ctx, `
		WITH matched AS MATERIALIZED (
			SELECT rowid AS id, bm25(documents_fts, 4.0, 1.0) AS score
			FROM documents_fts WHERE documents_fts MATCH ?),
		ranked AS (
			SELECT m.id, m.score, d.cluster_id, c.size,
				row_number() OVER (PARTITION BY d.cluster_id ORDER BY m.score, m.id) AS rk
			FROM matched m
			JOIN documents d ON d.id = m.id
			JOIN clusters c ON c.id = d.cluster_id
			WHERE `+strings.Join(append(where, "1"), " AND ")+`)
		SELECT d.id, d.title, d.url, d.outlet, coalesce(d.published, d.fetched),
			snippet(documents_fts, 1, '**', '**', '…', 20), r.score, r.cluster_id, r.size
		FROM ranked r
		JOIN documents_fts ON documents_fts.rowid = r.id
		JOIN documents d ON d.id = r.id
		WHERE r.rk = 1 AND documents_fts MATCH ?
		ORDER BY r.score, r.id LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		var day sql.NullString
		if err := rows.Scan(&h.ID, &h.Title, &h.URL, &h.Outlet, &day, &h.Snippet, &h.Score, &h.Cluster, &h.Copies); err != nil {
			return nil, err
		}
		h.Date = parseTime(day)
		h.Score = -h.Score // bm25 is lower-is-better; report higher-is-better
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// Stats implements Store.
func (s *SQLite) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Path: s.path}
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents),
		(SELECT count(*) FROM clusters WHERE size > 1),
		(SELECT coalesce(sum(size), 0) FROM clusters WHERE size > 1),
		(SELECT count(DISTINCT outlet) FROM documents WHERE outlet != ''),
		(SELECT count(*) FROM feeds)`).Scan(&st.Documents, &st.Clusters, &st.Clustered, &st.Outlets, &st.Feeds)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fi, err := os.Stat(s.path + suffix); err == nil {
			st.Bytes += fi.Size()
		}
	}
	return st, nil
}

// AddFeed implements Store. Adding a feed twice returns the stored one.
func (s *SQLite) AddFeed(ctx context.Context, u string) (Feed, error) {
	if err := checkFeedURL(u); err != nil {
		return Feed{}, err
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO feeds(url, added) VALUES (?, ?) ON CONFLICT(url) DO NOTHING`,
		u, s.now().Format(time.RFC3339)); err != nil {
		return Feed{}, fmt.Errorf("add feed %s: %w", u, err)
	}
	fs, err := s.feeds(ctx, "WHERE f.url = ?", u)
	if err != nil || len(fs) == 0 {
		return Feed{}, fmt.Errorf("add feed %s: %w", u, err)
	}
	return fs[0], nil
}

func checkFeedURL(u string) error {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return fmt.Errorf("feed %q: not an http(s) URL", u)
	}
	return nil
}

// RemoveFeed implements Store. Documents already ingested from it stay.
func (s *SQLite) RemoveFeed(ctx context.Context, u string) error {
	r, err := s.db.ExecContext(ctx, `DELETE FROM feeds WHERE url = ?`, u)
	if err != nil {
		return fmt.Errorf("remove feed %s: %w", u, err)
	}
	if n, _ := r.RowsAffected(); n == 0 {
		return fmt.Errorf("remove feed %s: %w", u, ErrNotFound)
	}
	return nil
}

// Feeds implements Store.
func (s *SQLite) Feeds(ctx context.Context) ([]Feed, error) {
	return s.feeds(ctx, "")
}

func (s *SQLite) feeds(ctx context.Context, where string, args ...any) ([]Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT f.id, f.url, f.title, f.etag, f.last_modified, f.added,
		f.last_polled, f.last_ok, f.errors, f.last_error, f.next_poll,
		(SELECT count(*) FROM documents d WHERE d.origin = f.url)
		FROM feeds f `+where+` ORDER BY f.url`, args...)
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		var f Feed
		var added string
		var polled, ok, next sql.NullString
		if err := rows.Scan(&f.ID, &f.URL, &f.Title, &f.ETag, &f.LastModified, &added,
			&polled, &ok, &f.Errors, &f.LastError, &next, &f.Documents); err != nil {
			return nil, err
		}
		f.Added = parseTime(sql.NullString{String: added, Valid: true})
		f.LastPolled, f.LastOK, f.NextPoll = parseTime(polled), parseTime(ok), parseTime(next)
		out = append(out, f)
	}
	return out, rows.Err()
}

// UpdateFeed implements Store: it saves the polling state of f (by URL).
func (s *SQLite) UpdateFeed(ctx context.Context, f Feed) error {
	r, err := s.db.ExecContext(ctx, `UPDATE feeds SET title = ?, etag = ?, last_modified = ?,
		last_polled = ?, last_ok = ?, errors = ?, last_error = ?, next_poll = ? WHERE url = ?`,
		f.Title, f.ETag, f.LastModified, timeOrNull(f.LastPolled), timeOrNull(f.LastOK),
		f.Errors, f.LastError, timeOrNull(f.NextPoll), f.URL)
	if err != nil {
		return fmt.Errorf("update feed %s: %w", f.URL, err)
	}
	if n, _ := r.RowsAffected(); n == 0 {
		return fmt.Errorf("update feed %s: %w", f.URL, ErrNotFound)
	}
	return nil
}
