package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/dedup"
	"github.com/parleyhq/parley/internal/model"
)

// EventQuery filters stored events. Actor and Dyad entries are a code
// prefix when written in capitals ("UKR", "USAGOV") and a name fragment
// otherwise ("Zelensky").
type EventQuery struct {
	Actor  string    // source or target
	Source string    // dyad source
	Target string    // dyad target
	CAMEO  string    // code prefix, e.g. "03" or "036"
	Plover string    // PLOVER type, e.g. CONSULT
	Since  time.Time // event date (document date when unresolved), inclusive
	Until  time.Time
	Limit  int // 0 = no limit
}

// QuoteQuery filters stored quotes.
type QuoteQuery struct {
	Speaker string // name fragment or registry key
	Issue   string
	Limit   int
}

// Speaker is one person of the speaker registry.
type Speaker struct {
	Key         string   `json:"key"`
	Name        string   `json:"name"`
	Variants    []string `json:"variants,omitempty"`
	Title       string   `json:"title,omitempty"`
	Affiliation string   `json:"affiliation,omitempty"`
	Code        string   `json:"code,omitempty"`
	Quotes      int      `json:"quotes"`
	Documents   int      `json:"documents"`
	Outlets     int      `json:"outlets"`
}

// saveAnalysis writes doc's derived records, replacing earlier ones.
func saveAnalysis(ctx context.Context, tx *sql.Tx, doc *model.Document) error {
	for _, t := range []string{"entities", "events", "quotes", "document_issues"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE doc_id = ?`, doc.ID); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE documents SET analyzed = ?, notes = ? WHERE id = ?`,
		doc.Analyzed, strings.Join(doc.Notes, "\n"), doc.ID); err != nil {
		return err
	}
	doc.FillOffsets()
	for _, e := range doc.Entities {
		if _, err := tx.ExecContext(ctx, `INSERT INTO entities VALUES (?,?,?,?,?,?)`,
			doc.ID, e.Sentence, e.Type, e.Text, e.Offsets.Start, e.Offsets.End); err != nil {
			return err
		}
	}
	for _, e := range doc.Events {
		if _, err := tx.ExecContext(ctx, `INSERT INTO events(doc_id, sentence_index, sentence, span_start, span_end,
			source_text, source_code, source_name, source_start, source_end,
			target_text, target_code, target_name, target_start, target_end,
			cameo, cameo_label, plover_type, plover_mode, plover_context, goldstein, quad_class,
			modality, event_date, verb, issues, source_inferred, target_inferred)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			doc.ID, e.SentenceIdx, e.Sentence, e.Offsets.Start, e.Offsets.End,
			e.Source.Text, e.Source.Code, e.Source.Name, e.Source.Offsets.Start, e.Source.Offsets.End,
			e.Target.Text, e.Target.Code, e.Target.Name, e.Target.Offsets.Start, e.Target.Offsets.End,
			e.CAMEO, e.CAMEOLabel, e.Plover.Type, e.Plover.Mode, e.Plover.Context, e.Goldstein, e.QuadClass,
			e.Modality, e.Date, e.Verb, strings.Join(e.Issues, ","), e.Source.CountryInferred, e.Target.CountryInferred); err != nil {
			return err
		}
	}
	for _, q := range doc.Quotes {
		sp := q.Speaker
		r, err := tx.ExecContext(ctx, `INSERT INTO quotes(doc_id, sentence_index, text, kind, cue,
			span_start, span_end, speaker_key, speaker_text, speaker_name, honorific, title, affiliation,
			speaker_code, unnamed, speaker_start, speaker_end, issues) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			doc.ID, q.Sentence, q.Text, q.Kind, q.Cue, q.Offsets.Start, q.Offsets.End,
			sp.Key, sp.Text, sp.Name, sp.Honorific, sp.Title, sp.Affiliation, sp.Code, sp.Unnamed,
			sp.Offsets.Start, sp.Offsets.End, strings.Join(q.Issues, ","))
		if err != nil {
			return err
		}
		id, err := r.LastInsertId()
		if err != nil {
			return err
		}
		for _, h := range pieceHashes(doc.Text, q) {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO quote_pieces VALUES (?, ?)`, id, h); err != nil {
				return err
			}
		}
	}
	for _, is := range doc.Issues {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO document_issues VALUES (?, ?)`, doc.ID, is); err != nil {
			return err
		}
	}
	return nil
}

// minPieceWords is the shortest quoted piece that identifies a quote across
// documents; shorter ones ("defensive") are common words, not reprints.
const minPieceWords = 5

// pieceHashes identifies a quote's wording regardless of case, punctuation
// and quotation marks: one hash per quoted piece of a split quote, so that a
// reprint of either half counts, or of the whole text when no piece is long
// enough.
func pieceHashes(text string, q model.Quote) []string {
	var out []string
	for _, p := range q.Parts {
		if p.Start >= 0 && p.End <= len(text) && p.Start < p.End {
			if piece := text[p.Start:p.End]; len(strings.Fields(piece)) >= minPieceWords {
				out = append(out, wordsHash(piece))
			}
		}
	}
	if len(out) == 0 {
		out = append(out, wordsHash(q.Text))
	}
	return out
}

func wordsHash(s string) string {
	sum := sha256.Sum256([]byte(dedup.ContentHash(s)))
	return hex.EncodeToString(sum[:8])
}

// SaveAnalysis replaces the stored analysis of a stored document.
func (s *SQLite) SaveAnalysis(ctx context.Context, doc *model.Document) error {
	if doc.ID == 0 {
		return fmt.Errorf("save analysis of %q: document is not stored", describe(doc))
	}
	if err := s.inTx(ctx, func(tx *sql.Tx) error { return saveAnalysis(ctx, tx, doc) }); err != nil {
		return fmt.Errorf("save analysis of document %d: %w", doc.ID, err)
	}
	return nil
}

// EachDocument calls fn with every stored document (metadata and text, no
// analysis) in id order. Documents are read in pages so that fn may write.
func (s *SQLite) EachDocument(ctx context.Context, fn func(*model.Document) error) error {
	const page = 200
	var last int64
	for {
		docs, err := s.documentsAfter(ctx, last, page)
		if err != nil {
			return err
		}
		for _, d := range docs {
			if err := fn(d); err != nil {
				return err
			}
			last = d.ID
		}
		if len(docs) < page {
			return nil
		}
	}
}

func (s *SQLite) documentsAfter(ctx context.Context, after int64, limit int) ([]*model.Document, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, ext_id, url, canonical_url, title, byline, outlet,
		published, lang, text, origin, analyzed FROM documents WHERE id > ? ORDER BY id LIMIT ?`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("read documents: %w", err)
	}
	defer rows.Close()
	var out []*model.Document
	for rows.Next() {
		d := &model.Document{}
		var pub sql.NullString
		if err := rows.Scan(&d.ID, &d.ExtID, &d.URL, &d.CanonicalURL, &d.Title, &d.Byline, &d.Outlet,
			&pub, &d.Lang, &d.Text, &d.Origin, &d.Analyzed); err != nil {
			return nil, err
		}
		d.Published = parseTime(pub)
		out = append(out, d)
	}
	return out, rows.Err()
}

// actorClause matches an actor filter against the code and name columns
// of one side of an event ("source" or "target").
func actorClause(side, v string) (string, []any) {
	if v == strings.ToUpper(v) && strings.IndexFunc(v, func(r rune) bool { return r == ' ' }) < 0 {
		return side + "_code LIKE ?", []any{v + "%"}
	}
	return "(" + side + "_name LIKE ? OR " + side + "_text LIKE ?)", []any{"%" + v + "%", "%" + v + "%"}
}

// Events lists stored events, newest first.
func (s *SQLite) Events(ctx context.Context, q EventQuery) ([]model.Event, error) {
	var where []string
	var args []any
	add := func(clause string, a ...any) {
		where = append(where, clause)
		args = append(args, a...)
	}
	if q.Actor != "" {
		sc, sa := actorClause("source", q.Actor)
		tc, ta := actorClause("target", q.Actor)
		add("("+sc+" OR "+tc+")", append(sa, ta...)...)
	}
	if q.Source != "" {
		c, a := actorClause("source", q.Source)
		add(c, a...)
	}
	if q.Target != "" {
		c, a := actorClause("target", q.Target)
		add(c, a...)
	}
	if q.CAMEO != "" {
		add("cameo LIKE ?", q.CAMEO+"%")
	}
	if q.Plover != "" {
		add("plover_type = ?", strings.ToUpper(q.Plover))
	}
	day := "coalesce(nullif(e.event_date, ''), substr(coalesce(d.published, d.fetched), 1, 10))"
	if !q.Since.IsZero() {
		add(day+" >= ?", q.Since.Format("2006-01-02"))
	}
	if !q.Until.IsZero() {
		add(day+" <= ?", q.Until.Format("2006-01-02"))
	}
	sqlText := `SELECT e.doc_id, d.url, ` + day + `, e.sentence_index, e.sentence, e.span_start, e.span_end,
		e.source_text, e.source_code, e.source_name, e.source_start, e.source_end,
		e.target_text, e.target_code, e.target_name, e.target_start, e.target_end,
		e.cameo, e.cameo_label, e.plover_type, e.plover_mode, e.plover_context, e.goldstein, e.quad_class,
		e.modality, e.event_date, e.verb, e.issues, e.source_inferred, e.target_inferred
		FROM events e JOIN documents d ON d.id = e.doc_id`
	if len(where) > 0 {
		sqlText += " WHERE " + strings.Join(where, " AND ")
	}
	sqlText += " ORDER BY " + day + " DESC, e.id"
	if q.Limit > 0 {
		sqlText += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	rows, err := s.db.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []model.Event
	for rows.Next() {
		var e model.Event
		var issues string
		if err := rows.Scan(&e.DocumentID, &e.DocumentURL, &e.DocumentDate, &e.SentenceIdx, &e.Sentence,
			&e.Offsets.Start, &e.Offsets.End,
			&e.Source.Text, &e.Source.Code, &e.Source.Name, &e.Source.Offsets.Start, &e.Source.Offsets.End,
			&e.Target.Text, &e.Target.Code, &e.Target.Name, &e.Target.Offsets.Start, &e.Target.Offsets.End,
			&e.CAMEO, &e.CAMEOLabel, &e.Plover.Type, &e.Plover.Mode, &e.Plover.Context, &e.Goldstein, &e.QuadClass,
			&e.Modality, &e.Date, &e.Verb, &issues, &e.Source.CountryInferred, &e.Target.CountryInferred); err != nil {
			return nil, err
		}
		e.Issues = splitList(issues)
		out = append(out, e)
	}
	return out, rows.Err()
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// Quotes lists stored quotes, newest first, each with the number of distinct
// outlets that carry the same words.
func (s *SQLite) Quotes(ctx context.Context, q QuoteQuery) ([]model.Quote, error) {
	var where []string
	var args []any
	if q.Speaker != "" {
		where = append(where, "(q.speaker_key = ? OR q.speaker_name LIKE ? OR q.speaker_text LIKE ?)")
		args = append(args, q.Speaker, "%"+q.Speaker+"%", "%"+q.Speaker+"%")
	}
	if q.Issue != "" {
		where = append(where, "(',' || q.issues || ',') LIKE ?")
		args = append(args, "%,"+q.Issue+",%")
	}
	sqlText := `SELECT q.doc_id, d.url, q.sentence_index, q.text, q.kind, q.cue, q.span_start, q.span_end,
		q.speaker_key, q.speaker_text, q.speaker_name, q.honorific, q.title, q.affiliation, q.speaker_code,
		q.unnamed, q.speaker_start, q.speaker_end, q.issues,
		(SELECT count(DISTINCT CASE WHEN d2.outlet != '' THEN d2.outlet ELSE 'doc:' || d2.id END)
			FROM quote_pieces p2 JOIN quotes q2 ON q2.id = p2.quote_id JOIN documents d2 ON d2.id = q2.doc_id
			WHERE p2.hash IN (SELECT hash FROM quote_pieces WHERE quote_id = q.id))
		FROM quotes q JOIN documents d ON d.id = q.doc_id`
	if len(where) > 0 {
		sqlText += " WHERE " + strings.Join(where, " AND ")
	}
	sqlText += " ORDER BY coalesce(d.published, d.fetched) DESC, q.id"
	if q.Limit > 0 {
		sqlText += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	rows, err := s.db.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, fmt.Errorf("list quotes: %w", err)
	}
	defer rows.Close()
	var out []model.Quote
	for rows.Next() {
		var r model.Quote
		var issues string
		sp := &r.Speaker
		if err := rows.Scan(&r.DocumentID, &r.DocumentURL, &r.Sentence, &r.Text, &r.Kind, &r.Cue,
			&r.Offsets.Start, &r.Offsets.End, &sp.Key, &sp.Text, &sp.Name, &sp.Honorific, &sp.Title,
			&sp.Affiliation, &sp.Code, &sp.Unnamed, &sp.Offsets.Start, &sp.Offsets.End, &issues, &r.Outlets); err != nil {
			return nil, err
		}
		r.Issues = splitList(issues)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Speakers lists the speaker registry: named speakers by number of quotes.
func (s *SQLite) Speakers(ctx context.Context) ([]Speaker, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT q.speaker_key, q.speaker_name, q.title, q.affiliation, q.speaker_code,
		d.id, CASE WHEN d.outlet != '' THEN d.outlet ELSE 'doc:' || d.id END
		FROM quotes q JOIN documents d ON d.id = q.doc_id
		WHERE q.unnamed = 0 AND q.speaker_key != ''
		ORDER BY q.speaker_key, q.id`)
	if err != nil {
		return nil, fmt.Errorf("list speakers: %w", err)
	}
	defer rows.Close()
	var out []Speaker
	var docs, outlets, names map[string]int
	flush := func() {
		if len(out) == 0 {
			return
		}
		sp := &out[len(out)-1]
		sp.Documents, sp.Outlets = len(docs), len(outlets)
		best := 0
		for n, c := range names {
			// The most frequent form names the speaker; ties go to the longer form.
			if c > best || (c == best && len(n) > len(sp.Name)) {
				sp.Name, best = n, c
			}
		}
		for n := range names {
			if n != sp.Name {
				sp.Variants = append(sp.Variants, n)
			}
		}
		slices.Sort(sp.Variants)
	}
	for rows.Next() {
		var key, name, title, aff, code, outlet string
		var doc int64
		if err := rows.Scan(&key, &name, &title, &aff, &code, &doc, &outlet); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Key != key {
			flush()
			out = append(out, Speaker{Key: key})
			docs, outlets, names = map[string]int{}, map[string]int{}, map[string]int{}
		}
		sp := &out[len(out)-1]
		sp.Quotes++
		docs[fmt.Sprint(doc)]++
		outlets[outlet]++
		names[name]++
		if title != "" {
			sp.Title = title
		}
		if aff != "" {
			sp.Affiliation = aff
		}
		if code != "" {
			sp.Code = code
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	flush()
	sort.SliceStable(out, func(i, j int) bool { return out[i].Quotes > out[j].Quotes })
	return out, nil
}
