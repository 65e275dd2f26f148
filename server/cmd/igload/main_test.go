package main

import "testing"

func TestLoopbackOnly(t *testing.T) {
	for url, ok := range map[string]bool{
		"http://127.0.0.1:8787":     true,
		"http://localhost:8787":     true,
		"http://[::1]:8787":         true,
		"http://127.0.0.2:8787":     true,
		"http://10.0.0.1:8787":      false,
		"https://example.com":       false,
		"http://linkedin.com":       false,
		"ftp://127.0.0.1":           false,
		"http://127.0.0.1.nip.io/x": false,
	} {
		if err := loopbackOnly(url); (err == nil) != ok {
			t.Errorf("loopbackOnly(%q) = %v, want allowed %v", url, err, ok)
		}
	}
}
