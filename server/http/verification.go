package httpapi

import (
	"net/http"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/server"
)

// verificationHead is server.Verification up to its computed decision, in
// the same order and with the same tags.
type verificationHead struct {
	Result        string              `json:"result"`
	Engine        string              `json:"engine"`
	EngineRuntime string              `json:"engineRuntime"`
	ClientEngine  string              `json:"clientEngine"`
	SameEngine    bool                `json:"sameEngine"`
	Differences   []server.Difference `json:"differences"`
}

// writeVerification writes a verification with the computed decision as the
// engine wrote it (0.02–0.2 MB), where encoding it as a json.RawMessage would
// check it again and copy it: the service's comparison has checked it
// (server.DiffJSON validates or decodes it). The fields around it are encoded
// as before.
func writeVerification(w http.ResponseWriter, v server.Verification) {
	head, err := json.Marshal(verificationHead{Result: v.Result, Engine: v.Engine, EngineRuntime: v.EngineRuntime,
		ClientEngine: v.ClientEngine, SameEngine: v.SameEngine, Differences: v.Differences})
	if err != nil || len(v.Computed) == 0 {
		writeJSON(w, http.StatusOK, v)
		return
	}
	b := make([]byte, 0, len(head)+len(v.Computed)+len(v.BatchID)+32)
	b = append(b, head[:len(head)-1]...)
	b = append(b, `,"computed":`...)
	b = append(b, v.Computed...)
	if v.BatchID != "" {
		id, _ := json.Marshal(v.BatchID)
		b = append(b, `,"batchId":`...)
		b = append(b, id...)
	}
	writeRaw(w, http.StatusOK, append(b, '}'))
}
