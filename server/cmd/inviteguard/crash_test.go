package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/core"
)

// recordBody makes the body of a recorded batch of n recipients, all sent.
func recordBody(t testing.TB, engine, clientID string, n int) []byte {
	member := true
	req := core.DecideRequest{Network: core.LinkedIn, Surface: core.SurfaceContactImport, Now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	sent := make([]int, n)
	for i := range n {
		req.Recipients = append(req.Recipients, core.Recipient{Key: fmt.Sprintf("https://www.linkedin.com/in/%s-%d/", clientID, i), Member: &member, Selected: true})
		sent[i] = i
	}
	b, err := json.Marshal(map[string]any{"clientBatchId": clientID, "engineId": engine, "request": req,
		"decision": core.Decision{Verdict: core.Confirm, Friction: core.FrictionClick, Count: n}, "sent": sent})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCrashSafety starts the real binary, sends 1,000 concurrent writes,
// kills it with SIGKILL midway, restarts it on the same file and checks that
// every write answered 2xx is there and no batch is half-written.
func TestCrashSafety(t *testing.T) {
	const writes, perBatch = 1000, 5
	db := filepath.Join(t.TempDir(), "data", "inviteguard.db")
	tok := cli(t, db, "token", "create", "--user", "crash")
	engine := cli(t, db, "version", "--wasm", coreWasm)
	p := start(t, db, "--rate", "0", "--quota-batches-per-day", "0")

	bodies := make([][]byte, writes)
	for i := range bodies {
		bodies[i] = recordBody(t, engine, fmt.Sprintf("crash-%04d", i), perBatch)
	}
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 64, MaxIdleConnsPerHost: 64}, Timeout: 30 * time.Second}
	var (
		mu      sync.Mutex
		acked   = map[string]string{} // clientBatchId → batch id
		count   atomic.Int64
		killed  = make(chan struct{})
		killOne sync.Once
		wg      sync.WaitGroup
	)
	for i := range writes {
		wg.Go(func() {
			req, _ := http.NewRequest("POST", p.url+"/v1/batches", bytes.NewReader(bodies[i]))
			req.Header.Set("Authorization", "Bearer "+tok)
			res, err := client.Do(req)
			if err != nil {
				return // in flight when the process died: unknown, not acknowledged
			}
			body, err := io.ReadAll(res.Body)
			res.Body.Close()
			if err != nil || res.StatusCode/100 != 2 {
				return
			}
			var b struct {
				ID string `json:"id"`
			}
			if json.Unmarshal(body, &b) != nil || b.ID == "" {
				t.Errorf("2xx without a batch id: %s", body)
				return
			}
			mu.Lock()
			acked[fmt.Sprintf("crash-%04d", i)] = b.ID
			mu.Unlock()
			if count.Add(1) == writes/3 {
				killOne.Do(func() {
					_ = p.cmd.Process.Signal(syscall.SIGKILL)
					close(killed)
				})
			}
		})
	}
	wg.Wait()
	select {
	case <-killed:
	default:
		t.Fatalf("all %d writes finished before the kill; nothing was tested", writes)
	}
	p.kill()
	mu.Lock()
	n := len(acked)
	mu.Unlock()
	if n >= writes {
		t.Fatalf("%d of %d writes acknowledged: the kill came too late", n, writes)
	}
	t.Logf("%d of %d writes acknowledged before SIGKILL", n, writes)

	p2 := start(t, db, "--rate", "0")
	var e struct {
		Batches []struct {
			ID            string `json:"id"`
			ClientBatchID string `json:"clientBatchId"`
			SentCount     int    `json:"sentCount"`
		} `json:"batches"`
		Invitations []struct {
			BatchID string `json:"batchId"`
		} `json:"invitations"`
	}
	getExport(t, p2.url, tok, &e)
	perBatchStored := map[string]int{}
	for _, inv := range e.Invitations {
		perBatchStored[inv.BatchID]++
	}
	stored := map[string]string{}
	for _, b := range e.Batches {
		stored[b.ClientBatchID] = b.ID
		if b.SentCount != perBatch || perBatchStored[b.ID] != perBatch {
			t.Errorf("batch %s is half-written: sentCount %d, %d invitations", b.ClientBatchID, b.SentCount, perBatchStored[b.ID])
		}
		delete(perBatchStored, b.ID)
	}
	if len(perBatchStored) != 0 {
		t.Errorf("invitations of batches that do not exist: %v", perBatchStored)
	}
	for cid, id := range acked {
		if stored[cid] != id {
			t.Errorf("acknowledged write %s (batch %s) is lost after the crash", cid, id)
		}
	}
	t.Logf("%d batches stored after restart, every acknowledged one among them", len(stored))
	if err := p2.stop(t); err != nil {
		t.Errorf("exit after SIGTERM: %v", err)
	}
}
