// Package core is the domain of Invite Guard: every decision about sending and
// withdrawing professional-network invitations, as pure functions.
//
// It does no I/O and reads no clock: the current time and any random seed are
// inputs. It imports nothing outside the standard library, so that the same
// code compiles natively (server), to wasip1/wasm (core.wasm, run by the
// browser extension and by the server under wazero) and to js/wasm (Workers).
//
// The operations:
//
//	Decide         a bulk invitation before anything is sent
//	CheckMessage   a personal message (length, personalisation, spam)
//	ParseAge       the Sent list's relative ages, en/de/fr, into a time range
//	ParseCount     the Sent list's counts with thousands separators
//	Reconcile      a scan of the Sent list against known history
//	PlanWithdrawal a paced, capped, seeded plan for a bulk withdrawal
//	DetectBursts   days of the Sent list with many invitations sent outside Invite Guard
//	Transition     the invitation lifecycle
package core
