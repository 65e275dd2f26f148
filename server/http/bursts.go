package httpapi

import (
	"net/http"

	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/server"
)

func (a *api) listBursts(w http.ResponseWriter, r *http.Request, userID string) {
	q := newQuery(r.URL, "network", "cursor", "limit")
	in := server.BurstQuery{Network: core.Network(q.str("network")), Cursor: q.str("cursor"), Limit: q.int("limit")}
	if q.err != nil {
		a.writeError(w, r, q.err)
		return
	}
	p, err := a.svc.ListBursts(r.Context(), userID, in)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (a *api) getBurst(w http.ResponseWriter, r *http.Request, userID string) {
	id, err := pathID(r, "id")
	if err == nil {
		var b server.Burst
		if b, err = a.svc.GetBurst(r.Context(), userID, id); err == nil {
			writeJSON(w, http.StatusOK, b)
			return
		}
	}
	a.writeError(w, r, err)
}

// detectBursts answers the engine's detect_bursts on the body (a
// core.BurstRequest) with the engine's result, byte for byte; nothing is stored.
func (a *api) detectBursts(w http.ResponseWriter, r *http.Request, _ string) {
	body, err := a.readRaw(w, r, a.maxDec)
	if err == nil {
		var res []byte
		if res, err = a.svc.DetectBursts(r.Context(), body); err == nil {
			writeRaw(w, http.StatusOK, res)
			return
		}
	}
	a.writeError(w, r, err)
}
