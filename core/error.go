package core

import (
	"errors"
	"fmt"
)

// Code is a machine-readable error class. The same codes cross the wasm
// boundary and are mapped to HTTP status codes in one table (server/http).
type Code string

// The codes every layer speaks.
const (
	// CodeInvalid: the input is malformed or fails validation.
	CodeInvalid Code = "invalid"
	// CodeTooLarge: the input exceeds a size limit.
	CodeTooLarge Code = "too_large"
	// CodeNotFound: the thing asked for does not exist (or is not yours).
	CodeNotFound Code = "not_found"
	// CodeConflict: the request contradicts what is already stored.
	CodeConflict Code = "conflict"
	// CodeIllegalTransition: a lifecycle event that is not allowed in the current state.
	CodeIllegalTransition Code = "illegal_transition"
	// CodeUnauthorized: missing, unknown, expired or revoked credentials.
	CodeUnauthorized Code = "unauthorized"
	// CodeRateLimited: too many requests; try again later.
	CodeRateLimited Code = "rate_limited"
	// CodeQuota: the user's allowance (stored bytes, batches a day) is used up.
	CodeQuota Code = "quota"
	// CodeUnavailable: the service cannot answer now (not ready, a dependency
	// such as the rate limiter is down); retry later.
	CodeUnavailable Code = "unavailable"
	// CodeUnsupported: an operation or version this engine does not know.
	CodeUnsupported Code = "unsupported"
	// CodeEngine: the decision engine failed (a trap, a timeout, a panic).
	CodeEngine Code = "engine"
	// CodeInternal: anything else that is our fault.
	CodeInternal Code = "internal"
)

// Codes lists every code, in a stable order.
var Codes = []Code{
	CodeInvalid, CodeTooLarge, CodeNotFound, CodeConflict, CodeIllegalTransition,
	CodeUnauthorized, CodeRateLimited, CodeQuota, CodeUnavailable, CodeUnsupported, CodeEngine, CodeInternal,
}

// Error is the one error type of Invite Guard: a code and a message for people.
type Error struct {
	Code    Code   `json:"code"`
	Message string `json:"message"`
}

// Error implements the error interface.
func (e *Error) Error() string { return string(e.Code) + ": " + e.Message }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is (or wraps) an *Error, else CodeInternal.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return CodeInternal
}

// ErrorMessage returns the human message of err: the Message of an *Error, else err.Error().
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	if err == nil {
		return ""
	}
	return err.Error()
}
