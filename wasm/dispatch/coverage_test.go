package dispatch

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// coreDir is the core package's source, relative to this package.
const coreDir = "../../core"

// codeConstants reads core's source and returns the string constants that are
// codes a golden output must show: those of type Flag, ReasonCode or
// IssueCode, and those named Reason… or Issue… (see core/testdata/README.md).
func codeConstants(t *testing.T) (flags, reasons []string) {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(coreDir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				typ := ""
				if id, ok := vs.Type.(*ast.Ident); ok {
					typ = id.Name
				}
				for i, id := range vs.Names {
					if i >= len(vs.Values) {
						continue
					}
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					v, _ := strconv.Unquote(lit.Value)
					named := strings.HasPrefix(id.Name, "Reason") || strings.HasPrefix(id.Name, "Issue")
					switch {
					case typ == "Flag":
						flags = append(flags, v)
					case typ == "ReasonCode", typ == "IssueCode", named && (typ == "" || typ == "string"):
						reasons = append(reasons, v)
					}
				}
			}
		}
	}
	return flags, reasons
}

// TestGoldenCoverage requires every flag and every reason/issue code of the
// core to appear in some golden output.
func TestGoldenCoverage(t *testing.T) {
	flags, reasons := codeConstants(t)
	if len(flags) == 0 {
		t.Fatal("found no constants of type Flag in core")
	}
	if len(reasons) == 0 {
		t.Fatal("found no reason codes in core: declare them as constants named Reason… (or of type ReasonCode)")
	}
	var all strings.Builder
	for _, c := range goldenCases(t) {
		b, err := os.ReadFile(c.Out)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	outputs := all.String()
	for _, f := range flags {
		if !strings.Contains(outputs, strconv.Quote(f)) {
			t.Errorf("flag %q appears in no golden output", f)
		}
	}
	for _, r := range reasons {
		if !strings.Contains(outputs, `"code":`+strconv.Quote(r)) {
			t.Errorf("reason code %q appears in no golden output", r)
		}
	}
}
