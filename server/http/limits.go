package httpapi

import (
	"context"
	"math"
	"sync"
	"time"
)

// RateLimiter decides whether one more request of a key (a token ID) may run
// now, and if not, how long to wait. The self-hosted server uses TokenBucket;
// the Workers build, which keeps nothing in memory between requests, can back
// it with its database.
type RateLimiter interface {
	Allow(ctx context.Context, key string) (ok bool, retryAfter time.Duration, err error)
}

// TokenBucket is an in-memory RateLimiter: each key may do Burst requests at
// once and Rate requests a second after that.
type TokenBucket struct {
	rate  float64
	burst float64
	now   func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
	sweep   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

// NewTokenBucket returns a limiter of rate requests a second with a burst.
func NewTokenBucket(rate float64, burst int) *TokenBucket {
	return &TokenBucket{rate: rate, burst: float64(max(1, burst)), now: time.Now, buckets: map[string]*bucket{}}
}

// Allow takes one token of key's bucket if there is one.
func (l *TokenBucket) Allow(_ context.Context, key string) (bool, time.Duration, error) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.sweep) > time.Minute {
		l.forgetFull(now)
	}
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = math.Min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0, nil
	}
	wait := time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
	return false, wait, nil
}

// forgetFull drops buckets that have refilled, so idle tokens cost nothing.
func (l *TokenBucket) forgetFull(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
			delete(l.buckets, k)
		}
	}
	l.sweep = now
}

// FailureLimiter limits failed authentications per client address: an
// address that failed too often is refused (429 with Retry-After) before its
// token is even looked at, so guessing and floods of bad tokens cost little.
type FailureLimiter interface {
	// Blocked reports whether key may not try now, and for how long.
	Blocked(ctx context.Context, key string) (blocked bool, retryAfter time.Duration, err error)
	// Fail counts one failed attempt of key and reports whether key is now
	// over its limit (this attempt is then answered 429, not 401).
	Fail(ctx context.Context, key string) (blocked bool, retryAfter time.Duration, err error)
}

// Blocked reports, without taking one, whether key's bucket has no token.
func (l *TokenBucket) Blocked(_ context.Context, key string) (bool, time.Duration, error) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		return false, 0, nil
	}
	tokens := math.Min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	if tokens >= 1 {
		return false, 0, nil
	}
	return true, time.Duration((1 - tokens) / l.rate * float64(time.Second)), nil
}

// Fail takes one token of key's bucket (a failure); blocked when none was left.
func (l *TokenBucket) Fail(ctx context.Context, key string) (bool, time.Duration, error) {
	ok, wait, err := l.Allow(ctx, key)
	return !ok, wait, err
}
