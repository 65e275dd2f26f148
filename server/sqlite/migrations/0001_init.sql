-- Invite Guard server schema, version 1. Portable SQLite: it runs unchanged on
-- Cloudflare D1. Times are INTEGER Unix milliseconds (UTC); JSON is TEXT.

CREATE TABLE users (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL UNIQUE,
  created_at        INTEGER NOT NULL,
  policy            TEXT,
  policy_updated_at INTEGER
);

CREATE TABLE tokens (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  label      TEXT NOT NULL DEFAULT '',
  hash       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX tokens_user ON tokens(user_id);

CREATE TABLE batches (
  id              TEXT PRIMARY KEY,
  user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  client_batch_id TEXT NOT NULL,
  body_hash       TEXT NOT NULL,
  engine_id       TEXT NOT NULL,
  network         TEXT NOT NULL,
  surface         TEXT NOT NULL,
  target          TEXT NOT NULL DEFAULT '',
  verdict         TEXT NOT NULL,
  friction        TEXT NOT NULL,
  recipients      INTEGER NOT NULL,
  count           INTEGER NOT NULL,
  sent_count      INTEGER NOT NULL,
  sent            TEXT NOT NULL,
  decided_at      INTEGER NOT NULL,
  sent_at         INTEGER NOT NULL,
  recorded_at     INTEGER NOT NULL,
  request         TEXT NOT NULL,
  decision        TEXT NOT NULL,
  UNIQUE (user_id, client_batch_id)
);
CREATE INDEX batches_user_sent ON batches(user_id, sent_at, id);

CREATE TABLE invitations (
  id            TEXT PRIMARY KEY,
  user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  batch_id      TEXT REFERENCES batches(id) ON DELETE CASCADE,
  key           TEXT NOT NULL,
  name          TEXT NOT NULL DEFAULT '',
  network       TEXT NOT NULL,
  surface       TEXT NOT NULL DEFAULT '',
  member        INTEGER,
  state         TEXT NOT NULL,
  sent_at       INTEGER NOT NULL,
  sent_earliest INTEGER,
  source        TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  updated_at    INTEGER NOT NULL
);
CREATE INDEX invitations_user_sent ON invitations(user_id, sent_at, id);
CREATE INDEX invitations_batch ON invitations(batch_id);
CREATE INDEX invitations_user_key ON invitations(user_id, key);

CREATE TABLE jobs (
  id               TEXT PRIMARY KEY,
  user_id          TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  status           TEXT NOT NULL,
  selector         TEXT NOT NULL,
  seed             TEXT NOT NULL,
  days             INTEGER NOT NULL,
  duration_seconds INTEGER NOT NULL,
  finish_at        INTEGER,
  skipped          TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);
CREATE INDEX jobs_user_created ON jobs(user_id, created_at, id);

CREATE TABLE job_items (
  job_id        TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  invitation_id TEXT NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
  user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL,
  key           TEXT NOT NULL,
  name          TEXT NOT NULL DEFAULT '',
  at            INTEGER NOT NULL,
  day           INTEGER NOT NULL,
  result        TEXT NOT NULL DEFAULT '',
  detail        TEXT NOT NULL DEFAULT '',
  reported_at   INTEGER,
  PRIMARY KEY (job_id, invitation_id)
);
CREATE INDEX job_items_reported ON job_items(user_id, result, reported_at);
