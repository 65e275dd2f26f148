package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/goccy/go-json"

	"github.com/inviteguard/inviteguard/server/wasmhost"
)

// The tests build the real binary and the real core.wasm from the current
// source (the commands of ./scripts/build; go's build cache makes this quick
// when nothing changed) and run them on 127.0.0.1 with SQLite files in
// temporary directories.
var (
	binary   string // the inviteguard binary
	loadgen  string // the igload binary
	coreWasm string // core.wasm, passed with --wasm
	cacheDir string // a wazero compilation cache shared by the tests
)

func TestMain(m *testing.M) {
	wasmhost.ServeChildIfAsked() // the engines of the in-process tests start this binary as their child
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "inviteguard-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary, coreWasm, cacheDir = filepath.Join(dir, "inviteguard"), filepath.Join(dir, "core.wasm"), filepath.Join(dir, "cache")
	loadgen = filepath.Join(dir, "igload")
	root, err := moduleRoot()
	if err == nil {
		err = goBuild(root, nil, "-o", binary, "./server/cmd/inviteguard")
	}
	if err == nil {
		err = goBuild(root, nil, "-o", loadgen, "./server/cmd/igload")
	}
	if err == nil {
		err = goBuild(root, []string{"GOOS=wasip1", "GOARCH=wasm"}, "-trimpath", "-buildmode=c-shared", "-o", coreWasm, "./wasm")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// moduleRoot is the directory of go.mod.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	return filepath.Dir(strings.TrimSpace(string(out))), nil
}

func goBuild(root string, env []string, args ...string) error {
	cmd := exec.Command("go", append([]string{"build"}, args...)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %v: %v\n%s", args, err, out)
	}
	return nil
}

// cli runs a command of the binary on a database and returns its standard output.
func cli(t testing.TB, db string, args ...string) string {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), "INVITEGUARD_DB="+db, "INVITEGUARD_WASM="+coreWasm, "INVITEGUARD_CACHE_DIR="+cacheDir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("inviteguard %v: %v\n%s", args, err, stderr.String())
	}
	return strings.TrimSpace(string(out))
}

// proc is a running server.
type proc struct {
	cmd        *exec.Cmd
	url        string
	metricsURL string // the --metrics-addr listener
	logs       *logBuffer
	done       chan error
}

// logBuffer collects a process's log lines.
type logBuffer struct {
	mu    sync.Mutex
	lines []string
}

func (l *logBuffer) add(s string) {
	l.mu.Lock()
	l.lines = append(l.lines, s)
	l.mu.Unlock()
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// freeAddr returns a free loopback address.
func freeAddr(t testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// start runs "inviteguard serve" on db with extra flags and waits until it is ready.
func start(t testing.TB, db string, extra ...string) *proc {
	t.Helper()
	addr, metricsAddr := freeAddr(t), freeAddr(t)
	args := append([]string{"serve", "--addr", addr, "--metrics-addr", metricsAddr, "--db", db, "--wasm", coreWasm, "--cache-dir", cacheDir}, extra...)
	cmd := exec.Command(binary, args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, url: "http://" + addr, metricsURL: "http://" + metricsAddr, logs: &logBuffer{}, done: make(chan error, 1)}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			p.logs.add(sc.Text())
		}
		p.done <- cmd.Wait()
	}()
	t.Cleanup(func() { p.kill() })
	if err := p.waitReady(30 * time.Second); err != nil {
		t.Fatalf("server not ready: %v\n%s", err, p.logs)
	}
	return p
}

// waitReady polls /readyz until it answers 200.
func (p *proc) waitReady(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		res, err := http.Get(p.url + "/readyz")
		if err == nil {
			_, _ = io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode == 200 {
				return nil
			}
		}
		select {
		case err := <-p.done:
			p.done <- err
			return fmt.Errorf("exited: %v", err)
		case <-time.After(10 * time.Millisecond):
		}
	}
	return fmt.Errorf("not ready after %v", timeout)
}

// kill ends the process with SIGKILL if it still runs.
func (p *proc) kill() {
	if p.cmd.ProcessState == nil {
		_ = p.cmd.Process.Signal(syscall.SIGKILL)
	}
	select {
	case err := <-p.done:
		p.done <- err
	case <-time.After(10 * time.Second):
	}
}

// stop sends SIGTERM and waits for the exit.
func (p *proc) stop(t testing.TB) error {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	return p.wait(t)
}

// wait waits for the exit after a SIGTERM and returns the exit error.
func (p *proc) wait(t testing.TB) error {
	t.Helper()
	select {
	case err := <-p.done:
		p.done <- err
		return err
	case <-time.After(30 * time.Second):
		t.Fatalf("no exit 30 s after SIGTERM\n%s", p.logs)
	}
	return nil
}

// getExport gets the user's export from the server at url and decodes it into v.
func getExport(t testing.TB, url, token string, v any) {
	t.Helper()
	req, err := http.NewRequest("GET", url+"/v1/export", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		b, _ := io.ReadAll(res.Body)
		t.Fatalf("GET /v1/export: %d %s", res.StatusCode, b)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("decode export: %v", err)
	}
}
