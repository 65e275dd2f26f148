package server

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/inviteguard/inviteguard/core"
)

// tokenPrefix starts every token, so that one is recognised in a config file or a leak scanner.
const tokenPrefix = "igt_"

// hashSecret returns the lowercase hex SHA-256 of a token secret.
func hashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// checkUserName accepts 1–64 printable characters without spaces at either end.
func checkUserName(name string) error {
	if name == "" || len(name) > 64 || !utf8.ValidString(name) || strings.TrimSpace(name) != name {
		return core.Errorf(core.CodeInvalid, "user name must be 1 to 64 bytes of text without surrounding spaces, got %q", truncate(name, 70))
	}
	for _, r := range name {
		if !unicode.IsPrint(r) {
			return core.Errorf(core.CodeInvalid, "user name %q contains a control character", name)
		}
	}
	return nil
}

// CreateToken creates a token for a user, creating the user first if needed.
// The returned string is the only time the token is seen; the store keeps its hash.
// ttl 0 means it never expires.
func (s *Service) CreateToken(ctx context.Context, userName, label string, ttl time.Duration) (string, Token, error) {
	if err := checkUserName(userName); err != nil {
		return "", Token{}, err
	}
	if ttl < 0 {
		return "", Token{}, core.Errorf(core.CodeInvalid, "token lifetime must not be negative")
	}
	var secretBytes [32]byte
	_, _ = rand.Read(secretBytes[:])
	secret := base64.RawURLEncoding.EncodeToString(secretBytes[:])
	now := s.Now()
	t := Token{ID: newID(""), Label: label, Hash: hashSecret(secret), CreatedAt: now}
	if ttl > 0 {
		exp := now.Add(ttl)
		t.ExpiresAt = &exp
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		u, err := tx.UserByName(ctx, userName)
		if core.ErrorCode(err) == core.CodeNotFound {
			u = User{ID: newID("u_"), Name: userName, CreatedAt: now}
			err = tx.CreateUser(ctx, u)
		}
		if err != nil {
			return err
		}
		t.UserID = u.ID
		return tx.CreateToken(ctx, t)
	})
	if err != nil {
		return "", Token{}, err
	}
	return tokenPrefix + t.ID + "_" + secret, t, nil
}

// ListTokens lists a user's tokens (never their secrets).
func (s *Service) ListTokens(ctx context.Context, userName string) ([]Token, error) {
	var out []Token
	err := s.store.View(ctx, func(tx Tx) error {
		u, err := tx.UserByName(ctx, userName)
		if err != nil {
			return err
		}
		out, err = tx.ListTokens(ctx, u.ID)
		return err
	})
	return out, err
}

// RevokeToken revokes one of a user's tokens.
func (s *Service) RevokeToken(ctx context.Context, userName, tokenID string) error {
	return s.store.Update(ctx, func(tx Tx) error {
		u, err := tx.UserByName(ctx, userName)
		if err != nil {
			return err
		}
		t, err := tx.TokenByID(ctx, tokenID)
		if err != nil {
			return err
		}
		if t.UserID != u.ID {
			return core.Errorf(core.CodeNotFound, "token %q not found for user %s", tokenID, userName)
		}
		return tx.RevokeToken(ctx, u.ID, tokenID, s.Now())
	})
}

// Principal is who a request acts for.
type Principal struct {
	User    User
	TokenID string
}

// Authenticate checks a bearer token and returns who it belongs to. Unknown,
// malformed, expired and revoked tokens are CodeUnauthorized.
func (s *Service) Authenticate(ctx context.Context, raw string) (Principal, error) {
	id, secret, ok := strings.Cut(strings.TrimPrefix(raw, tokenPrefix), "_")
	if !strings.HasPrefix(raw, tokenPrefix) || !ok || id == "" || secret == "" {
		return Principal{}, core.Errorf(core.CodeUnauthorized, "a bearer token (igt_…) is required")
	}
	// With the cache, the store's version is read before anything else: an
	// entry made from reads after it is stale at the next commit.
	var version int64
	cacheable := false
	if s.auth != nil {
		v, err := s.auth.version(ctx)
		if err == nil {
			p, found, err := s.auth.lookup(id, secret, v, s.Now())
			if found {
				return p, err
			}
			version, cacheable = v, true
		}
	}
	var p Principal
	var tok Token
	err := s.store.View(ctx, func(tx Tx) error {
		t, err := tx.TokenByID(ctx, id)
		if core.ErrorCode(err) == core.CodeNotFound {
			hashSecret(secret) // the same work for unknown IDs
			return core.Errorf(core.CodeUnauthorized, "unknown token")
		}
		if err != nil {
			return err
		}
		if subtle.ConstantTimeCompare([]byte(hashSecret(secret)), []byte(t.Hash)) != 1 {
			return core.Errorf(core.CodeUnauthorized, "unknown token")
		}
		if t.RevokedAt != nil {
			return core.Errorf(core.CodeUnauthorized, "token was revoked")
		}
		if t.ExpiresAt != nil && !s.Now().Before(*t.ExpiresAt) {
			return core.Errorf(core.CodeUnauthorized, "token expired at %s", t.ExpiresAt.Format(time.RFC3339))
		}
		u, err := tx.UserByID(ctx, t.UserID)
		if err != nil {
			return err
		}
		p, tok = Principal{User: u, TokenID: t.ID}, t
		return nil
	})
	if err == nil && cacheable {
		s.auth.store(tok, p, version)
	}
	return p, err
}
