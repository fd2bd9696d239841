-- What the analysis derives from each document. Offsets are code points.
ALTER TABLE documents ADD COLUMN analyzed TEXT NOT NULL DEFAULT ''; -- analysis version, '' = never analysed
ALTER TABLE documents ADD COLUMN notes TEXT NOT NULL DEFAULT '';    -- newline-separated caveats

CREATE TABLE entities (
	doc_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	sentence_index INTEGER NOT NULL,
	type           TEXT NOT NULL,
	text           TEXT NOT NULL,
	span_start     INTEGER NOT NULL,
	span_end       INTEGER NOT NULL
);
CREATE INDEX entities_doc ON entities(doc_id);
CREATE INDEX entities_text ON entities(text);

CREATE TABLE events (
	id             INTEGER PRIMARY KEY,
	doc_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	sentence_index INTEGER NOT NULL,
	sentence       TEXT NOT NULL,
	span_start     INTEGER NOT NULL,
	span_end       INTEGER NOT NULL,
	source_text    TEXT NOT NULL, source_code TEXT NOT NULL, source_name TEXT NOT NULL,
	source_start   INTEGER NOT NULL, source_end INTEGER NOT NULL,
	target_text    TEXT NOT NULL, target_code TEXT NOT NULL, target_name TEXT NOT NULL,
	target_start   INTEGER NOT NULL, target_end INTEGER NOT NULL,
	cameo          TEXT NOT NULL,
	cameo_label    TEXT NOT NULL,
	plover_type    TEXT NOT NULL, plover_mode TEXT NOT NULL, plover_context TEXT NOT NULL,
	goldstein      REAL NOT NULL,
	quad_class     INTEGER NOT NULL,
	modality       TEXT NOT NULL,
	event_date     TEXT NOT NULL, -- YYYY-MM-DD when resolved, else ''
	verb           TEXT NOT NULL,
	issues         TEXT NOT NULL  -- comma-separated issue ids
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_date ON events(event_date);

CREATE TABLE quotes (
	id             INTEGER PRIMARY KEY,
	doc_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	sentence_index INTEGER NOT NULL,
	text           TEXT NOT NULL,
	kind           TEXT NOT NULL,
	cue            TEXT NOT NULL,
	span_start     INTEGER NOT NULL,
	span_end       INTEGER NOT NULL,
	speaker_key    TEXT NOT NULL, -- registry key: one per person across documents
	speaker_text   TEXT NOT NULL,
	speaker_name   TEXT NOT NULL,
	honorific      TEXT NOT NULL,
	title          TEXT NOT NULL,
	affiliation    TEXT NOT NULL,
	speaker_code   TEXT NOT NULL,
	unnamed        INTEGER NOT NULL,
	speaker_start  INTEGER NOT NULL,
	speaker_end    INTEGER NOT NULL,
	issues         TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker_key);

-- Hashes of each quoted piece's normalised words: a quote is carried by every
-- outlet whose documents contain one of its pieces.
CREATE TABLE quote_pieces (
	quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
	hash     TEXT NOT NULL,
	PRIMARY KEY (hash, quote_id)
) WITHOUT ROWID;
CREATE INDEX quote_pieces_quote ON quote_pieces(quote_id);

CREATE TABLE document_issues (
	doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	issue  TEXT NOT NULL,
	PRIMARY KEY (doc_id, issue)
) WITHOUT ROWID;
CREATE INDEX document_issues_issue ON document_issues(issue);
