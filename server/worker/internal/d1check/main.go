//go:build js && wasm

// Command d1check is a test Worker for server/d1: GET /check runs the
// driver's transaction and type checks against a real (local) D1 database
// bound as DB and answers {"check name": "ok" or what went wrong}. Only the
// tests of server/worker build and run it (TestD1Driver).
package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"

	"github.com/goccy/go-json"
	"github.com/syumai/workers"

	"github.com/inviteguard/inviteguard/server/d1"
)

func main() {
	workers.Serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/readyz":
			_, _ = w.Write([]byte("ok\n"))
		case "/check":
			out, _ := json.Marshal(run(r.Context()))
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write(out)
		default:
			http.NotFound(w, r)
		}
	}))
}

// checker runs named checks on one fresh table and records their outcome.
type checker struct {
	ctx     context.Context
	db      *sql.DB
	table   string
	results map[string]string
}

func run(ctx context.Context) map[string]string {
	c := &checker{ctx: ctx, results: map[string]string{}, table: fmt.Sprintf("t_%d", rand.Uint64()>>12)}
	db, err := d1.Open("DB")
	if err != nil {
		c.results["open"] = err.Error()
		return c.results
	}
	c.db = db
	c.check("create", func() error {
		_, err := db.ExecContext(ctx, `CREATE TABLE `+c.table+` (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE, n INTEGER)`)
		return err
	})
	c.check("commit sends the writes as one batch", c.commit)
	c.check("rollback drops the writes", c.rollback)
	c.check("a failing write undoes the whole transaction", c.atomic)
	c.check("a read in a transaction sees its writes", c.readOwnWrites)
	c.check("RowsAffected in a transaction", c.rowsAffected)
	c.check("argument types round-trip", c.types)
	c.check("unportable arguments are refused", c.refused)
	c.check("open binding that does not exist", func() error {
		if _, err := d1.Open("NO_SUCH_DB"); err == nil || !strings.Contains(err.Error(), "NO_SUCH_DB") {
			return fmt.Errorf("got %v, want an error naming the binding", err)
		}
		return nil
	})
	return c.results
}

func (c *checker) check(name string, fn func() error) {
	if err := fn(); err != nil {
		c.results[name] = err.Error()
		return
	}
	c.results[name] = "ok"
}

// count returns the rows of the table whose v is in vs, outside any transaction.
func (c *checker) count(vs ...string) (int, error) {
	q := `SELECT COUNT(*) FROM ` + c.table + ` WHERE v IN (?` + strings.Repeat(", ?", len(vs)-1) + `)`
	args := make([]any, len(vs))
	for i, v := range vs {
		args[i] = v
	}
	var n int
	err := c.db.QueryRowContext(c.ctx, q, args...).Scan(&n)
	return n, err
}

func (c *checker) insert(tx *sql.Tx, v string) error {
	_, err := tx.ExecContext(c.ctx, `INSERT INTO `+c.table+` (v) VALUES (?)`, v)
	return err
}

func (c *checker) wantCount(want int, vs ...string) error {
	n, err := c.count(vs...)
	if err != nil {
		return err
	}
	if n != want {
		return fmt.Errorf("%d of %v stored, want %d", n, vs, want)
	}
	return nil
}

func (c *checker) commit() error {
	tx, err := c.db.BeginTx(c.ctx, nil)
	if err != nil {
		return err
	}
	if err := c.insert(tx, "a"); err != nil {
		return err
	}
	if err := c.insert(tx, "b"); err != nil {
		return err
	}
	if err := c.wantCount(0, "a", "b"); err != nil {
		return fmt.Errorf("before commit: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return c.wantCount(2, "a", "b")
}

func (c *checker) rollback() error {
	tx, err := c.db.BeginTx(c.ctx, nil)
	if err != nil {
		return err
	}
	if err := c.insert(tx, "c"); err != nil {
		return err
	}
	if err := tx.Rollback(); err != nil {
		return err
	}
	return c.wantCount(0, "c")
}

func (c *checker) atomic() error {
	tx, err := c.db.BeginTx(c.ctx, nil)
	if err != nil {
		return err
	}
	if err := c.insert(tx, "d"); err != nil {
		return err
	}
	if err := c.insert(tx, "a"); err != nil { // a exists: UNIQUE fails at Commit
		return err
	}
	err = tx.Commit()
	if err == nil || !strings.Contains(err.Error(), "UNIQUE") {
		return fmt.Errorf("commit: got %v, want the UNIQUE violation", err)
	}
	return c.wantCount(0, "d")
}

func (c *checker) readOwnWrites() error {
	tx, err := c.db.BeginTx(c.ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := c.insert(tx, "e"); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(c.ctx, `SELECT COUNT(*) FROM `+c.table+` WHERE v = 'e'`).Scan(&n); err != nil {
		return err
	}
	if n != 1 {
		return fmt.Errorf("read in the transaction saw %d rows of its own write, want 1", n)
	}
	return tx.Commit()
}

func (c *checker) rowsAffected() error {
	tx, err := c.db.BeginTx(c.ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	for _, tc := range []struct {
		where string
		want  int64
	}{{`v IN ('a', 'b')`, 2}, {`v = 'nobody'`, 0}} {
		res, err := tx.ExecContext(c.ctx, `UPDATE `+c.table+` SET n = 7 WHERE `+tc.where)
		if err != nil {
			return err
		}
		got, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if got != tc.want {
			return fmt.Errorf("UPDATE … WHERE %s: RowsAffected %d, want %d", tc.where, got, tc.want)
		}
	}
	return tx.Commit()
}

func (c *checker) types() error {
	var (
		b   int64
		i   int64
		f   float64
		s   string
		raw []byte
		nul sql.NullString
	)
	err := c.db.QueryRowContext(c.ctx, `SELECT ?, ?, ?, ?, ?, ?`, true, int64(1)<<53-1, 2.5, "zoë 👩‍💻", []byte{0, 1, 254}, nil).
		Scan(&b, &i, &f, &s, &raw, &nul)
	if err != nil {
		return err
	}
	if b != 1 || i != 1<<53-1 || f != 2.5 || s != "zoë 👩‍💻" || string(raw) != "\x00\x01\xfe" || nul.Valid {
		return fmt.Errorf("got %v %v %v %q %v %v", b, i, f, s, raw, nul)
	}
	return nil
}

func (c *checker) refused() error {
	for _, tc := range []struct {
		arg  any
		want string
	}{{time.Now(), "time.Time"}, {int64(1) << 60, "2^53"}, {uint64(1) << 63, "parameter"}} {
		_, err := c.db.ExecContext(c.ctx, `SELECT ?`, tc.arg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			return fmt.Errorf("argument %T: got %v, want an error about %s", tc.arg, err, tc.want)
		}
	}
	return nil
}
