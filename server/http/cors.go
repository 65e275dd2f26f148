package httpapi

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
)

// originPattern accepts the origins of a browser extension: Chrome's
// 32-letter IDs and Firefox's per-install UUIDs.
var originPattern = regexp.MustCompile(`^(chrome-extension://[a-p]{32}|moz-extension://[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`)

// CheckOrigins validates configured extension origins.
func CheckOrigins(origins []string) error {
	for _, o := range origins {
		if !originPattern.MatchString(o) {
			return fmt.Errorf("origin %q is not an extension origin (chrome-extension://<32 letters a-p> or moz-extension://<uuid>)", o)
		}
	}
	return nil
}

// cors answers preflights and sets the CORS headers for the configured
// extension origins only. Other origins get no CORS headers, so a browser
// keeps web pages from reading the API.
func (a *api) cors(next http.Handler) http.Handler {
	allowed := make(map[string]bool, len(a.origins))
	for _, o := range a.origins {
		allowed[o] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin != "" {
			w.Header().Add("Vary", "Origin")
		}
		ok := origin != "" && allowed[origin]
		if ok {
			h := w.Header()
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Expose-Headers", "Retry-After, X-Idempotent-Replay")
		}
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			if ok {
				h := w.Header()
				h.Set("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS")
				h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
				h.Set("Access-Control-Max-Age", "600")
			}
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// bearer returns the token of an "Authorization: Bearer …" header.
func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}
