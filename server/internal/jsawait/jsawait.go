//go:build js && wasm

// Package jsawait waits for JavaScript promises from Go code compiled for
// GOOS=js (the Workers build): the D1 driver and the Worker's rate limiter.
package jsawait

import (
	"errors"
	"syscall/js"
)

// Await blocks the calling goroutine until the promise settles and returns
// its value, or its rejection reason as an error. Other goroutines and the
// JavaScript event loop run meanwhile.
func Await(p js.Value) (js.Value, error) {
	done := make(chan struct{})
	var (
		res js.Value
		err error
	)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		res = args[0]
		close(done)
		return nil
	})
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		err = errors.New(errorText(args[0]))
		close(done)
		return nil
	})
	defer then.Release()
	defer catch.Release()
	p.Call("then", then, catch)
	<-done
	return res, err
}

// errorText is the message of a rejection reason.
func errorText(v js.Value) string {
	if v.Type() == js.TypeObject {
		if m := v.Get("message"); m.Type() == js.TypeString {
			return m.String()
		}
	}
	return v.Call("toString").String()
}
