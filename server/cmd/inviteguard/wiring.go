package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	_ "modernc.org/sqlite" // the SQLite driver: pure Go, no cgo (RATIONALE.md, "SQLite driver")

	"github.com/inviteguard/inviteguard/server"
	"github.com/inviteguard/inviteguard/server/sqlite"
	"github.com/inviteguard/inviteguard/server/wasmhost"
	"github.com/inviteguard/inviteguard/server/wasmhost/embedded"
)

// sqliteDriver is the database/sql name of the driver imported above.
const sqliteDriver = "sqlite"

// openDB opens and migrates the database file.
func (c *config) openDB(ctx context.Context) (*sqlite.File, error) {
	return sqlite.OpenFile(ctx, c.db, sqlite.FileOptions{Driver: sqliteDriver, Synchronous: c.sync})
}

// wasmBytes returns core.wasm: the --wasm file, else the embedded one.
func (c *config) wasmBytes() ([]byte, error) {
	if c.wasm != "" {
		b, err := os.ReadFile(c.wasm)
		if err != nil {
			return nil, fmt.Errorf("read core.wasm: %w", err)
		}
		return b, nil
	}
	return embedded.Wasm()
}

// openEngine compiles core.wasm (from the cache when warm) and starts its pool.
func (c *config) openEngine(ctx context.Context, log *slog.Logger) (*wasmhost.Engine, error) {
	wasm, err := c.wasmBytes()
	if err != nil {
		return nil, err
	}
	opts := wasmhost.Options{
		CacheDir: c.cacheDir, NoDiskCache: c.cacheDir == "",
		Instances: c.instances, CallTimeout: c.callTimeout, Logger: log, InProcess: c.inProcess,
	}
	if c.memoryMB > 0 {
		opts.MemoryLimitPages = uint32(c.memoryMB) * 16
	}
	e, err := wasmhost.New(ctx, wasm, opts)
	if err != nil {
		return nil, fmt.Errorf("start the engine: %w", err)
	}
	return e, nil
}

// admin opens what the admin commands need: the database and a one-instance engine.
func (c *config) admin(ctx context.Context) (*server.Service, func(), error) {
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	db, err := c.openDB(ctx)
	if err != nil {
		return nil, nil, err
	}
	c.instances = 1
	eng, err := c.openEngine(ctx, log)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	closeAll := func() {
		_ = eng.Close(context.Background())
		_ = db.Close()
	}
	return server.New(db.Store, eng, server.WithLogger(log)), closeAll, nil
}
