package httpapi

import (
	"context"
	"testing"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

func TestTokenBucket(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := NewTokenBucket(2, 3) // 2 a second, 3 at once
	l.now = func() time.Time { return now }
	ctx := context.Background()
	for i := range 3 {
		if ok, _, _ := l.Allow(ctx, "a"); !ok {
			t.Fatalf("request %d of the burst refused", i)
		}
	}
	ok, wait, _ := l.Allow(ctx, "a")
	if ok || wait != 500*time.Millisecond {
		t.Fatalf("over the burst: ok %v, wait %v; want refused, 500ms", ok, wait)
	}
	if ok, _, _ := l.Allow(ctx, "b"); !ok {
		t.Fatal("another key shares the bucket")
	}
	now = now.Add(500 * time.Millisecond)
	if ok, _, _ := l.Allow(ctx, "a"); !ok {
		t.Fatal("refilled token refused")
	}
	now = now.Add(time.Hour)
	l.Allow(ctx, "c")
	if _, kept := l.buckets["a"]; kept {
		t.Error("a full, idle bucket was not forgotten")
	}
}

func TestStatusTable(t *testing.T) {
	for code, want := range map[string]int{"invalid": 400, "too_large": 413, "not_found": 404, "conflict": 409,
		"illegal_transition": 409, "unauthorized": 401, "rate_limited": 429, "quota": 429, "unavailable": 503, "unsupported": 501, "engine": 503, "internal": 500, "nonsense": 500} {
		if got := StatusOf(core.Code(code)); got != want {
			t.Errorf("StatusOf(%s) = %d, want %d", code, got, want)
		}
	}
}
