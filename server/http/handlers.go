package httpapi

import (
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
)

func (a *api) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (a *api) readyz(w http.ResponseWriter, r *http.Request) {
	if err := a.svc.Ready(r.Context()); err != nil {
		// The cause (a path, a driver's message) is for the operator's log, not for whoever asks.
		a.log.WarnContext(r.Context(), "not ready", "err", err)
		writeErrorCode(w, http.StatusServiceUnavailable, core.CodeUnavailable, "not ready; the server log has the details")
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready", "engine": a.svc.EngineID()})
}

// versionBody is the answer of GET /v1/version.
type versionBody struct {
	Engine string `json:"engine"`
	core.VersionInfo
}

func (a *api) version(w http.ResponseWriter, r *http.Request) {
	v, err := a.svc.Version(r.Context())
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, versionBody{Engine: a.svc.EngineID(), VersionInfo: v})
}

func (a *api) me(w http.ResponseWriter, r *http.Request, _ string) {
	p := principal(r.Context())
	writeJSON(w, http.StatusOK, map[string]string{"user": p.User.Name, "token": p.TokenID, "engine": a.svc.EngineID()})
}

func (a *api) recordBatch(w http.ResponseWriter, r *http.Request, userID string) {
	in, err := a.readRecordBody(w, r)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	b, replay, err := a.svc.RecordBatch(r.Context(), userID, in)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	status := http.StatusCreated
	if replay {
		status = http.StatusOK
		w.Header().Set("X-Idempotent-Replay", "true")
	}
	w.Header().Set("Location", "/v1/batches/"+b.ID)
	writeJSON(w, status, b)
}

func (a *api) listBatches(w http.ResponseWriter, r *http.Request, userID string) {
	q := newQuery(r.URL, "network", "verdict", "from", "to", "cursor", "limit")
	in := server.BatchQuery{
		Network: core.Network(q.str("network")), Verdict: core.Verdict(q.str("verdict")),
		From: q.time("from"), To: q.time("to"), Cursor: q.str("cursor"), Limit: q.int("limit"),
	}
	if q.err != nil {
		a.writeError(w, r, q.err)
		return
	}
	p, err := a.svc.ListBatches(r.Context(), userID, in)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (a *api) getBatch(w http.ResponseWriter, r *http.Request, userID string) {
	id, err := pathID(r, "id")
	if err == nil {
		var b server.Batch
		if b, err = a.svc.GetBatch(r.Context(), userID, id); err == nil {
			writeJSON(w, http.StatusOK, b)
			return
		}
	}
	a.writeError(w, r, err)
}

func (a *api) verifyBatch(w http.ResponseWriter, r *http.Request, userID string) {
	id, err := pathID(r, "id")
	if err == nil {
		var v server.Verification
		if v, err = a.svc.VerifyBatch(r.Context(), userID, id); err == nil {
			writeVerification(w, v)
			return
		}
	}
	a.writeError(w, r, err)
}

func (a *api) verify(w http.ResponseWriter, r *http.Request, _ string) {
	in, err := a.readVerifyBody(w, r)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	v, err := a.svc.Verify(r.Context(), in)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeVerification(w, v)
}

func (a *api) listInvitations(w http.ResponseWriter, r *http.Request, userID string) {
	q := newQuery(r.URL, "status", "network", "batch", "from", "to", "cursor", "limit")
	in := server.InvitationQuery{
		Network: core.Network(q.str("network")), BatchID: q.str("batch"),
		From: q.time("from"), To: q.time("to"), Cursor: q.str("cursor"), Limit: q.int("limit"),
	}
	for _, s := range q.list("status") {
		in.States = append(in.States, core.State(s))
	}
	if q.err != nil {
		a.writeError(w, r, q.err)
		return
	}
	p, err := a.svc.ListInvitations(r.Context(), userID, in)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (a *api) getInvitation(w http.ResponseWriter, r *http.Request, userID string) {
	id, err := pathID(r, "id")
	if err == nil {
		var inv server.Invitation
		if inv, err = a.svc.GetInvitation(r.Context(), userID, id); err == nil {
			writeJSON(w, http.StatusOK, inv)
			return
		}
	}
	a.writeError(w, r, err)
}

func (a *api) reconcile(w http.ResponseWriter, r *http.Request, userID string) {
	var in server.Scan
	if err := a.readBody(w, r, &in); err != nil {
		a.writeError(w, r, err)
		return
	}
	res, err := a.svc.Reconcile(r.Context(), userID, in)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (a *api) createJob(w http.ResponseWriter, r *http.Request, userID string) {
	var in server.CreateJob
	if err := a.readBody(w, r, &in); err != nil {
		a.writeError(w, r, err)
		return
	}
	j, err := a.svc.CreateJob(r.Context(), userID, in)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	w.Header().Set("Location", "/v1/jobs/"+j.ID)
	writeJSON(w, http.StatusCreated, j)
}

func (a *api) listJobs(w http.ResponseWriter, r *http.Request, userID string) {
	q := newQuery(r.URL, "status", "cursor", "limit")
	in := server.JobQuery{Status: server.JobStatus(q.str("status")), Cursor: q.str("cursor"), Limit: q.int("limit")}
	if q.err != nil {
		a.writeError(w, r, q.err)
		return
	}
	p, err := a.svc.ListJobs(r.Context(), userID, in)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (a *api) getJob(w http.ResponseWriter, r *http.Request, userID string) {
	id, err := pathID(r, "id")
	if err == nil {
		var j server.Job
		if j, err = a.svc.GetJob(r.Context(), userID, id); err == nil {
			writeJSON(w, http.StatusOK, j)
			return
		}
	}
	a.writeError(w, r, err)
}

func (a *api) changeJob(action server.JobAction) authed {
	return func(w http.ResponseWriter, r *http.Request, userID string) {
		id, err := pathID(r, "id")
		if err == nil {
			var j server.Job
			if j, err = a.svc.ChangeJob(r.Context(), userID, id, action); err == nil {
				writeJSON(w, http.StatusOK, j)
				return
			}
		}
		a.writeError(w, r, err)
	}
}

func (a *api) reportItem(w http.ResponseWriter, r *http.Request, userID string) {
	var in server.ItemReport
	if err := a.readBody(w, r, &in); err != nil {
		a.writeError(w, r, err)
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	inv, err := pathID(r, "invitation")
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	it, err := a.svc.ReportItem(r.Context(), userID, id, inv, in)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, it)
}

func (a *api) getPolicy(w http.ResponseWriter, r *http.Request, userID string) {
	p, err := a.svc.GetPolicy(r.Context(), userID)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// putPolicy replaces the policy; fields left out take the default values.
func (a *api) putPolicy(w http.ResponseWriter, r *http.Request, userID string) {
	p, err := a.svc.DefaultPolicy(r.Context())
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	if err := a.readBody(w, r, &p); err != nil {
		a.writeError(w, r, err)
		return
	}
	p, err = a.svc.SetPolicy(r.Context(), userID, p)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (a *api) export(w http.ResponseWriter, r *http.Request, userID string) {
	q := newQuery(r.URL, "format", "table")
	format, table := q.str("format"), q.str("table")
	if q.err != nil {
		a.writeError(w, r, q.err)
		return
	}
	if format != "" && format != "json" && format != "csv" {
		a.writeError(w, r, core.Errorf(core.CodeInvalid, "format must be json or csv, got %q", format))
		return
	}
	if format != "csv" && table != "" {
		a.writeError(w, r, core.Errorf(core.CodeInvalid, "table applies to format=csv only"))
		return
	}
	if format == "csv" && table == "" {
		table = "invitations"
	}
	if format == "csv" && !slices.Contains(server.CSVTables, table) {
		a.writeError(w, r, core.Errorf(core.CodeInvalid, "table must be one of %s, got %q", strings.Join(server.CSVTables, ", "), table))
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if format == "csv" {
		h.Set("Content-Type", "text/csv; charset=utf-8")
		h.Set("Content-Disposition", `attachment; filename="inviteguard-`+table+`.csv"`)
	} else {
		format = "json"
		h.Set("Content-Type", "application/json; charset=utf-8")
		h.Set("Content-Disposition", `attachment; filename="inviteguard-export.json"`)
	}
	// Streamed as it is read (server.StreamExport): nothing of it is held in memory at once.
	cw := &countingWriter{w: w}
	if err := a.svc.StreamExport(r.Context(), userID, cw, format, table); err != nil {
		if cw.n == 0 {
			h.Del("Content-Disposition")
			a.writeError(w, r, err)
			return
		}
		// Half sent: cut the connection, so the client sees a failed download, not a short file.
		a.log.ErrorContext(r.Context(), "export stream failed", "err", err, "written", cw.n)
		panic(http.ErrAbortHandler)
	}
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
