package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// Set at link time by scripts/release.sh:
//
//	-ldflags "-X main.version=v1.2.0 -X main.commit=abc1234 -X main.date=2026-12-01T00:00:00Z"
//
// Left empty, they are read from the build information the Go tool
// records, so that "go install ...@latest" still tells its version.
var version, commit, date string

// buildVersion is what "casebook version" prints: version, commit and
// date, each from the link-time stamp when there is one, else from info.
func buildVersion(info *debug.BuildInfo, ok bool) (v, c, d string) {
	v, c, d = version, commit, date
	if ok {
		if v == "" && info.Main.Version != "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch {
			case s.Key == "vcs.revision" && c == "":
				c = s.Value
			case s.Key == "vcs.time" && d == "":
				d = s.Value
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	if len(c) > 12 {
		c = c[:12]
	}
	if c == "" {
		c = "unknown"
	}
	if d == "" {
		d = "unknown"
	}
	return v, c, d
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("version", "version", stderr)
	if _, code, done := parse(fs, args, 0); done {
		return code
	}
	info, ok := debug.ReadBuildInfo()
	v, c, d := buildVersion(info, ok)
	fmt.Fprintf(stdout, "casebook %s (commit %s, built %s)\n", v, c, d)
	return exitOK
}
