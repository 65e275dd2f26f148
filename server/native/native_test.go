package native

import (
	"context"
	"strings"
	"testing"
)

func TestCall(t *testing.T) {
	e := New(strings.Repeat("ab", 32))
	if e.ID() != strings.Repeat("ab", 32) {
		t.Errorf("ID = %q", e.ID())
	}
	out, err := e.Call(context.Background(), "transition", []byte(`{"from":"sent","event":"withdraw_request"}`))
	if err != nil || string(out) != `{"ok":{"to":"withdraw_requested"}}` {
		t.Errorf("transition = %s, %v", out, err)
	}
	out, err = e.Call(context.Background(), "no_such_op", nil)
	if err != nil || !strings.Contains(string(out), `"code":"unsupported"`) {
		t.Errorf("unknown op = %s, %v; want an unsupported envelope", out, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Call(ctx, "version", nil); err == nil {
		t.Error("a cancelled context was ignored")
	}
}
