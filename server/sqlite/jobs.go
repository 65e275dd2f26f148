package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"time"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/server"
)

// itemRow is one job item as the JSON the bulk insert reads with json_each.
type itemRow struct {
	Inv  string `json:"i"`
	Seq  int    `json:"q"`
	Key  string `json:"k"`
	Name string `json:"n"`
	At   int64  `json:"a"`
	Day  int    `json:"d"`
}

func (t *tx) InsertJob(ctx context.Context, userID string, j server.Job) error {
	sel, err := json.Marshal(j.Selector)
	if err != nil {
		return storeErr("encode selector", err)
	}
	skipped, err := json.Marshal(j.Skipped)
	if err != nil {
		return storeErr("encode skipped", err)
	}
	_, err = t.q.ExecContext(ctx, `INSERT INTO jobs (id, user_id, status, selector, seed, days, duration_seconds, finish_at, skipped, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		j.ID, userID, string(j.Status), string(sel), strconv.FormatUint(j.Seed, 10), j.Days, j.DurationSeconds, msPtr(j.FinishAt),
		string(skipped), ms(j.CreatedAt), ms(j.UpdatedAt))
	if err != nil {
		return storeErr("insert job", err)
	}
	for chunk := range slices.Chunk(j.Items, rowsPerStatement) {
		rows := make([]itemRow, len(chunk))
		for i, it := range chunk {
			rows[i] = itemRow{Inv: it.InvitationID, Seq: it.Seq, Key: it.Key, Name: it.Name, At: ms(it.At), Day: it.Day}
		}
		doc, err := json.Marshal(rows)
		if err != nil {
			return storeErr("encode job items", err)
		}
		_, err = t.q.ExecContext(ctx, `INSERT INTO job_items (job_id, invitation_id, user_id, seq, key, name, at, day)
SELECT ?, json_extract(value, '$.i'), ?, json_extract(value, '$.q'), json_extract(value, '$.k'), json_extract(value, '$.n'),
  json_extract(value, '$.a'), json_extract(value, '$.d')
FROM json_each(?)`, j.ID, userID, string(doc))
		if err != nil {
			return storeErr("insert job items", err)
		}
	}
	return nil
}

const jobCols = `id, status, selector, seed, days, duration_seconds, finish_at, skipped, created_at, updated_at`

func scanJob(s interface{ Scan(...any) error }) (server.Job, error) {
	var j server.Job
	var status, sel, seed, skipped string
	var finish sql.NullInt64
	var created, updated int64
	if err := s.Scan(&j.ID, &status, &sel, &seed, &j.Days, &j.DurationSeconds, &finish, &skipped, &created, &updated); err != nil {
		return server.Job{}, err
	}
	j.Status = server.JobStatus(status)
	if err := json.Unmarshal([]byte(sel), &j.Selector); err != nil {
		return server.Job{}, err
	}
	if err := json.Unmarshal([]byte(skipped), &j.Skipped); err != nil {
		return server.Job{}, err
	}
	var err error
	if j.Seed, err = strconv.ParseUint(seed, 10, 64); err != nil {
		return server.Job{}, err
	}
	j.FinishAt, j.CreatedAt, j.UpdatedAt = fromNullMS(finish), fromMS(created), fromMS(updated)
	return j, nil
}

func (t *tx) Job(ctx context.Context, userID, id string) (server.Job, error) {
	j, err := scanJob(t.q.QueryRowContext(ctx, `SELECT `+jobCols+` FROM jobs WHERE user_id = ? AND id = ?`, userID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return server.Job{}, notFound("job", id)
	}
	if err != nil {
		return server.Job{}, storeErr("read job", err)
	}
	return j, nil
}

func (t *tx) ListJobs(ctx context.Context, userID string, f server.JobFilter) ([]server.Job, error) {
	w := &where{}
	w.add(`user_id = ?`, userID)
	if f.Status != "" {
		w.add(`status = ?`, string(f.Status))
	}
	rows, err := t.q.QueryContext(ctx, `SELECT `+jobCols+` FROM jobs`+w.page("created_at", nil, nil, f.After, f.Limit), w.args...)
	if err != nil {
		return nil, storeErr("list jobs", err)
	}
	defer rows.Close()
	var out []server.Job
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, storeErr("list jobs", err)
		}
		out = append(out, j)
	}
	if err := rows.Err(); err != nil {
		return nil, storeErr("list jobs", err)
	}
	return out, nil
}

func (t *tx) SetJobStatus(ctx context.Context, userID, id string, status server.JobStatus, at time.Time) error {
	_, err := t.q.ExecContext(ctx, `UPDATE jobs SET status = ?, updated_at = ? WHERE user_id = ? AND id = ?`, string(status), ms(at), userID, id)
	if err != nil {
		return storeErr("update job", err)
	}
	return nil
}

const itemCols = `invitation_id, seq, key, name, at, day, result, detail, reported_at`

func scanItem(s interface{ Scan(...any) error }) (server.JobItem, error) {
	var it server.JobItem
	var at int64
	var result string
	var reported sql.NullInt64
	if err := s.Scan(&it.InvitationID, &it.Seq, &it.Key, &it.Name, &at, &it.Day, &result, &it.Detail, &reported); err != nil {
		return server.JobItem{}, err
	}
	it.At, it.Result, it.ReportedAt = fromMS(at), server.ItemResult(result), fromNullMS(reported)
	return it, nil
}

func (t *tx) JobItems(ctx context.Context, userID, jobID string) ([]server.JobItem, error) {
	rows, err := t.q.QueryContext(ctx, `SELECT `+itemCols+` FROM job_items WHERE user_id = ? AND job_id = ? ORDER BY seq`, userID, jobID)
	if err != nil {
		return nil, storeErr("list job items", err)
	}
	defer rows.Close()
	out := []server.JobItem{}
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, storeErr("list job items", err)
		}
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, storeErr("list job items", err)
	}
	return out, nil
}

func (t *tx) JobItem(ctx context.Context, userID, jobID, invitationID string) (server.JobItem, error) {
	it, err := scanItem(t.q.QueryRowContext(ctx, `SELECT `+itemCols+` FROM job_items WHERE user_id = ? AND job_id = ? AND invitation_id = ?`,
		userID, jobID, invitationID))
	if errors.Is(err, sql.ErrNoRows) {
		return server.JobItem{}, notFound("job item", invitationID)
	}
	if err != nil {
		return server.JobItem{}, storeErr("read job item", err)
	}
	return it, nil
}

func (t *tx) ReportJobItem(ctx context.Context, userID, jobID string, it server.JobItem) error {
	_, err := t.q.ExecContext(ctx, `UPDATE job_items SET result = ?, detail = ?, reported_at = ? WHERE user_id = ? AND job_id = ? AND invitation_id = ? AND result = ''`,
		string(it.Result), it.Detail, msPtr(it.ReportedAt), userID, jobID, it.InvitationID)
	if err != nil {
		return storeErr("report job item", err)
	}
	return nil
}

func (t *tx) PendingJobItems(ctx context.Context, userID, jobID string) (int, error) {
	var n int
	err := t.q.QueryRowContext(ctx, `SELECT COUNT(*) FROM job_items WHERE user_id = ? AND job_id = ? AND result = ''`, userID, jobID).Scan(&n)
	if err != nil {
		return 0, storeErr("count job items", err)
	}
	return n, nil
}

func (t *tx) CountReported(ctx context.Context, userID string, r server.ItemResult, since time.Time) (int, error) {
	var n int
	err := t.q.QueryRowContext(ctx, `SELECT COUNT(*) FROM job_items WHERE user_id = ? AND result = ? AND reported_at >= ?`, userID, string(r), ms(since)).Scan(&n)
	if err != nil {
		return 0, storeErr("count reported", err)
	}
	return n, nil
}
