package server

import (
	"context"
	"crypto/subtle"
	"sync"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// DataVersion returns a number that differs from the one it returned before
// whenever anything was committed to the store since — by this process or
// any other, such as the CLI revoking a token beside a running server.
type DataVersion func(ctx context.Context) (int64, error)

// WithAuthCache makes Authenticate remember the tokens it accepted, as long
// as the store's DataVersion is what it was when the token was read: a
// request then checks its token against memory (the secret's hash, expiry)
// after one small read of the version instead of a read transaction of the
// token and its user. Any commit — a revocation, but also a recorded batch —
// makes every entry stale, so a revoked token is never accepted again, even
// when another process revoked it. RATIONALE.md, "Why an authentication
// cache keyed by SQLite's data version?".
func WithAuthCache(version DataVersion) Option {
	return func(s *Service) { s.auth = &authCache{version: version, tokens: map[string]authEntry{}} }
}

// maxAuthEntries bounds the cache; when full it starts again empty (tokens
// are few; only accepted ones are kept, so no caller can fill it).
const maxAuthEntries = 4096

// authCache is WithAuthCache's memory.
type authCache struct {
	version DataVersion
	mu      sync.RWMutex
	tokens  map[string]authEntry // by token ID
}

// authEntry is an accepted token as the store had it at version.
type authEntry struct {
	hash      string
	expiresAt *time.Time
	principal Principal
	version   int64
}

// lookup returns the principal of a token whose entry was read at the
// store's version (found false if there is none: the caller reads the
// store). A wrong secret or an expired token is an error, as the store's
// answer would be.
func (c *authCache) lookup(id, secret string, version int64, now time.Time) (p Principal, found bool, err error) {
	c.mu.RLock()
	e, ok := c.tokens[id]
	c.mu.RUnlock()
	if !ok || e.version != version {
		return Principal{}, false, nil
	}
	if subtle.ConstantTimeCompare([]byte(hashSecret(secret)), []byte(e.hash)) != 1 {
		return Principal{}, true, core.Errorf(core.CodeUnauthorized, "unknown token")
	}
	if e.expiresAt != nil && !now.Before(*e.expiresAt) {
		return Principal{}, true, core.Errorf(core.CodeUnauthorized, "token expired at %s", e.expiresAt.Format(time.RFC3339))
	}
	return e.principal, true, nil
}

// store remembers a token the store accepted at version (read before the
// token was).
func (c *authCache) store(t Token, p Principal, version int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.tokens) >= maxAuthEntries {
		clear(c.tokens)
	}
	c.tokens[t.ID] = authEntry{hash: t.Hash, expiresAt: t.ExpiresAt, principal: p, version: version}
}
