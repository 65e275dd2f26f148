// Command wasmrun runs a wasip1 command module (such as a test binary built
// with GOOS=wasip1 GOARCH=wasm go test -c) under wazero with the current
// directory mounted, so benchmarks can be measured as wasm:
//
//	GOOS=wasip1 GOARCH=wasm go test -c -o /tmp/d.wasm ./wasm/dispatch
//	go run ./internal/wasmrun /tmp/d.wasm -test.run '^$' -test.bench .
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/tetratelabs/wazero/sys"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmrun module.wasm [args…]")
		os.Exit(2)
	}
	ctx := context.Background()
	bin, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	r := wazero.NewRuntime(ctx)
	defer r.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, r)
	wd, _ := os.Getwd()
	cfg := wazero.NewModuleConfig().WithArgs(os.Args[1:]...).WithStdout(os.Stdout).WithStderr(os.Stderr).
		WithSysNanotime().WithSysWalltime().WithSysNanosleep().
		WithFSConfig(wazero.NewFSConfig().WithDirMount("/", "/")).WithEnv("PWD", wd)
	// the guest runtime's collector settings, as the engine sets them (server/wasmhost)
	for _, name := range []string{"GOGC", "GOMEMLIMIT", "GODEBUG"} {
		if v, ok := os.LookupEnv(name); ok {
			cfg = cfg.WithEnv(name, v)
		}
	}
	_, err = r.InstantiateWithConfig(ctx, bin, cfg)
	if exit, ok := err.(*sys.ExitError); ok {
		os.Exit(int(exit.ExitCode()))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
