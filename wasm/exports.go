//go:build wasip1

package main

import "unsafe"

// One export per operation of wasm/dispatch; TestExportsMatchOps in
// server/wasmhost checks that the module exports exactly dispatch.Ops().

//go:wasmexport decide
func decide(ptr unsafe.Pointer, size uint32) uint64 { return call("decide", ptr, size) }

//go:wasmexport check_message
func checkMessage(ptr unsafe.Pointer, size uint32) uint64 { return call("check_message", ptr, size) }

//go:wasmexport parse_age
func parseAge(ptr unsafe.Pointer, size uint32) uint64 { return call("parse_age", ptr, size) }

//go:wasmexport parse_count
func parseCount(ptr unsafe.Pointer, size uint32) uint64 { return call("parse_count", ptr, size) }

//go:wasmexport reconcile
func reconcile(ptr unsafe.Pointer, size uint32) uint64 { return call("reconcile", ptr, size) }

//go:wasmexport plan_withdrawal
func planWithdrawal(ptr unsafe.Pointer, size uint32) uint64 {
	return call("plan_withdrawal", ptr, size)
}

//go:wasmexport detect_bursts
func detectBursts(ptr unsafe.Pointer, size uint32) uint64 { return call("detect_bursts", ptr, size) }

//go:wasmexport transition
func transition(ptr unsafe.Pointer, size uint32) uint64 { return call("transition", ptr, size) }

//go:wasmexport validate_policy
func validatePolicy(ptr unsafe.Pointer, size uint32) uint64 {
	return call("validate_policy", ptr, size)
}

//go:wasmexport default_policy
func defaultPolicy(ptr unsafe.Pointer, size uint32) uint64 {
	return call("default_policy", ptr, size)
}

//go:wasmexport version
func version(ptr unsafe.Pointer, size uint32) uint64 { return call("version", ptr, size) }
