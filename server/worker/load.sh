#!/usr/bin/env bash
# load.sh runs the same bounded load (server/cmd/igload) against the Worker under `wrangler dev` with local D1
# and against the self-hosted server (./scripts/load), and prints both tables one after the other.
#   server/worker/load.sh [igload flags]    e.g. server/worker/load.sh -duration 10s -scenario verify
# 127.0.0.1 only; wrangler runs offline (no account, no telemetry) on a temporary D1 state directory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../../scripts/lib.sh"

wrangler="$here/node_modules/.bin/wrangler"
[[ -x "$wrangler" ]] || { echo "load.sh: wrangler is not installed: npm ci --prefix server/worker" >&2; exit 1; }
"$here/build.sh" >/dev/null
go build -trimpath -o build/igload ./server/cmd/igload

tmp=$(mktemp -d)
dev_pid=""
cleanup() {
	if [[ -n "$dev_pid" ]]; then
		kill -TERM -- "-$dev_pid" 2>/dev/null || true # wrangler and the workerd it started
		wait "$dev_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

for v in $(env | grep -o '^\(CLOUDFLARE\|CF\)_[A-Z_]*' || true); do unset "$v"; done
export WRANGLER_SEND_METRICS=false WRANGLER_SEND_ERROR_REPORTS=false NO_COLOR=1 FORCE_COLOR=0
export WRANGLER_LOG_PATH="$tmp/logs" XDG_CONFIG_HOME="$tmp/config"
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port=$(free_port)
secret=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')

cd "$here"
"$wrangler" d1 migrations apply DB --local --persist-to "$tmp/state" >"$tmp/migrate.log" 2>&1 || { cat "$tmp/migrate.log" >&2; exit 1; }
start=$(date +%s%N)
setsid "$wrangler" dev --ip 127.0.0.1 --port "$port" --inspector-port "$(free_port)" --persist-to "$tmp/state" \
	--show-interactive-dev-session=false --log-level warn --var "INVITEGUARD_ADMIN_SECRET:$secret" --var INVITEGUARD_RATE_LIMIT:off >"$tmp/dev.log" 2>&1 &
dev_pid=$!
for _ in $(seq 1 900); do
	if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
	sleep 0.1
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$tmp/dev.log" >&2; exit 1; }
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
token=$(curl -fsS -X POST -H "Authorization: Bearer $secret" -H 'Content-Type: application/json' \
	-d '{"user":"load","label":"load"}' "http://127.0.0.1:$port/admin/v1/tokens" |
	sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
cd "$ROOT"

say "== Worker: wrangler dev (workerd), local D1, core linked natively — ready in ${ready_ms} ms"
worker_rc=0
INVITEGUARD_TOKEN="$token" build/igload -url "http://127.0.0.1:$port" "$@" || worker_rc=$?
kill -TERM -- "-$dev_pid" 2>/dev/null || true
wait "$dev_pid" 2>/dev/null || true
dev_pid=""

say "== Self-hosted: inviteguard serve, SQLite file, core.wasm under wazero"
self_rc=0
./scripts/load "$@" || self_rc=$?
exit $(( worker_rc || self_rc ))
