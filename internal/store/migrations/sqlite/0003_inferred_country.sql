-- An actor whose country was taken from the document, not from its words
-- ("Congress" in a story about the United States): 1, else 0.
ALTER TABLE events ADD COLUMN source_inferred INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN target_inferred INTEGER NOT NULL DEFAULT 0;
