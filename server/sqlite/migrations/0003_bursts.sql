-- Version 3: the bursts DetectBursts finds in a user's Sent list (issue 12). A row is the core's answer at
-- the last scan that showed the burst; id is the core's (stable under re-scans), so a scan updates its row.
-- Times are INTEGER Unix milliseconds (UTC); keys and invitation_ids are JSON arrays (TEXT).

CREATE TABLE bursts (
  id             TEXT NOT NULL,
  user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  network        TEXT NOT NULL,
  from_at        INTEGER NOT NULL,
  to_at          INTEGER NOT NULL,
  resolution     TEXT NOT NULL,
  count          INTEGER NOT NULL,
  accepted       INTEGER NOT NULL,
  gone           INTEGER NOT NULL,
  pending        INTEGER NOT NULL,
  usual_per_day  REAL NOT NULL,
  threshold      INTEGER NOT NULL,
  keys           TEXT NOT NULL,
  invitation_ids TEXT NOT NULL,
  first_seen_at  INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  PRIMARY KEY (user_id, id)
);
CREATE INDEX bursts_user_to ON bursts(user_id, to_at, id);
