-- Documents, near-duplicate clusters, full-text index and feeds.
CREATE TABLE clusters (
	id       INTEGER PRIMARY KEY,
	size     INTEGER NOT NULL DEFAULT 0,
	outlets  INTEGER NOT NULL DEFAULT 0  -- distinct outlets that carried the story
);

CREATE TABLE documents (
	id            INTEGER PRIMARY KEY,
	ext_id        TEXT NOT NULL DEFAULT '',
	url           TEXT NOT NULL DEFAULT '',
	canonical_url TEXT NOT NULL DEFAULT '',
	title         TEXT NOT NULL DEFAULT '',
	byline        TEXT NOT NULL DEFAULT '',
	outlet        TEXT NOT NULL DEFAULT '',
	published     TEXT,                -- RFC 3339 UTC, NULL when unknown
	fetched       TEXT NOT NULL,       -- RFC 3339 UTC
	lang          TEXT NOT NULL DEFAULT '',
	text          TEXT NOT NULL,
	origin        TEXT NOT NULL DEFAULT '',
	content_hash  TEXT NOT NULL UNIQUE,
	minhash       BLOB,                -- NULL when the text has no words
	cluster_id    INTEGER NOT NULL REFERENCES clusters(id),
	similarity    REAL NOT NULL DEFAULT 1
);
CREATE INDEX documents_cluster ON documents(cluster_id);
CREATE INDEX documents_date ON documents(coalesce(published, fetched));
CREATE INDEX documents_outlet ON documents(outlet);

-- LSH band keys of each document's MinHash signature (internal/dedup).
CREATE TABLE lsh_bands (
	band_key INTEGER NOT NULL,
	doc_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	PRIMARY KEY (band_key, doc_id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE documents_fts USING fts5(
	title, text,
	content='documents', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT NOT NULL UNIQUE,
	title         TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	added         TEXT NOT NULL,
	last_polled   TEXT,
	last_ok       TEXT,
	errors        INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT NOT NULL DEFAULT '',
	next_poll     TEXT
);
