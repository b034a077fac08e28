package host

import (
	"bufio"
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// parseHeaders reads a _headers file as Netlify and Cloudflare Pages do: a
// path at the start of a line, then its headers indented, "Name: value".
func parseHeaders(t *testing.T, s string) map[string]map[string]string {
	t.Helper()
	rules := map[string]map[string]string{}
	var path string
	sc := bufio.NewScanner(strings.NewReader(s))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " "):
			if !strings.HasPrefix(line, "/") {
				t.Errorf("_headers:%d: a path must start with /: %q", n, line)
			}
			path = line
			if rules[path] != nil {
				t.Errorf("_headers:%d: %s twice", n, path)
			}
			rules[path] = map[string]string{}
		default:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok || path == "" || value == "" {
				t.Errorf("_headers:%d: want an indented \"Name: value\" under a path, got %q", n, line)
				continue
			}
			rules[path][name] = value
		}
	}
	return rules
}

func TestHeadersFile(t *testing.T) {
	rules := parseHeaders(t, HeadersFile())
	if got := rules["/*"]["Content-Security-Policy"]; got != ContentSecurityPolicy {
		t.Errorf("the CSP for /* is %q, want the site's %q", got, ContentSecurityPolicy)
	}
	if got := rules["/assets/*"]["Cache-Control"]; got != AssetCache {
		t.Errorf("assets/ are cached %q", got)
	}
	// Both hosts join two matching rules' values of one header, which would
	// make a nonsense Cache-Control or a doubled policy.
	for name := range rules["/*"] {
		if _, twice := rules["/assets/*"][name]; twice {
			t.Errorf("%s is set for /* and /assets/* both", name)
		}
	}
	for _, directive := range []string{"script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
		if !strings.Contains(ContentSecurityPolicy, directive) || strings.Contains(ContentSecurityPolicy, "unsafe-") {
			t.Errorf("the policy lacks %s or allows something unsafe: %s", directive, ContentSecurityPolicy)
		}
	}
}

func TestPagesWorkflow(t *testing.T) {
	var wf struct {
		On          map[string]any    `yaml:"on"`
		Permissions map[string]string `yaml:"permissions"`
		Jobs        map[string]struct {
			Needs       any `yaml:"needs"`
			Environment struct {
				Name string `yaml:"name"`
			} `yaml:"environment"`
			Steps []struct {
				ID   string            `yaml:"id"`
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	src := Files("v1.2.3")[".github/workflows/pages.yml"]
	if err := yaml.Unmarshal([]byte(src), &wf); err != nil {
		t.Fatalf("the workflow is not YAML: %v\n%s", err, src)
	}
	if wf.Permissions["pages"] != "write" || wf.Permissions["id-token"] != "write" || wf.On["push"] == nil {
		t.Errorf("permissions %v, on %v", wf.Permissions, wf.On)
	}
	var uses []string
	run := ""
	for _, s := range wf.Jobs["build"].Steps {
		if s.Uses != "" {
			uses = append(uses, strings.Split(s.Uses, "@")[0])
		}
		if s.Run != "" {
			run = s.Run
		}
		if strings.HasPrefix(s.Uses, "actions/upload-pages-artifact@") && s.With["path"] != "public" {
			t.Errorf("the artifact is %q, want public", s.With["path"])
		}
	}
	if want := "actions/checkout actions/setup-go actions/configure-pages actions/upload-pages-artifact"; strings.Join(uses, " ") != want {
		t.Errorf("build steps use %v, want %s", uses, want)
	}
	if want := `go run github.com/casebook-cx/casebook/cmd/casebook@v1.2.3 build --baseURL "${{ steps.pages.outputs.base_url }}"`; run != want {
		t.Errorf("build runs %q, want %q", run, want)
	}
	deploy := wf.Jobs["deploy"]
	if deploy.Needs != "build" || deploy.Environment.Name != "github-pages" || len(deploy.Steps) != 1 ||
		!strings.HasPrefix(deploy.Steps[0].Uses, "actions/deploy-pages@") {
		t.Errorf("deploy job: %+v", deploy)
	}
}

// parseTOML reads the little TOML netlify.toml uses: [tables] and
// key = "basic" or 'literal' strings, and returns "table.key" -> value.
// Anything else is an error, so the file stays within what it checks.
func parseTOML(s string) (map[string]string, error) {
	values := map[string]string{}
	table := ""
	for n, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			table = strings.TrimSuffix(strings.TrimPrefix(line, "["), "]")
			if table == "" || strings.ContainsAny(table, " []\"'") {
				return nil, fmt.Errorf("line %d: bad table name %q", n+1, line)
			}
		default:
			key, value, ok := strings.Cut(line, " = ")
			if !ok || key == "" || strings.ContainsAny(key, " \"'") || len(value) < 2 {
				return nil, fmt.Errorf("line %d: want key = \"value\", got %q", n+1, line)
			}
			q := value[0]
			if (q != '"' && q != '\'') || value[len(value)-1] != q || strings.ContainsRune(value[1:len(value)-1], rune(q)) ||
				(q == '"' && strings.Contains(value, `\`)) {
				return nil, fmt.Errorf("line %d: want a plain quoted string, got %s", n+1, value)
			}
			full := table + "." + key
			if _, dup := values[full]; dup {
				return nil, fmt.Errorf("line %d: %s set twice", n+1, full)
			}
			values[full] = value[1 : len(value)-1]
		}
	}
	return values, nil
}

func TestNetlifyTOML(t *testing.T) {
	v, err := parseTOML(Files("latest")["netlify.toml"])
	if err != nil {
		t.Fatal(err)
	}
	run := "go run github.com/casebook-cx/casebook/cmd/casebook@latest build --baseURL "
	for key, want := range map[string]string{
		"build.publish":                  "public",
		"build.command":                  run + `"$URL"`,
		"context.deploy-preview.command": run + `"$DEPLOY_PRIME_URL"`,
		"context.branch-deploy.command":  run + `"$DEPLOY_PRIME_URL"`,
		"build.environment.GOTOOLCHAIN":  "auto",
	} {
		if v[key] != want {
			t.Errorf("%s = %q, want %q", key, v[key], want)
		}
	}
	for _, bad := range []string{"[build\nx = 'y'", "[build]\nx = \"a\"b\"", "[build]\nx = y", "[build]\nx = 'a'\nx = 'b'"} {
		if _, err := parseTOML(bad); err == nil {
			t.Errorf("the TOML check accepts %q", bad)
		}
	}
}

func TestIsRelease(t *testing.T) {
	for v, want := range map[string]bool{
		"v1.2.3": true, "v1.2.3-rc.1": true, "(devel)": false, "": false,
		"v0.0.0-20261201120000-0123456789ab": false, "v1.2.4-0.20261201120000-0123456789ab": false, "v1.2.3+dirty": false,
	} {
		if isRelease(v) != want {
			t.Errorf("isRelease(%q) = %v", v, !want)
		}
	}
}
