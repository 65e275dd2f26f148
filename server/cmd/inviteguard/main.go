// Command inviteguard is the self-hosted Invite Guard server and its admin
// tool: one binary with the subcommands serve, token, export, migrate and
// version. It is the only place that wires the server's rooms together:
// SQLite (server/sqlite), core.wasm under wazero (server/wasmhost), the HTTP
// API (server/http) and Prometheus metrics (server/prometheus).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/inviteguard/inviteguard/server/wasmhost"
)

// started is when the process began, for the start-up time in the log.
var started = time.Now()

const usage = `inviteguard — the Invite Guard server

Usage:
  inviteguard serve   [flags]                 run the server (default 127.0.0.1:8787)
  inviteguard token   create --user NAME [--label L] [--ttl 720h]
  inviteguard token   list   --user NAME
  inviteguard token   revoke --user NAME --id TOKEN_ID
  inviteguard export  --user NAME [--format json|csv] [--table invitations|batches|jobs|items] [--out FILE]
  inviteguard migrate                         create or update the database schema
  inviteguard version                         print the engine id (sha256 of core.wasm)

Every flag can also be set in the environment as INVITEGUARD_<FLAG>, e.g.
INVITEGUARD_DB=./data/inviteguard.db or INVITEGUARD_ORIGINS=chrome-extension://<id>.
Run "inviteguard <command> -h" for a command's flags.
`

func main() {
	wasmhost.ServeChildIfAsked() // a child process of the engine (wasmhost: the default mode) is this binary too
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "inviteguard:", err)
		var ue usageError
		if errors.As(err, &ue) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// usageError is a wrong command line.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// run dispatches a command line.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return serve(ctx, rest, stderr)
	case "token":
		return token(ctx, rest, stdout, stderr)
	case "export":
		return export(ctx, rest, stdout, stderr)
	case "migrate":
		return migrate(ctx, rest, stdout, stderr)
	case "version":
		return version(rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}
