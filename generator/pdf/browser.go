// Package pdf prints pages of a built site to PDF with a Chrome or
// Chromium already installed on the machine, driven over the DevTools
// protocol (chromedp). It finds the browser, starts it headless and
// offline, and prints one file:// document; it knows nothing of sites.
package pdf

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// Finder looks for a browser. Its fields are the world it looks in, so
// that a test can stand in for any system.
type Finder struct {
	GOOS     string
	Getenv   func(string) string
	LookPath func(string) (string, error)
	IsFile   func(string) bool
}

// System is the Finder of the machine this runs on.
func System() Finder {
	return Finder{GOOS: runtime.GOOS, Getenv: os.Getenv, LookPath: exec.LookPath, IsFile: func(p string) bool {
		st, err := os.Stat(p)
		return err == nil && !st.IsDir()
	}}
}

// ErrNoBrowser is returned, wrapped in a message saying what to install,
// when no Chrome or Chromium is found.
var ErrNoBrowser = errors.New("no Chrome or Chromium found")

// pathNames are the program names Chrome, Chromium and Edge (a Chromium
// too) go by on PATH, per system.
var pathNames = map[string][]string{
	"linux":   {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "microsoft-edge", "microsoft-edge-stable"},
	"darwin":  {"chromium", "google-chrome", "chrome"},
	"windows": {"chrome.exe", "msedge.exe", "chromium.exe"},
}

// installPaths are where installers put the browsers. A leading $NAME is
// an environment variable, left out when unset.
var installPaths = map[string][]string{
	"linux": {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
		"/snap/bin/chromium", "/opt/google/chrome/chrome", "/usr/bin/microsoft-edge"},
	"darwin": {"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium",
		"/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
		"$HOME/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "$HOME/Applications/Chromium.app/Contents/MacOS/Chromium"},
	"windows": {`$ProgramFiles\Google\Chrome\Application\chrome.exe`, `$ProgramFiles(x86)\Google\Chrome\Application\chrome.exe`,
		`$LocalAppData\Google\Chrome\Application\chrome.exe`, `$ProgramFiles\Chromium\Application\chrome.exe`,
		`$LocalAppData\Chromium\Application\chrome.exe`, `$ProgramFiles(x86)\Microsoft\Edge\Application\msedge.exe`,
		`$ProgramFiles\Microsoft\Edge\Application\msedge.exe`},
}

// install says what to install, per system.
var install = map[string]string{
	"linux":   "install Chromium (Debian, Ubuntu: sudo apt install chromium; Fedora: sudo dnf install chromium) or Google Chrome",
	"darwin":  "install Google Chrome (https://www.google.com/chrome/) or Chromium (brew install --cask chromium)",
	"windows": "install Google Chrome (https://www.google.com/chrome/); Microsoft Edge works too",
}

// Find returns the browser to use: CHROME_PATH when set (and then only
// it, so a wrong value is reported rather than silently passed over),
// else the first of the usual names on PATH, else the first usual
// install path that exists.
func (f Finder) Find() (string, error) {
	if p := f.Getenv("CHROME_PATH"); p != "" {
		if f.IsFile(p) {
			return p, nil
		}
		return "", fmt.Errorf("%w: CHROME_PATH is %s, which is not a file; point it at a Chrome or Chromium program, or unset it and %s", ErrNoBrowser, p, f.advice())
	}
	for _, name := range pathNames[f.GOOS] {
		if p, err := f.LookPath(name); err == nil {
			return p, nil
		}
	}
	for _, p := range installPaths[f.GOOS] {
		if p = f.expand(p); p != "" && f.IsFile(p) {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w (looked on PATH for %s, and in the usual install folders): %s, or set CHROME_PATH to one",
		ErrNoBrowser, strings.Join(pathNames[f.GOOS], ", "), f.advice())
}

func (f Finder) advice() string {
	if s, ok := install[f.GOOS]; ok {
		return s
	}
	return "install Chromium or Google Chrome"
}

// expand replaces a leading $NAME with the variable's value; "" when it
// is unset.
func (f Finder) expand(p string) string {
	if !strings.HasPrefix(p, "$") {
		return p
	}
	name, rest, _ := strings.Cut(p[1:], string(sepOf(f.GOOS)))
	v := f.Getenv(name)
	if v == "" {
		return ""
	}
	return strings.TrimRight(v, `\/`) + string(sepOf(f.GOOS)) + rest
}

func sepOf(goos string) byte {
	if goos == "windows" {
		return '\\'
	}
	return '/'
}
