// Package golden finds the golden cases of the core (core/testdata, see its
// README.md) for the runners: wasm/dispatch (native), server/wasmhost
// (core.wasm under wazero) and any test that must agree with them.
package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Case is one request file and its expected response file.
type Case struct {
	Op   string // the operation, the folder's name
	Name string // the file name without .in.json
	In   string // path of <name>.in.json
	Out  string // path of <name>.out.json
}

// Request reads the request bytes.
func (c Case) Request() ([]byte, error) { return os.ReadFile(c.In) }

// Want reads the expected response: the .out.json bytes without their final "\n".
func (c Case) Want() ([]byte, error) {
	b, err := os.ReadFile(c.Out)
	if err != nil {
		return nil, err
	}
	if len(b) == 0 || b[len(b)-1] != '\n' {
		return nil, fmt.Errorf("%s must end with one newline", c.Out)
	}
	return b[:len(b)-1], nil
}

// Dir returns core/testdata of the module the working directory is in.
func Dir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "core", "testdata"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("golden: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Request reads the request of the golden case name, "<op>/<name>"
// (<op>/<name>.in.json under Dir).
func Request(name string) ([]byte, error) {
	dir, err := Dir()
	if err != nil {
		return nil, err
	}
	return os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)+".in.json"))
}

// Cases lists every <op>/<name>.in.json under Dir, sorted by path.
func Cases() ([]Case, error) {
	dir, err := Dir()
	if err != nil {
		return nil, err
	}
	ins, err := filepath.Glob(filepath.Join(dir, "*", "*.in.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(ins)
	cases := make([]Case, 0, len(ins))
	for _, in := range ins {
		cases = append(cases, Case{
			Op:   filepath.Base(filepath.Dir(in)),
			Name: strings.TrimSuffix(filepath.Base(in), ".in.json"),
			In:   in,
			Out:  strings.TrimSuffix(in, ".in.json") + ".out.json",
		})
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("golden: no cases under %s", dir)
	}
	return cases, nil
}
