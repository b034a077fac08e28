package host

import (
	"runtime/debug"
	"strings"
)

// Module is casebook's Go module, which hosts install and run from source.
const Module = "github.com/casebook-cx/casebook"

// Files are the host set-up files casebook init writes into a new library,
// by path relative to it: a GitHub Pages workflow, netlify.toml, and the
// _headers file in static/ (copied to the site's root at each build). They
// run casebook at version ("v1.2.0", or "latest").
func Files(version string) map[string]string {
	run := "go run " + Module + "/cmd/casebook@" + version + " build"
	return map[string]string{
		".github/workflows/pages.yml": strings.ReplaceAll(pagesWorkflow, "{{run}}", run),
		"netlify.toml":                strings.ReplaceAll(netlifyTOML, "{{run}}", run),
		"static/_headers":             HeadersFile(),
	}
}

// ToolVersion is the version of the running casebook as a module version
// a host can fetch: its own when it was installed as a released module,
// else "latest".
func ToolVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && isRelease(info.Main.Version) {
		return info.Main.Version
	}
	return "latest"
}

// isRelease reports whether v names a tagged version (v1.2.0), not a
// development build or a pseudo-version made from a commit.
func isRelease(v string) bool {
	return strings.HasPrefix(v, "v") && !strings.Contains(v, "-0.") && !strings.Contains(v, "+dirty") && strings.Count(v, "-") <= 1
}

// pagesWorkflow builds the site on every push to main and publishes it
// with GitHub Pages. configure-pages tells the address Pages serves the
// site at (https://USER.github.io/REPO), which becomes the baseURL.
const pagesWorkflow = `# Publishes the site with GitHub Pages on every push to main.
# Written by casebook init. Turn it on once: the repository's Settings >
# Pages > Build and deployment > Source: GitHub Actions.
name: Publish to GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-go@v6
        with:
          go-version: stable
          cache: false
      - id: pages
        uses: actions/configure-pages@v5
      - name: Build
        run: {{run}} --baseURL "${{ steps.pages.outputs.base_url }}"
      - uses: actions/upload-pages-artifact@v4
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`

// netlifyTOML builds the site on Netlify: production at the site's
// address (URL), deploy previews and branch deploys at their own
// (DEPLOY_PRIME_URL), so their links, feeds and share cards point at
// themselves.
const netlifyTOML = `# Netlify builds and publishes the site from this file. Written by casebook init.
# The headers (Content-Security-Policy, caching) are in static/_headers.

[build]
  publish = "public"
  command = '{{run}} --baseURL "$URL"'

[build.environment]
  GO_VERSION = "1.26.x"
  GOTOOLCHAIN = "auto"

[context.deploy-preview]
  command = '{{run}} --baseURL "$DEPLOY_PRIME_URL"'

[context.branch-deploy]
  command = '{{run}} --baseURL "$DEPLOY_PRIME_URL"'
`
