#!/usr/bin/env bash
# build.sh builds the Invite Guard Worker into server/worker/build/:
#   worker.mjs, runtime.mjs, wasm_exec.js  the glue of github.com/syumai/workers (workers-assets-gen -mode=go)
#   app.wasm                               the server, GOOS=js GOARCH=wasm, the core linked in natively
# The Worker reports the engine id of core.wasm built from the same source, so core.wasm is built first
# (build/core.wasm at the repository root, the command of RATIONALE.md "The wasm ABI"), and its sha256 is
# linked into app.wasm. Prints the sizes raw and gzipped (the free plan allows 3 MB gzipped).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../../scripts/lib.sh" # build_core_wasm, engine_id; moves to the repository root

build_core_wasm
engine_id="$(engine_id)"

go run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o "$here/build"
GOOS=js GOARCH=wasm go build -trimpath -ldflags "-s -w -X main.engineID=$engine_id" \
	-o "$here/build/app.wasm" ./server/worker

raw=$(stat -c %s "$here/build/app.wasm")
gz=$(gzip -9 -c "$here/build/app.wasm" | wc -c)
awk -v dir="$here/build" -v id="$engine_id" -v raw="$raw" -v gz="$gz" 'BEGIN {
	printf "worker: %s\n  engine id %s\n  app.wasm %d bytes raw (%.1f MB), %d bytes gzipped (%.2f MB; free plan 3 MB, paid 10 MB)\n",
		dir, id, raw, raw / 1e6, gz, gz / 1e6 }'
# What Cloudflare counts: wrangler's own figure for the upload (offline, nothing is sent).
if [[ -x "$here/node_modules/.bin/wrangler" ]]; then
	(cd "$here" && WRANGLER_SEND_METRICS=false NO_COLOR=1 node_modules/.bin/wrangler deploy --dry-run \
		--outdir "$here/build/dry-run" 2>&1 | grep -m1 'Total Upload' | sed 's/^/  wrangler: /') || true
fi
