package core

import (
	"strconv"
	"strings"
)

// Size limits of the inputs of Decide and CheckMessage. Going over one is a
// CodeTooLarge error; they protect the engine, not the user's policy.
const (
	MaxRecipients     = 10000  // recipients of one decision
	MaxHistory        = 100000 // history entries of one decision
	MaxKeyBytes       = 2048   // a recipient or history key
	MaxNameBytes      = 1024   // a recipient name
	MaxTargetBytes    = 2048   // a group, page or event id or URL
	MaxMessageBytes   = 65536  // a personal message (the length limit itself is a message issue)
	MaxRecentMessages = 200    // recent messages compared against for templated text
)

// Validate checks a DecideRequest and reports the first problem as a
// CodeInvalid (or CodeTooLarge) *Error naming the field, e.g.
// "recipients[3].key is empty". The policy, when given, is validated too.
func (r DecideRequest) Validate() error {
	if err := r.validateHead(); err != nil {
		return err
	}
	if err := r.validateRecipients(); err != nil {
		return err
	}
	return r.validateHistory()
}

// validateHead checks what Validate checks before the lists' elements: the
// network, surface, target, time, the lists' lengths, the message and the
// policy.
func (r *DecideRequest) validateHead() error {
	if err := checkNetworkSurface(r.Network, r.Surface); err != nil {
		return err
	}
	if IsTargetSurface(r.Surface) && strings.TrimSpace(r.Target) == "" {
		return Errorf(CodeInvalid, "target is missing: surface %s needs the group, page or event it invites to", r.Surface)
	}
	if len(r.Target) > MaxTargetBytes {
		return Errorf(CodeInvalid, "target is longer than %d bytes", MaxTargetBytes)
	}
	if r.Now.IsZero() {
		return Errorf(CodeInvalid, "now is missing")
	}
	if len(r.Recipients) > MaxRecipients {
		return tooMany("recipients", len(r.Recipients), MaxRecipients)
	}
	if len(r.History) > MaxHistory {
		return tooMany("history", len(r.History), MaxHistory)
	}
	if err := checkMessageSize(r.Message, r.RecentMessages); err != nil {
		return err
	}
	if r.Policy != nil {
		return r.Policy.Validate()
	}
	return nil
}

// validateRecipients checks the recipients in order and reports the first problem.
func (r *DecideRequest) validateRecipients() error {
	for i := range r.Recipients {
		if err := r.Recipients[i].validate(i); err != nil {
			return err
		}
	}
	return nil
}

// validateHistory checks the history entries in order and reports the first problem.
func (r *DecideRequest) validateHistory() error {
	for i := range r.History {
		if err := r.History[i].validate(i); err != nil {
			return err
		}
	}
	return nil
}

// validate checks recipient i.
func (p *Recipient) validate(i int) error {
	if problem := keyProblem(p.Key); problem != "" {
		return fieldErr("recipients", i, problem)
	}
	if len(p.Name) > MaxNameBytes {
		return fieldErr("recipients", i, "name is longer than "+strconv.Itoa(MaxNameBytes)+" bytes")
	}
	return nil
}

// validate checks history entry i.
func (h *HistoryEntry) validate(i int) error {
	if problem := keyProblem(h.Key); problem != "" {
		return fieldErr("history", i, problem)
	}
	switch {
	case !knownNetwork(h.Network):
		return fieldErr("history", i, "network "+strconv.Quote(string(h.Network))+" is unknown (want linkedin or xing)")
	case h.Surface != "" && !knownSurface(h.Surface):
		return fieldErr("history", i, "surface "+strconv.Quote(string(h.Surface))+" is unknown")
	case len(h.Target) > MaxTargetBytes:
		return fieldErr("history", i, "target is longer than "+strconv.Itoa(MaxTargetBytes)+" bytes")
	case h.Kind != EventInvited && h.Kind != EventWithdrawn:
		return fieldErr("history", i, "kind "+strconv.Quote(string(h.Kind))+" is unknown (want invited or withdrawn)")
	case h.At.IsZero():
		return fieldErr("history", i, "at is missing")
	}
	return nil
}

// Validate checks a MessageRequest and reports the first problem as a
// CodeInvalid (or CodeTooLarge) *Error naming the field.
func (r MessageRequest) Validate() error {
	if err := checkNetworkSurface(r.Network, r.Surface); err != nil {
		return err
	}
	if len(r.RecipientNames) > MaxRecipients {
		return tooMany("recipientNames", len(r.RecipientNames), MaxRecipients)
	}
	for i, n := range r.RecipientNames {
		if len(n) > MaxNameBytes {
			return fieldErr("recipientNames", i, "is longer than "+strconv.Itoa(MaxNameBytes)+" bytes")
		}
	}
	return checkMessageSize(r.Message, r.RecentMessages)
}

// checkMessageSize bounds a message and the recent messages it is compared with.
func checkMessageSize(msg string, recent []string) error {
	if len(msg) > MaxMessageBytes {
		return Errorf(CodeTooLarge, "message is %d bytes, at most %d are allowed", len(msg), MaxMessageBytes)
	}
	if len(recent) > MaxRecentMessages {
		return tooMany("recentMessages", len(recent), MaxRecentMessages)
	}
	for i, m := range recent {
		if len(m) > MaxMessageBytes {
			return Errorf(CodeTooLarge, "recentMessages[%d] is %d bytes, at most %d are allowed", i, len(m), MaxMessageBytes)
		}
	}
	return nil
}

// keyProblem says what is wrong with a required key of a list element
// ("key is empty", "key is longer than …"), "" when nothing is.
func keyProblem(key string) string {
	switch {
	case blank(key):
		return "key is empty"
	case len(key) > MaxKeyBytes:
		return "key is longer than " + strconv.Itoa(MaxKeyBytes) + " bytes"
	}
	return ""
}

// blank reports whether s is empty or white space only (strings.TrimSpace
// leaves nothing). A key that starts with a printable ASCII character is
// not, which is nearly every key: answered without a call.
func blank(s string) bool {
	if s != "" && s[0] > ' ' && s[0] < 0x7f {
		return false
	}
	return strings.TrimSpace(s) == ""
}

// tooMany is the CodeTooLarge error of a list field with n entries, more than limit.
func tooMany(list string, n, limit int) error {
	return Errorf(CodeTooLarge, "%s has %d entries, at most %d are allowed", list, n, limit)
}

// fieldErr is a CodeInvalid error about element i of a list field: "recipients[3].key is empty".
func fieldErr(list string, i int, problem string) error {
	sep := "."
	if strings.HasPrefix(problem, "is ") {
		sep = " "
	}
	return &Error{Code: CodeInvalid, Message: list + "[" + strconv.Itoa(i) + "]" + sep + problem}
}
