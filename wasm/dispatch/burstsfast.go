package dispatch

import (
	"time"

	"github.com/inviteguard/inviteguard/core"
)

// detectBursts is the handler of detect_bursts. Its request is a user's
// whole history (an 84 KB request for a few hundred invitations is usual),
// which encoding/json as wasm read a hundred times slower than natively; a
// plainly valid request — exact field names, each once, valid UTF-8 — is
// read by the scanner as decide's of version 1 is, anything else by the
// library, which reads it exactly as before or words the error
// (RATIONALE.md, "Why does detect_bursts have its own reader?").
func detectBursts(in []byte) ([]byte, error) {
	var req core.BurstRequest
	if err := decodeBursts(in, &req); err != nil {
		return nil, err
	}
	res, err := core.DetectBursts(req)
	if err != nil {
		return nil, err
	}
	return okEnvelope(&res)
}

// decodeBursts reads a detect_bursts request: the scanner for a plainly
// valid one (strings point into in), else the library.
func decodeBursts(in []byte, req *core.BurstRequest) error {
	s := &scanner{in: in, elem: -1}
	if err := s.burstRequest(req); err == nil && s.end() == nil {
		return nil
	}
	*req = core.BurstRequest{}
	return decodeWith(in, req, strict, noCopy)
}

// burstRequest reads the top-level object of a detect_bursts request.
func (s *scanner) burstRequest(req *core.BurstRequest) error {
	var seen uint32
	if s.peek() != '{' {
		return errFallback
	}
	return s.object("", func(key string) error {
		var err error
		switch key {
		case "network":
			if err = s.once(&seen, 1); err == nil {
				req.Network, err = textOf[core.Network](s)
			}
		case "invitations":
			if err = s.once(&seen, 2); err == nil {
				req.Invitations = make([]core.Invitation, 0, 64)
				err = s.array("", func() error {
					var inv core.Invitation
					err := s.invitation(&inv)
					req.Invitations = append(req.Invitations, inv)
					return err
				})
			}
		case "policy":
			if err = s.once(&seen, 4); err == nil {
				req.Policy, err = s.policy("policy")
			}
		case "now":
			if err = s.once(&seen, 8); err == nil {
				req.Now, err = s.time("now")
			}
		default:
			return errFallback
		}
		if err == errNull {
			return nil
		}
		return err
	})
}

// invitation reads one invitation of the history.
func (s *scanner) invitation(inv *core.Invitation) error {
	var seen uint32
	if s.peek() != '{' {
		return errFallback
	}
	return s.object("", func(key string) error {
		var err error
		switch key {
		case "id":
			if err = s.once(&seen, 1); err == nil {
				inv.ID, err = s.text()
			}
		case "batchId":
			if err = s.once(&seen, 2); err == nil {
				inv.BatchID, err = s.text()
			}
		case "key":
			if err = s.once(&seen, 4); err == nil {
				inv.Key, err = s.text()
			}
		case "name":
			if err = s.once(&seen, 8); err == nil {
				inv.Name, err = s.text()
			}
		case "network":
			if err = s.once(&seen, 16); err == nil {
				inv.Network, err = textOf[core.Network](s)
			}
		case "surface":
			if err = s.once(&seen, 32); err == nil {
				inv.Surface, err = textOf[core.Surface](s)
			}
		case "member":
			if err = s.once(&seen, 64); err == nil {
				inv.Member, err = s.boolPtr()
			}
		case "state":
			if err = s.once(&seen, 128); err == nil {
				inv.State, err = textOf[core.State](s)
			}
		case "sentAt":
			if err = s.once(&seen, 256); err == nil {
				inv.SentAt, err = s.plainTime()
			}
		case "sentEarliest":
			if err = s.once(&seen, 512); err == nil {
				var t time.Time
				if t, err = s.plainTime(); err == nil {
					inv.SentEarliest = &t
				}
			}
		case "source":
			if err = s.once(&seen, 1024); err == nil {
				inv.Source, err = s.text()
			}
		case "note":
			if err = s.once(&seen, 2048); err == nil {
				inv.Note, err = s.text()
			}
		default:
			return errFallback
		}
		if err == errNull {
			return nil
		}
		return err
	})
}

// plainTime reads an RFC 3339 time as the library does, leaving anything
// else (a wrong type, a bad time) to it, which words the error with the
// field's path.
func (s *scanner) plainTime() (time.Time, error) {
	if s.peek() != '"' {
		return time.Time{}, errFallback
	}
	t, err := s.time("")
	if err != nil {
		return time.Time{}, errFallback
	}
	return t, nil
}
