# Shared by the scripts in this folder: sourced, not run.
# Sets ROOT to the repository root and moves there, whatever the caller's cwd.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# The one command that makes core.wasm; the engine id is the sha256 of its output.
# (extension/build.mjs uses the same flags when build/core.wasm is missing.)
build_core_wasm() {
	mkdir -p build
	GOOS=wasip1 GOARCH=wasm go build -trimpath -buildmode=c-shared -o build/core.wasm ./wasm
}

# build_server builds core.wasm, copies it to where the server embeds it
# (server/wasmhost/embedded: the very same bytes) and builds build/inviteguard.
build_server() {
	build_core_wasm
	cp build/core.wasm server/wasmhost/embedded/blob/core.wasm
	go build -trimpath -o build/inviteguard ./server/cmd/inviteguard
}

# engine_id prints the lowercase hex sha256 of build/core.wasm.
engine_id() { sha256sum build/core.wasm | cut -d' ' -f1; }

# say prints a line in bold when stdout is a terminal.
say() {
	if [[ -t 1 ]]; then printf '\033[1m%s\033[0m\n' "$*"; else printf '%s\n' "$*"; fi
}

# go_packages lists the module's packages, without the Go code npm packages
# bring along in extension/node_modules (go's ./... would include it).
go_packages() { go list ./... | grep -v '/node_modules/'; }
