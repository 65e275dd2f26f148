-- Issue 10: per-user quotas. stored_bytes is about what a user's rows take (a batch's request, decision and
-- sent list, each invitation's key, name and note plus a fixed 64 for its other columns), added to by every
-- write that adds rows, so a quota check reads one number instead of summing the user's data.
ALTER TABLE users ADD COLUMN stored_bytes INTEGER NOT NULL DEFAULT 0;
UPDATE users SET stored_bytes =
  COALESCE((SELECT SUM(LENGTH(request) + LENGTH(decision) + LENGTH(sent)) FROM batches WHERE batches.user_id = users.id), 0)
  + COALESCE((SELECT SUM(LENGTH(key) + LENGTH(name) + LENGTH(note) + 64) FROM invitations WHERE invitations.user_id = users.id), 0);
CREATE INDEX batches_user_recorded ON batches(user_id, recorded_at);
