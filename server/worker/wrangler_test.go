//go:build !js

package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/goccy/go-json"
)

// wranglerBin is wrangler as `npm ci` installs it in this directory.
const wranglerBin = "node_modules/.bin/wrangler"

// requireWrangler returns the path of wrangler. Where it is not installed the
// test is skipped — except in CI (CI=true), where the lockfile's packages are
// installed with `npm ci` once, and a failure to do so fails the test.
func requireWrangler(t testing.TB) string {
	t.Helper()
	p, err := filepath.Abs(wranglerBin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		msg := "wrangler is not installed in server/worker/node_modules: run `npm ci --prefix server/worker`"
		if os.Getenv("CI") != "true" {
			t.Skip(msg)
		}
		if out, err := npmCI(); err != nil {
			t.Fatalf("%s; npm ci failed: %v\n%s", msg, err, out)
		}
	}
	return p
}

// npmCI installs this directory's npm packages once per test binary.
var npmCI = sync.OnceValues(func() (string, error) {
	out, err := exec.Command("npm", "ci", "--no-audit", "--no-fund").CombinedOutput()
	return string(out), err
})

// buildOnce builds the Worker once per test binary with build.sh.
var buildOnce = sync.OnceValues(func() (string, error) {
	cmd := exec.Command("./build.sh")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("build.sh: %w\n%s", err, out)
	}
	return string(out), nil
})

// worker is a running `wrangler dev` of this Worker on 127.0.0.1 with local D1.
type worker struct {
	URL    string
	Secret string // INVITEGUARD_ADMIN_SECRET
	Origin string // the CORS origin configured
	// Ready is how long `wrangler dev` took from spawn to the first answered /readyz.
	Ready time.Duration
	// Warm is how long after that requests took until they were answered quickly.
	Warm  time.Duration
	cmd   *exec.Cmd
	log   *bytes.Buffer
	logMu *sync.Mutex
}

// wranglerEnv is the environment of wrangler: offline, no account, no telemetry.
func wranglerEnv(dir string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "CLOUDFLARE_") || strings.HasPrefix(k, "CF_") || strings.HasPrefix(k, "WRANGLER_") {
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"WRANGLER_SEND_METRICS=false",
		"WRANGLER_SEND_ERROR_REPORTS=false",
		"WRANGLER_LOG_PATH="+filepath.Join(dir, "logs"),
		"XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"NO_COLOR=1", "FORCE_COLOR=0",
	)
}

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// lockedWriter serialises writes of wrangler's stdout and stderr into one buffer.
type lockedWriter struct {
	mu  *sync.Mutex
	buf *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

// workerOptions change a test's Worker from the one wrangler.toml describes.
type workerOptions struct {
	// Vars are extra NAME:VALUE variables (later ones win).
	Vars []string
	// RateLimit, when > 0, replaces the RATE_LIMITER binding's limit per minute.
	RateLimit int
	// Config, when set, is the wrangler config of another Worker to run, built
	// by the caller, on a D1 without migrations.
	Config string
}

// testConfig writes a copy of wrangler.toml into dir with the rate limit
// replaced and the paths made absolute, and returns its path.
func testConfig(t testing.TB, dir string, limit int) string {
	t.Helper()
	here, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("wrangler.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg := string(src)
	for _, r := range [][2]string{
		{`limit = 1200,`, fmt.Sprintf(`limit = %d,`, limit)},
		{`main = "./build/worker.mjs"`, fmt.Sprintf(`main = %q`, filepath.Join(here, "build", "worker.mjs"))},
		{`migrations_dir = "../sqlite/migrations"`, fmt.Sprintf(`migrations_dir = %q`, filepath.Join(here, "..", "sqlite", "migrations"))},
	} {
		if !strings.Contains(cfg, r[0]) {
			t.Fatalf("wrangler.toml no longer contains %s", r[0])
		}
		cfg = strings.Replace(cfg, r[0], r[1], 1)
	}
	p := filepath.Join(dir, "wrangler.toml")
	if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// startWorker builds the Worker, migrates a fresh local D1 in a temporary
// state directory with the server's migration files and starts `wrangler dev`.
// The worker is stopped (with every process wrangler started) when t ends.
func startWorker(t testing.TB, o workerOptions) *worker {
	t.Helper()
	wrangler := requireWrangler(t)
	if o.Config == "" {
		if out, err := buildOnce(); err != nil {
			t.Fatal(err)
		} else {
			t.Log(strings.TrimSpace(out))
		}
	}
	dir := t.TempDir()
	state := filepath.Join(dir, "state")
	env := wranglerEnv(dir)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var config []string
	switch {
	case o.Config != "":
		config = []string{"--config", o.Config}
	case o.RateLimit > 0:
		config = []string{"--config", testConfig(t, dir, o.RateLimit)}
	}
	if o.Config == "" {
		mig := exec.CommandContext(ctx, wrangler, append([]string{"d1", "migrations", "apply", "DB", "--local", "--persist-to", state}, config...)...)
		mig.Env = env
		if out, err := mig.CombinedOutput(); err != nil {
			t.Fatalf("wrangler d1 migrations apply: %v\n%s", err, out)
		}
	}

	secretBytes := make([]byte, 24)
	_, _ = rand.Read(secretBytes)
	w := &worker{Secret: hex.EncodeToString(secretBytes), Origin: "chrome-extension://" + strings.Repeat("a", 32),
		log: &bytes.Buffer{}, logMu: &sync.Mutex{}}
	port := freePort(t)
	w.URL = fmt.Sprintf("http://127.0.0.1:%d", port)
	args := []string{"dev", "--ip", "127.0.0.1", "--port", fmt.Sprint(port), "--inspector-port", fmt.Sprint(freePort(t)),
		"--persist-to", state, "--show-interactive-dev-session=false",
		"--var", "INVITEGUARD_ADMIN_SECRET:" + w.Secret, "--var", "INVITEGUARD_CORS_ORIGINS:" + w.Origin}
	for _, v := range o.Vars {
		args = append(args, "--var", v)
	}
	args = append(args, config...)
	w.cmd = exec.Command(wrangler, args...)
	w.cmd.Env = env
	w.cmd.Stdout = lockedWriter{w.logMu, w.log}
	w.cmd.Stderr = lockedWriter{w.logMu, w.log}
	w.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // wrangler starts workerd: stop the group
	start := time.Now()
	if err := w.cmd.Start(); err != nil {
		t.Fatalf("start wrangler dev: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- w.cmd.Wait() }()
	t.Cleanup(func() { w.stop(t, exited) })

	client := &http.Client{Timeout: 10 * time.Second}
	deadline := time.Now().Add(90 * time.Second)
	for {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("wrangler dev exited before it was ready: %v\n%s", err, w.Log())
		default:
		}
		resp, err := client.Get(w.URL + "/readyz")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				w.Ready = time.Since(start)
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("/readyz answered %d %s\n%s", resp.StatusCode, body, w.Log())
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("wrangler dev not ready after 90 s: %v\n%s", err, w.Log())
		}
		time.Sleep(100 * time.Millisecond)
	}
	w.Warm = w.warmUp(client, 30*time.Second)
	return w
}

// warmUp sends requests of the kinds a client starts with until three in a
// row are answered within half a second, or until limit passes, and returns
// how long that took. Right after start workerd is still compiling the 13 MB
// module in the background, and on a busy machine single requests then took
// seconds (once a minute): a server is ready when it answers, warm when it
// answers quickly.
func (w *worker) warmUp(client *http.Client, limit time.Duration) time.Duration {
	start := time.Now()
	paths := []string{"/healthz", "/v1/version", "/v1/nothing-here", "/v1/me"}
	for fast, i := 0, 0; fast < 3 && time.Since(start) < limit; i++ {
		t := time.Now()
		resp, err := client.Get(w.URL + paths[i%len(paths)])
		if err != nil {
			fast = 0
			continue
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if time.Since(t) < 500*time.Millisecond {
			fast++
		} else {
			fast = 0
		}
	}
	return time.Since(start)
}

// stop ends wrangler and workerd: SIGTERM to the process group, SIGKILL after 5 s.
func (w *worker) stop(t testing.TB, exited chan error) {
	pgid := w.cmd.Process.Pid
	_ = syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
		<-exited
	}
	_ = syscall.Kill(-pgid, syscall.SIGKILL) // anything of the group still alive
	if t.Failed() {
		t.Logf("wrangler dev output:\n%s", w.Log())
	} else if slow := slowest(w.Log(), 5); slow != "" {
		t.Logf("slowest requests as wrangler timed them:\n%s", slow)
	}
}

// requestLine matches wrangler's log of an answered request: "GET /v1/me 200 OK (12ms)".
var requestLine = regexp.MustCompile(`\[wrangler:inf\] (\S+ \S+ \d+)[^(]*\((\d+)ms\)`)

// slowest lists the n slowest requests of a wrangler log and how many took over a second.
func slowest(log string, n int) string {
	type req struct {
		what string
		ms   int
	}
	var reqs []req
	for _, m := range requestLine.FindAllStringSubmatch(log, -1) {
		ms, _ := strconv.Atoi(m[2])
		reqs = append(reqs, req{m[1], ms})
	}
	if len(reqs) == 0 {
		return ""
	}
	slices.SortFunc(reqs, func(a, b req) int { return b.ms - a.ms })
	over := 0
	for _, r := range reqs {
		if r.ms > 1000 {
			over++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "  %d requests, %d over 1 s, median %d ms\n", len(reqs), over, reqs[len(reqs)/2].ms)
	for _, r := range reqs[:min(n, len(reqs))] {
		fmt.Fprintf(&b, "  %6d ms  %s\n", r.ms, r.what)
	}
	return b.String()
}

// Log returns what wrangler printed so far.
func (w *worker) Log() string {
	w.logMu.Lock()
	defer w.logMu.Unlock()
	return w.log.String()
}

// adminDo calls an admin endpoint with the admin secret (or with auth when given).
func (w *worker) adminDo(t testing.TB, method, path string, body any, auth ...string) (int, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, w.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	a := "Bearer " + w.Secret
	if len(auth) > 0 {
		a = auth[0]
	}
	req.Header.Set("Authorization", a)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, out
}

// createdToken is the answer of POST /admin/v1/tokens.
type createdToken struct {
	Token string `json:"token"`
	Info  struct {
		ID string `json:"id"`
	} `json:"info"`
}

// newToken creates a token through the admin endpoint; ttl "" never expires.
func (w *worker) newToken(t testing.TB, user, label, ttl string) createdToken {
	t.Helper()
	status, body := w.adminDo(t, "POST", "/admin/v1/tokens", map[string]string{"user": user, "label": label, "ttl": ttl})
	if status != http.StatusCreated {
		t.Fatalf("create token for %s: %d %s", user, status, body)
	}
	var c createdToken
	if err := json.Unmarshal(body, &c); err != nil || !strings.HasPrefix(c.Token, "igt_") {
		t.Fatalf("create token for %s: %v in %s", user, err, body)
	}
	return c
}

// revoke revokes a token through the admin endpoint.
func (w *worker) revoke(t testing.TB, user, id string) {
	t.Helper()
	if status, body := w.adminDo(t, "POST", "/admin/v1/tokens/"+id+"/revoke", map[string]string{"user": user}); status != http.StatusOK {
		t.Fatalf("revoke %s: %d %s", id, status, body)
	}
}

// me sends GET /v1/me with a token and returns the (closed) response.
func (w *worker) me(t testing.TB, token string) *http.Response {
	t.Helper()
	req, err := http.NewRequest("GET", w.URL+"/v1/me", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}
