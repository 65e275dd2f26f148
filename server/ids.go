package server

import (
	"crypto/rand"
	"encoding/base32"
	"encoding/base64"
	"strings"
	"time"

	json "github.com/inviteguard/inviteguard/internal/jsonlib"

	"github.com/inviteguard/inviteguard/core"
)

var idEncoding = base32.NewEncoding("0123456789abcdefghjkmnpqrstvwxyz").WithPadding(base32.NoPadding)

// newID returns an ID with a prefix naming its kind ("b_", "inv_", …): 6
// bytes of the current Unix millisecond and 9 random bytes, base32. IDs made
// later sort later, so the indexes on them grow at their end (SQLite's
// B-trees fill pages instead of splitting them at random places).
func newID(prefix string) string {
	var b [15]byte
	ms := uint64(time.Now().UnixMilli())
	for i := 5; i >= 0; i-- {
		b[i] = byte(ms)
		ms >>= 8
	}
	_, _ = rand.Read(b[6:]) // crypto/rand.Read never fails (Go ≥ 1.24)
	return prefix + idEncoding.EncodeToString(b[:])
}

// cursorJSON is the inside of an opaque cursor.
type cursorJSON struct {
	At int64  `json:"t"`
	ID string `json:"i"`
}

// EncodeCursor makes the opaque cursor after an item.
func EncodeCursor(at time.Time, id string) string {
	b, _ := json.Marshal(cursorJSON{At: at.UnixMilli(), ID: id})
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor reads an opaque cursor; "" is no cursor.
func DecodeCursor(s string) (*Cursor, error) {
	if s == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	var c cursorJSON
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil || c.ID == "" || strings.ContainsAny(c.ID, "\x00") {
		return nil, core.Errorf(core.CodeInvalid, "cursor %q is not one this server made", truncate(s, 40))
	}
	return &Cursor{At: time.UnixMilli(c.At).UTC(), ID: c.ID}, nil
}

// truncate shortens s for an error message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// Paging limits.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// pageLimit checks a requested page size (0: the default).
func pageLimit(n int) (int, error) {
	switch {
	case n == 0:
		return DefaultLimit, nil
	case n < 0 || n > MaxLimit:
		return 0, core.Errorf(core.CodeInvalid, "limit must be between 1 and %d, got %d", MaxLimit, n)
	}
	return n, nil
}

// page cuts one extra fetched item off and makes the next cursor.
func page[T any](items []T, limit int, pos func(T) (time.Time, string)) Page[T] {
	if items == nil {
		items = []T{}
	}
	if len(items) <= limit {
		return Page[T]{Items: items}
	}
	items = items[:limit]
	at, id := pos(items[limit-1])
	return Page[T]{Items: items, Next: EncodeCursor(at, id)}
}
