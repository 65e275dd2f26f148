// Command igload is a bounded load generator for the Invite Guard server. It
// only targets loopback addresses, runs for a fixed time (default 30 s, at
// most 10 min) with a fixed number of workers, and prints per operation the
// requests, errors, p50/p99 latency and throughput. It exits 1 if any request
// failed. ./scripts/load builds and starts a server and runs it.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/core"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "igload:", err)
		os.Exit(1)
	}
}

// op is one kind of request in the mix.
type op struct {
	name string
	// req makes the i-th request of a worker.
	req func(worker, i int) (method, path string, body []byte)
	// items is how many invitations one request stores (for record).
	items int
}

// result is what the workers measured for one op.
type result struct {
	lat    []time.Duration
	errors int
	first  string
}

func run() error {
	base := flag.String("url", "http://127.0.0.1:8787", "server base URL (loopback only)")
	token := flag.String("token", os.Getenv("INVITEGUARD_TOKEN"), "API token (or INVITEGUARD_TOKEN); several, comma-separated: one user each, workers take them in turn")
	abuser := flag.String("abuser-token", "", "a further user's token that floods verify with 1,000-recipient decisions beside the others (its figures are printed apart)")
	abusers := flag.Int("abuser-concurrency", 8, "the abusive user's concurrent workers (with -abuser-token)")
	duration := flag.Duration("duration", 30*time.Second, "how long to run (at most 10m)")
	workers := flag.Int("concurrency", 4, "concurrent workers (at most 64)")
	scenario := flag.String("scenario", "mixed", "verify (1,000-recipient decisions), record (batches), read (lists) or mixed")
	batch := flag.Int("batch", 100, "invitations per recorded batch (1 to 10,000)")
	variants := flag.Int("variants", 16, "different verify requests each worker goes through in turn (1 to 256)")
	form := flag.String("form", "v1", "the verify request's form: v1 (recipient objects, ABI version 1) or compact (ABI version 2, as the extension records a batch)")
	cpuProfile := flag.String("cpuprofile", "", "write igload's own CPU profile of the run to this file")
	flag.Parse()
	// The load generator shares the cores with the server it measures: it
	// collects a quarter as often as Go's default (its heap is small).
	debug.SetGCPercent(400)
	if *token == "" {
		return errors.New("no token: pass -token or set INVITEGUARD_TOKEN")
	}
	if *duration <= 0 || *duration > 10*time.Minute {
		return fmt.Errorf("-duration %v: must be in (0, 10m]", *duration)
	}
	if *workers < 1 || *workers > 64 {
		return fmt.Errorf("-concurrency %d: must be 1 to 64", *workers)
	}
	if *form != "v1" && *form != "compact" {
		return fmt.Errorf("-form %q: want v1 or compact", *form)
	}
	if *variants < 1 || *variants > 256 {
		return fmt.Errorf("-variants %d: must be 1 to 256", *variants)
	}
	if *batch < 1 || *batch > 10000 {
		return fmt.Errorf("-batch %d: must be 1 to 10,000", *batch)
	}
	if err := loopbackOnly(*base); err != nil {
		return err
	}
	if *abuser != "" && (*abusers < 1 || *abusers > 64) {
		return fmt.Errorf("-abuser-concurrency %d: must be 1 to 64", *abusers)
	}
	hc := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: *workers + *abusers, MaxConnsPerHost: *workers + *abusers},
	}
	var clients []*client
	for _, t := range strings.Split(*token, ",") {
		clients = append(clients, &client{base: strings.TrimRight(*base, "/"), token: strings.TrimSpace(t), http: hc})
	}
	c := clients[0]
	if err := c.waitReady(60 * time.Second); err != nil {
		return err
	}
	ops, err := c.ops(*scenario, *batch, *variants, *form == "compact")
	if err != nil {
		return err
	}
	fmt.Printf("igload: %s against %s, %d workers of %d users, %v\n", *scenario, c.base, *workers, len(clients), *duration)
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	ctx, cancel := context.WithTimeout(context.Background(), *duration)
	defer cancel()
	start := time.Now()
	var flood []result
	var floodOps []op
	done := make(chan struct{})
	if *abuser != "" {
		a := &client{base: c.base, token: *abuser, http: hc}
		if floodOps, err = a.ops("verify", *batch, *variants, *form == "compact"); err != nil {
			return fmt.Errorf("abusive user: %w", err)
		}
		fmt.Printf("igload: and one abusive user flooding verify with %d workers\n", *abusers)
		go func() {
			flood = drive(ctx, []*client{a}, floodOps, *abusers)
			close(done)
		}()
	} else {
		close(done)
	}
	results := drive(ctx, clients, ops, *workers)
	<-done
	elapsed := time.Since(start)
	failed := report(ops, results, elapsed, "")
	if floodOps != nil {
		fmt.Println("the abusive user (its 429s and waits are the point; not counted as failures):")
		report(floodOps, flood, elapsed, "abuser ")
	}
	if failed > 0 {
		return fmt.Errorf("%d requests failed", failed)
	}
	fmt.Println("errors: 0")
	return nil
}

// startCPUProfile writes a CPU profile of this process to path until the
// returned function is called.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("-cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("-cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// drive runs n workers until ctx ends, worker w as clients[w % len] going
// through ops in turn, and returns each op's measurements.
func drive(ctx context.Context, clients []*client, ops []op, n int) []result {
	results := make([]result, len(ops))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := range n {
		c := clients[w%len(clients)]
		wg.Go(func() {
			local := make([]result, len(ops))
			var buf bytes.Buffer
			for i := 0; ctx.Err() == nil; i++ {
				k := (w + i) % len(ops)
				method, path, body := ops[k].req(w, i)
				t := time.Now()
				err := c.do(method, path, body, &buf)
				if err != nil && ctx.Err() != nil {
					break // cut off by the end of the run
				}
				local[k].lat = append(local[k].lat, time.Since(t))
				if err != nil {
					local[k].errors++
					if local[k].first == "" {
						local[k].first = err.Error()
					}
				}
			}
			mu.Lock()
			for k := range local {
				results[k].lat = append(results[k].lat, local[k].lat...)
				results[k].errors += local[k].errors
				if results[k].first == "" {
					results[k].first = local[k].first
				}
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	return results
}

// report prints one line per op (requests, errors, p50, p99, req/s) and
// returns the number of failed requests.
func report(ops []op, results []result, elapsed time.Duration, prefix string) int {
	failed := 0
	fmt.Printf("%-15s %9s %7s %9s %9s %10s\n", "op", "requests", "errors", "p50", "p99", "req/s")
	for k, r := range results {
		slices.Sort(r.lat)
		n := len(r.lat)
		if n == 0 {
			continue
		}
		line := fmt.Sprintf("%-15s %9d %7d %9s %9s %10.1f", prefix+ops[k].name, n, r.errors,
			r.lat[n/2].Round(10*time.Microsecond), r.lat[n*99/100].Round(10*time.Microsecond), float64(n)/elapsed.Seconds())
		if ops[k].items > 0 {
			line += fmt.Sprintf("   %.0f invitations/s", float64((n-r.errors)*ops[k].items)/elapsed.Seconds())
		}
		fmt.Println(line)
		if r.errors > 0 {
			fmt.Printf("         first error: %s\n", r.first)
		}
		failed += r.errors
	}
	return failed
}

// waitReady polls /readyz until the server answers 200.
func (c *client) waitReady(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		res, err := c.http.Get(c.base + "/readyz")
		if err == nil {
			_, _ = io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s/readyz not ready after %v (last error: %v)", c.base, timeout, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// loopbackOnly refuses any target but this machine.
func loopbackOnly(base string) error {
	u, err := url.Parse(base)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("-url %q is not an http URL", base)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("-url %q: load is only sent to a loopback address (127.0.0.1, ::1, localhost)", base)
	}
	return nil
}

type client struct {
	base, token string
	http        *http.Client
}

// decide asks the server's engine for its decision on req through a verify
// (the answer's computed decision) and returns the engine id with it.
func (c *client) decide(req core.DecideRequest) (string, json.RawMessage, error) {
	body, _ := json.Marshal(map[string]any{"engineId": strings.Repeat("0", 64), "request": req, "decision": core.Decision{Verdict: core.Allow}})
	hreq, _ := http.NewRequest("POST", c.base+"/v1/verify", bytes.NewReader(body))
	hreq.Header.Set("Authorization", "Bearer "+c.token)
	res, err := c.http.Do(hreq)
	if err != nil {
		return "", nil, fmt.Errorf("first verify: %w", err)
	}
	defer res.Body.Close()
	var v struct {
		Engine   string          `json:"engine"`
		Computed json.RawMessage `json:"computed"`
	}
	if err := json.NewDecoder(res.Body).Decode(&v); err != nil || res.StatusCode != 200 {
		return "", nil, fmt.Errorf("first verify: %d %v", res.StatusCode, err)
	}
	return v.Engine, v.Computed, nil
}

// do sends one request; anything but 2xx is an error. The answer is read
// whole into buf (the worker's, reused: the load generator shares the
// machine with the server it measures).
func (c *client) do(method, path string, body []byte, buf *bytes.Buffer) error {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	buf.Reset()
	if _, err := buf.ReadFrom(res.Body); err != nil {
		return err
	}
	out := buf.Bytes()
	if res.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %d %s", method, path, res.StatusCode, bytes.TrimSpace(out[:min(len(out), 300)]))
	}
	if strings.HasSuffix(path, "/verify") && !bytes.Contains(out, []byte(`"result":"match"`)) {
		return fmt.Errorf("verify did not match: %s", out[:min(len(out), 300)])
	}
	return nil
}

// ops prepares the requests of a scenario: verify goes through variants
// different 1,000-recipient decisions (each worker starting at another one),
// their requests in the compact form if compact.
func (c *client) ops(scenario string, batch, variants int, compact bool) ([]op, error) {
	var out []op
	add := func(names ...string) bool {
		for _, n := range names {
			if scenario == n || scenario == "mixed" {
				return true
			}
		}
		return false
	}
	if add("verify", "record") {
		var engine string
		var bodies [][]byte
		for _, req := range decideRequests(variants, 1000, 14) {
			// Ask the server's engine for the decision once (the verify's computed side).
			e, computed, err := c.decide(req)
			if err != nil {
				return nil, err
			}
			engine = e
			var request any = req
			if c, ok := req.Compact(); ok && compact {
				request = c
			}
			body, _ := json.Marshal(map[string]any{"engineId": e, "request": request, "decision": computed})
			bodies = append(bodies, body)
		}
		if add("verify") {
			out = append(out, op{name: "verify", req: func(w, i int) (string, string, []byte) {
				return "POST", "/v1/verify", bodies[(w*7+i)%len(bodies)]
			}})
		}
		if add("record") {
			small := decideRequests(1, batch, 15)[0]
			sent := make([]int, batch)
			for i := range sent {
				sent[i] = i
			}
			// The body is the same but for the client batch id, which is spliced in.
			tmpl, _ := json.Marshal(map[string]any{"clientBatchId": "ID", "engineId": engine, "request": small,
				"decision": core.Decision{Verdict: core.Confirm, Friction: core.FrictionType, Count: batch}, "sent": sent})
			run := time.Now().UnixNano()
			out = append(out, op{name: "record", items: batch, req: func(w, i int) (string, string, []byte) {
				id := fmt.Sprintf("load-%x-%d-%d", run, w, i)
				return "POST", "/v1/batches", bytes.Replace(tmpl, []byte(`"clientBatchId":"ID"`), []byte(`"clientBatchId":"`+id+`"`), 1)
			}})
		}
	}
	if add("read") {
		out = append(out, op{name: "list", req: func(int, int) (string, string, []byte) { return "GET", "/v1/invitations?limit=100", nil }})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("unknown scenario %q: want verify, record, read or mixed", scenario)
	}
	return out, nil
}
