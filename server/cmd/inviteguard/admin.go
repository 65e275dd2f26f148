package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"text/tabwriter"
	"time"

	"github.com/goccy/go-json"
)

// token creates, lists and revokes API tokens.
func token(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"token needs a subcommand: create, list or revoke"}
	}
	sub := args[0]
	var c config
	var user, label, id string
	var ttl time.Duration
	fs := flagSet("token "+sub, stderr, &c)
	fs.StringVar(&user, "user", "", "user name (created on first use)")
	switch sub {
	case "create":
		fs.StringVar(&label, "label", "", "a note to tell tokens apart")
		fs.DurationVar(&ttl, "ttl", 0, "lifetime, e.g. 720h (0: no expiry)")
	case "revoke":
		fs.StringVar(&id, "id", "", "the token id (see token list)")
	case "list":
	default:
		return usageError{fmt.Sprintf("unknown token subcommand %q: want create, list or revoke", sub)}
	}
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if user == "" {
		return usageError{"--user is required"}
	}
	if sub == "revoke" && id == "" {
		return usageError{"--id is required"}
	}
	svc, closeAll, err := c.admin(ctx)
	if err != nil {
		return err
	}
	defer closeAll()
	switch sub {
	case "create":
		tok, t, err := svc.CreateToken(ctx, user, label, ttl)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, tok)
		exp := "never"
		if t.ExpiresAt != nil {
			exp = t.ExpiresAt.Format(time.RFC3339)
		}
		fmt.Fprintf(stderr, "token %s for user %s (expires: %s). It is shown only this once; the server keeps its hash.\n", t.ID, user, exp)
	case "list":
		ts, err := svc.ListTokens(ctx, user)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tLABEL\tCREATED\tEXPIRES\tREVOKED")
		for _, t := range ts {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.Label, t.CreatedAt.Format(time.RFC3339), timeOr(t.ExpiresAt, "never"), timeOr(t.RevokedAt, "-"))
		}
		return tw.Flush()
	case "revoke":
		if err := svc.RevokeToken(ctx, user, id); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "token %s of user %s revoked\n", id, user)
	}
	return nil
}

func timeOr(t *time.Time, none string) string {
	if t == nil {
		return none
	}
	return t.Format(time.RFC3339)
}

// export writes all of a user's data as JSON or one table as CSV.
func export(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	var user, format, table, out string
	fs := flagSet("export", stderr, &c)
	fs.StringVar(&user, "user", "", "user name")
	fs.StringVar(&format, "format", "json", "json or csv")
	fs.StringVar(&table, "table", "invitations", "with csv: invitations, batches, jobs or items")
	fs.StringVar(&out, "out", "", "file to write (default: standard output)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if user == "" {
		return usageError{"--user is required"}
	}
	if format != "json" && format != "csv" {
		return usageError{fmt.Sprintf("--format %q: want json or csv", format)}
	}
	svc, closeAll, err := c.admin(ctx)
	if err != nil {
		return err
	}
	defer closeAll()
	e, err := svc.ExportByName(ctx, user)
	if err != nil {
		return err
	}
	w := stdout
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	if format == "csv" {
		if err := e.WriteCSV(bw, table); err != nil {
			return err
		}
	} else {
		enc := json.NewEncoder(bw)
		enc.SetIndent("", "  ")
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	return bw.Flush()
}

// migrate creates or updates the schema.
func migrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := flagSet("migrate", stderr, &c)
	if err := parse(fs, args); err != nil {
		return err
	}
	db, err := c.openDB(ctx) // opening migrates
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintf(stdout, "database %s is up to date (applied now: %v)\n", c.db, db.Applied)
	return nil
}

// version prints the engine id: the sha256 of the core.wasm the server runs.
func version(args []string, stdout, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.wasm, "wasm", "", "core.wasm to describe instead of the embedded one")
	if err := parse(fs, args); err != nil {
		return err
	}
	wasm, err := c.wasmBytes()
	if err != nil {
		return err
	}
	sum := sha256.Sum256(wasm)
	fmt.Fprintln(stdout, hex.EncodeToString(sum[:]))
	fmt.Fprintf(stderr, "engine: core.wasm, %d bytes; %s\n", len(wasm), runtime.Version())
	return nil
}
