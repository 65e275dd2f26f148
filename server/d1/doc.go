// Package d1 opens a Cloudflare D1 database as a *sql.DB inside a Worker
// (GOOS=js GOARCH=wasm), so that the same database/sql store that runs on
// SQLite when self-hosted runs on D1.
//
// Queries and single statements go through github.com/syumai/workers'
// D1 driver. That driver has no transactions, and D1 rejects BEGIN, COMMIT
// and SAVEPOINT; D1's only atomic unit is batch(). This package adds
// transactions on top: inside a *sql.Tx, reads run at once and writes are
// collected and sent as one batch at Commit, which D1 applies all or nothing.
// The consequences for code that uses a transaction (reads first, blind
// writes, no RowsAffected or LastInsertId of a write before Commit) are in
// RATIONALE.md ("Cloudflare Workers + D1").
package d1
