package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestBuildVersion(t *testing.T) {
	installed := &debug.BuildInfo{Main: debug.Module{Version: "v0.3.1"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-11-30T10:00:00Z"}}}
	for _, tc := range []struct {
		name                   string
		stamp                  [3]string // version, commit, date set by -ldflags
		info                   *debug.BuildInfo
		ok                     bool
		wantV, wantC, wantDate string
	}{
		{"go install @latest", [3]string{}, installed, true, "v0.3.1", "0123456789ab", "2026-11-30T10:00:00Z"},
		{"release stamp wins", [3]string{"v1.0.0", "feedbeef", "2026-12-01T00:00:00Z"}, installed, true, "v1.0.0", "feedbeef", "2026-12-01T00:00:00Z"},
		{"go run from a clone", [3]string{}, &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "(devel)", "unknown", "unknown"},
		{"no build info", [3]string{}, nil, false, "(devel)", "unknown", "unknown"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			version, commit, date = tc.stamp[0], tc.stamp[1], tc.stamp[2]
			t.Cleanup(func() { version, commit, date = "", "", "" })
			v, c, d := buildVersion(tc.info, tc.ok)
			if v != tc.wantV || c != tc.wantC || d != tc.wantDate {
				t.Errorf("got %q %q %q, want %q %q %q", v, c, d, tc.wantV, tc.wantC, tc.wantDate)
			}
		})
	}
}

func TestVersionCommand(t *testing.T) {
	version, commit, date = "v9.8.7", "abc1234", "2026-12-01T12:00:00Z"
	t.Cleanup(func() { version, commit, date = "", "", "" })
	code, stdout, _ := casebook(t, "version")
	if want := "casebook v9.8.7 (commit abc1234, built 2026-12-01T12:00:00Z)\n"; code != exitOK || stdout != want {
		t.Errorf("version: exit %d, %q; want 0, %q", code, stdout, want)
	}
	if code, _, stderr := casebook(t, "version", "extra"); code != exitUsage || !strings.Contains(stderr, "too many arguments") {
		t.Errorf("version extra: exit %d, %q; want a usage error", code, stderr)
	}
}
