package httpapi

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// query reads URL query parameters, rejecting unknown ones.
type query struct {
	v   url.Values
	err error
}

// newQuery checks that every parameter is one of known.
func newQuery(u *url.URL, known ...string) *query {
	q := &query{v: u.Query()}
	for k := range q.v {
		if !slices.Contains(known, k) && q.err == nil {
			q.err = core.Errorf(core.CodeInvalid, "unknown query parameter %q (known: %s)", k, strings.Join(known, ", "))
		}
	}
	return q
}

func (q *query) str(name string) string { return q.v.Get(name) }

// list reads a comma-separated or repeated parameter.
func (q *query) list(name string) []string {
	var out []string
	for _, v := range q.v[name] {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func (q *query) int(name string) int {
	s := q.v.Get(name)
	if s == "" || q.err != nil {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		q.err = core.Errorf(core.CodeInvalid, "%s must be an integer, got %q", name, s)
	}
	return n
}

func (q *query) time(name string) *time.Time {
	s := q.v.Get(name)
	if s == "" || q.err != nil {
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		q.err = core.Errorf(core.CodeInvalid, "%s must be an RFC 3339 time such as 2026-01-02T15:04:05Z, got %q", name, s)
		return nil
	}
	return &t
}
