package wasmhost

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/inviteguard/inviteguard/wasm/golden"
)

// The tests run the real core.wasm, built from the current source in
// TestMain with the same command as ./scripts/build (go's build cache makes
// that quick when nothing changed), and a debug build of it with the
// inviteguard_debug exports (debug_trap, debug_spin, debug_grow).
var (
	coreWasm  []byte
	debugWasm []byte
)

func TestMain(m *testing.M) {
	ServeChildIfAsked() // an engine of these tests started this binary as its child
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "wasmhost-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if coreWasm, err = buildWasm(dir, "core.wasm"); err == nil {
		debugWasm, err = buildWasm(dir, "debug.wasm", "-tags", "inviteguard_debug")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// buildWasm builds ./wasm for wasip1 into dir/name, as ./scripts/build does.
func buildWasm(dir, name string, extra ...string) ([]byte, error) {
	root, err := golden.Dir() // <module>/core/testdata
	if err != nil {
		return nil, err
	}
	root = filepath.Dir(filepath.Dir(root))
	out := filepath.Join(dir, name)
	args := append([]string{"build", "-trimpath", "-buildmode=c-shared"}, extra...)
	args = append(args, "-o", out, "./wasm")
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building %s: %v\n%s", name, err, msg)
	}
	return os.ReadFile(out)
}

// shared caches one engine on coreWasm per instance count for the tests that
// don't change the engine's state; each test that breaks instances makes its own.
var (
	sharedMu sync.Mutex
	shared   = map[string]*Engine{}
)

// sharedEngine returns a long-lived engine on coreWasm with n instances.
func sharedEngine(t *testing.T, n int) *Engine {
	t.Helper()
	sharedMu.Lock()
	defer sharedMu.Unlock()
	key := fmt.Sprint(n)
	if e := shared[key]; e != nil {
		return e
	}
	e := newEngine(t, coreWasm, Options{Instances: n})
	shared[key] = e
	return e
}

// newEngine starts an engine (default options: the user's compilation
// cache); closeEngine closes it after the test, sharedEngine never does.
func newEngine(t *testing.T, wasm []byte, opts Options) *Engine {
	t.Helper()
	e, err := New(context.Background(), wasm, opts)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// closeEngine closes e at the end of the test.
func closeEngine(t *testing.T, e *Engine) {
	t.Cleanup(func() {
		if err := e.Close(context.Background()); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
}
