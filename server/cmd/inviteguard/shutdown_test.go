package main

import (
	"bytes"
	"fmt"
	"net/http"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestGracefulShutdown sends SIGTERM while writes are in flight. The server
// stops accepting (connections still in the kernel's backlog are refused or
// reset) and drains what it accepted: after a restart, every write answered
// 201 is stored and no write whose answer was lost is stored (a stored but
// unanswered write would be a request dropped in the drain), and the process
// exits cleanly.
func TestGracefulShutdown(t *testing.T) {
	const writes = 300
	db := filepath.Join(t.TempDir(), "data", "inviteguard.db")
	tok := cli(t, db, "token", "create", "--user", "drain")
	engine := cli(t, db, "version", "--wasm", coreWasm)
	p := start(t, db, "--rate", "0")
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 30 * time.Second}
	var ok, refused atomic.Int64
	var mu sync.Mutex
	answered := map[string]bool{} // clientBatchId → answered 201
	var wg sync.WaitGroup
	term := make(chan struct{})
	var once sync.Once
	for i := range writes {
		id := fmt.Sprintf("drain-%04d", i)
		body := recordBody(t, engine, id, 50)
		wg.Go(func() {
			req, _ := http.NewRequest("POST", p.url+"/v1/batches", bytes.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+tok)
			res, err := client.Do(req)
			mu.Lock()
			answered[id] = err == nil && res.StatusCode == 201
			mu.Unlock()
			switch {
			case err != nil:
				// Refused, or reset in the kernel's backlog: never accepted by the
				// server. The restart below checks that none of these was stored.
				refused.Add(1)
			case res.StatusCode != 201:
				t.Errorf("request answered %d during the shutdown", res.StatusCode)
				res.Body.Close()
			default:
				res.Body.Close()
				if ok.Add(1) == 5 { // the server is busy: stop it now, with writes in flight
					once.Do(func() {
						_ = p.cmd.Process.Signal(syscall.SIGTERM)
						close(term)
					})
				}
			}
		})
	}
	wg.Wait()
	once.Do(func() { // fewer than 5 answered: stop it anyway (the checks below then fail)
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		close(term)
	})
	<-term
	if err := p.wait(t); err != nil {
		t.Errorf("exit after SIGTERM: %v\n%s", err, p.logs)
	}
	t.Logf("%d answered 201, %d refused or reset after the listener closed", ok.Load(), refused.Load())
	if ok.Load() == 0 {
		t.Error("no request was served")
	}
	p2 := start(t, db, "--rate", "0")
	var e struct {
		Batches []struct {
			ClientBatchID string `json:"clientBatchId"`
		} `json:"batches"`
	}
	getExport(t, p2.url, tok, &e)
	stored := map[string]bool{}
	for _, b := range e.Batches {
		stored[b.ClientBatchID] = true
		if !answered[b.ClientBatchID] {
			t.Errorf("write %s is stored but its answer was lost in the shutdown", b.ClientBatchID)
		}
	}
	for id, ok := range answered {
		if ok && !stored[id] {
			t.Errorf("write %s was answered 201 but is not stored", id)
		}
	}
}
