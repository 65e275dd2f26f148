package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
)

// FileOptions configure a self-hosted database file.
type FileOptions struct {
	// Driver is the database/sql driver name the binary registered ("sqlite"
	// for modernc.org/sqlite, "sqlite3" for ncruces/go-sqlite3).
	Driver string
	// Synchronous is the WAL sync level, "FULL" (default) or "NORMAL".
	Synchronous string
	// Readers is the size of the read pool (default 4).
	Readers int
}

// File is an open self-hosted database: the Store and its two pools.
type File struct {
	*Store
	Write *sql.DB
	Read  *sql.DB
	// Applied lists the migrations this open applied.
	Applied []string
	watch   *versionWatch
}

// DataVersion returns a number that changes whenever a commit to the file —
// by this process or another — happened since it was last read
// (server.DataVersion, for server.WithAuthCache).
func (f *File) DataVersion(ctx context.Context) (int64, error) { return f.watch.DataVersion(ctx) }

// Close closes the pools.
func (f *File) Close() error {
	_ = f.watch.close()
	errR := f.Read.Close()
	errW := f.Write.Close()
	if errW != nil {
		return errW
	}
	return errR
}

// OpenFile opens (creating it and its directory if needed) a database file in
// WAL mode with foreign keys on and a busy timeout, migrates it, and returns
// the Store: one writer connection (SQLite has one writer; in-process writers
// queue here instead of spinning on SQLITE_BUSY) and a pool of read-only
// readers. These pragmas are the self-hosted opener's business only: D1 has
// none of them.
func OpenFile(ctx context.Context, path string, o FileOptions) (*File, error) {
	if o.Driver == "" {
		return nil, fmt.Errorf("sqlite: no driver name given")
	}
	switch o.Synchronous {
	case "":
		o.Synchronous = "FULL"
	case "FULL", "NORMAL":
	default:
		return nil, fmt.Errorf("sqlite: synchronous must be FULL or NORMAL, got %q", o.Synchronous)
	}
	if o.Readers <= 0 {
		o.Readers = 4
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("sqlite: create %s: %w", dir, err)
		}
	}
	base := "file:" + (&url.URL{Path: path}).EscapedPath()
	common := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=cache_size(-32000)&_pragma=synchronous(" + o.Synchronous + ")"
	write, err := sql.Open(o.Driver, base+"?"+common+"&_pragma=journal_mode(WAL)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)
	applied, err := Migrate(ctx, write)
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	read, err := sql.Open(o.Driver, base+"?"+common+"&_pragma=query_only(1)")
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlite: open %s for reading: %w", path, err)
	}
	read.SetMaxOpenConns(o.Readers)
	read.SetMaxIdleConns(o.Readers)
	read.SetConnMaxIdleTime(0)
	watch, err := sql.Open(o.Driver, base+"?"+common+"&_pragma=query_only(1)")
	if err != nil {
		write.Close()
		read.Close()
		return nil, fmt.Errorf("sqlite: open %s for its data version: %w", path, err)
	}
	watch.SetMaxOpenConns(1)
	watch.SetConnMaxIdleTime(0)
	return &File{Store: New(write, Options{Read: read}), Write: write, Read: read, Applied: applied, watch: &versionWatch{db: watch}}, nil
}
