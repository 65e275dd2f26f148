package server

import (
	"context"
	"sync"
	"testing"
	"time"
)

// slowEngine counts the calls running at once per user, and the peak per user.
type slowEngine struct {
	mu      sync.Mutex
	running map[string]int
	peak    map[string]int
}

func (e *slowEngine) ID() string { return "slow" }

func (e *slowEngine) Call(ctx context.Context, op string, in []byte) ([]byte, error) {
	u := userOf(ctx)
	e.mu.Lock()
	e.running[u]++
	e.peak[u] = max(e.peak[u], e.running[u])
	e.mu.Unlock()
	time.Sleep(5 * time.Millisecond)
	e.mu.Lock()
	e.running[u]--
	e.mu.Unlock()
	return []byte(`{"ok":{}}`), nil
}

// TestShareLimitsEachUser: one user's flood of calls runs at most perUser at
// once, so the pool keeps room for the others; other users and calls without
// a user are not held back by it.
func TestShareLimitsEachUser(t *testing.T) {
	slow := &slowEngine{running: map[string]int{}, peak: map[string]int{}}
	e := Share(slow, 2)
	var wg sync.WaitGroup
	for range 40 {
		wg.Go(func() { _, _ = e.Call(WithUser(context.Background(), "flooder"), OpDecide, nil) })
	}
	for _, u := range []string{"ana", "björn", "chen"} {
		wg.Go(func() { _, _ = e.Call(WithUser(context.Background(), u), OpDecide, nil) })
	}
	wg.Wait()
	if got, want := slow.peak["flooder"], 2; got != want {
		t.Errorf("the flooder ran %d calls at once, want at most (and here exactly) %d", got, want)
	}
	for _, u := range []string{"ana", "björn", "chen"} {
		if slow.peak[u] != 1 {
			t.Errorf("%s: peak %d, want its one call run", u, slow.peak[u])
		}
	}
	if n := len(e.(*sharedEngine).users); n != 0 {
		t.Errorf("%d idle users still kept", n)
	}
	ctx, cancel := context.WithCancel(WithUser(context.Background(), "flooder"))
	cancel()
	blocker := Share(slow, 1).(*sharedEngine)
	blocker.acquire("flooder").slots <- struct{}{}
	if _, err := blocker.Call(ctx, OpDecide, nil); err == nil {
		t.Error("a call waiting for a slot ignored its cancelled context")
	}
	if Share(slow, 0) != Engine(slow) {
		t.Error("Share(e, 0) should be e")
	}
}

// nativeEngine is an engine that says it runs natively.
type nativeEngine struct{ slowEngine }

func (e *nativeEngine) Runtime() string { return "native" }

// TestShareKeepsRuntime: a shared engine says how the engine it shares runs,
// so verify gives a native engine the request as it came.
func TestShareKeepsRuntime(t *testing.T) {
	for _, tt := range []struct {
		name string
		e    Engine
		want string
	}{
		{"native", &nativeEngine{}, "native"},
		{"without Runtime", &slowEngine{}, "wasm"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := engineRuntime(Share(tt.e, 1)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
