package dispatch

import (
	"errors"
	"unicode/utf8"

	"github.com/inviteguard/inviteguard/core"
)

// errFallback sends a request from the fast reader of version 1 to the JSON
// library, which accepts it as well or words the error.
var errFallback = errors.New("not for the fast reader")

// decodeDecideV1 reads a decide request of version 1. A request that is
// plainly valid — exact field names, each once, no nulls, valid UTF-8 — is
// read by the scanner (as wasm several times faster than encoding/json);
// anything else goes to the library, which reads it exactly as before or
// says what is wrong with it in its own words.
func decodeDecideV1(in []byte, req *core.DecideRequest) error {
	return readDecideV1(in, req, false, noCopy)
}

// readDecideV1 is decodeDecideV1 with copied strings or not, and the
// library's options for what the scanner leaves to it.
func readDecideV1(in []byte, req *core.DecideRequest, copyStrings bool, opts ...decodeOption) error {
	s := &scanner{in: in, elem: -1, copyStrings: copyStrings}
	if err := s.decideV1(req); err == nil && s.end() == nil {
		return nil
	}
	*req = core.DecideRequest{}
	return decodeWith(in, req, append(opts, strict)...)
}

// errNull: the field's value was null, which leaves it at its zero value
// (nil for a pointer or a list), as the library does.
var errNull = errors.New("null")

// once marks a field as read, fails on its second appearance and consumes a
// null (errNull).
func (s *scanner) once(seen *uint32, bit uint32) error {
	if *seen&bit != 0 {
		return errFallback
	}
	*seen |= bit
	if s.null() {
		return errNull
	}
	return nil
}

// decideV1 reads the top-level object of a decide request.
func (s *scanner) decideV1(req *core.DecideRequest) error {
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
		case "surface":
			if err = s.once(&seen, 2); err == nil {
				req.Surface, err = textOf[core.Surface](s)
			}
		case "target":
			if err = s.once(&seen, 4); err == nil {
				req.Target, err = s.text()
			}
		case "message":
			if err = s.once(&seen, 8); err == nil {
				req.Message, err = s.text()
			}
		case "now":
			if err = s.once(&seen, 16); err == nil {
				req.Now, err = s.time("now")
			}
		case "policy":
			if err = s.once(&seen, 32); err == nil {
				req.Policy, err = s.policy("policy")
			}
		case "recentMessages":
			if err = s.once(&seen, 64); err == nil {
				err = s.array("", func() error {
					m, err := s.text()
					req.RecentMessages = append(req.RecentMessages, m)
					return err
				})
			}
		case "recipients":
			if err = s.once(&seen, 128); err == nil {
				req.Recipients = make([]core.Recipient, 0, 64)
				err = s.array("", func() error {
					var r core.Recipient
					err := s.recipientV1(&r)
					req.Recipients = append(req.Recipients, r)
					return err
				})
			}
		case "history":
			if err = s.once(&seen, 256); err == nil {
				req.History = make([]core.HistoryEntry, 0, 64)
				err = s.array("", func() error {
					var h core.HistoryEntry
					err := s.historyV1(&h)
					req.History = append(req.History, h)
					return err
				})
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

// recipientV1 reads one recipient.
func (s *scanner) recipientV1(r *core.Recipient) error {
	var seen uint32
	if s.peek() != '{' {
		return errFallback
	}
	return s.object("", func(key string) error {
		var err error
		switch key {
		case "key":
			if err = s.once(&seen, 1); err == nil {
				r.Key, err = s.text()
			}
		case "name":
			if err = s.once(&seen, 2); err == nil {
				r.Name, err = s.text()
			}
		case "member":
			if err = s.once(&seen, 4); err == nil {
				r.Member, err = s.boolPtr()
			}
		case "selected":
			if err = s.once(&seen, 8); err == nil {
				r.Selected, err = s.bool()
			}
		case "inTarget":
			if err = s.once(&seen, 16); err == nil {
				r.InTarget, err = s.boolPtr()
			}
		case "optedOut":
			if err = s.once(&seen, 32); err == nil {
				r.OptedOut, err = s.bool()
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

// historyV1 reads one history entry.
func (s *scanner) historyV1(h *core.HistoryEntry) error {
	var seen uint32
	if s.peek() != '{' {
		return errFallback
	}
	return s.object("", func(key string) error {
		var err error
		switch key {
		case "key":
			if err = s.once(&seen, 1); err == nil {
				h.Key, err = s.text()
			}
		case "network":
			if err = s.once(&seen, 2); err == nil {
				h.Network, err = textOf[core.Network](s)
			}
		case "surface":
			if err = s.once(&seen, 4); err == nil {
				h.Surface, err = textOf[core.Surface](s)
			}
		case "target":
			if err = s.once(&seen, 8); err == nil {
				h.Target, err = s.text()
			}
		case "kind":
			if err = s.once(&seen, 16); err == nil {
				h.Kind, err = textOf[core.EventKind](s)
			}
		case "at":
			if err = s.once(&seen, 32); err == nil {
				h.At, err = s.time("at")
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

// text reads a string of valid UTF-8 (the library would replace what is not).
func (s *scanner) text() (string, error) {
	if s.peek() != '"' {
		return "", errFallback
	}
	v, err := s.str("")
	if err != nil || !utf8.ValidString(v) {
		return "", errFallback
	}
	return v, nil
}

// textOf reads a string as a string type of the core.
func textOf[T ~string](s *scanner) (T, error) {
	v, err := s.text()
	return T(v), err
}

// bool reads true or false.
func (s *scanner) bool() (bool, error) {
	switch {
	case s.lit("true"):
		return true, nil
	case s.lit("false"):
		return false, nil
	}
	return false, errFallback
}

// boolPtr reads true or false as a *bool.
func (s *scanner) boolPtr() (*bool, error) {
	b, err := s.bool()
	if err != nil {
		return nil, err
	}
	if b {
		return &yes, nil
	}
	return &no, nil
}

// yes and no are what boolPtr points to; nothing writes through them.
var yes, no = true, false

// lit consumes the literal word if it comes next.
func (s *scanner) lit(word string) bool {
	s.ws()
	if s.pos+len(word) <= len(s.in) && string(s.in[s.pos:s.pos+len(word)]) == word {
		s.pos += len(word)
		return true
	}
	return false
}
