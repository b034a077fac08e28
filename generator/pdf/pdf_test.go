package pdf

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// TestRead reads a PDF Chromium printed from testdata/two-pages.html:
// two pages of 8 × 4.5 in, each with its own text, accents and all.
func TestRead(t *testing.T) {
	data, err := os.ReadFile("testdata/two-pages.pdf")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 2 {
		t.Fatalf("%d pages, want 2", len(doc.Pages))
	}
	for i, want := range []string{"First page: the delivered washing machine, in bold and italic.", "Toinen sivu: välinpitämättömyys, Ärrä and Öljy."} {
		p := doc.Pages[i]
		if p.Width != 576 || p.Height != 324 {
			t.Errorf("page %d is %v×%v pt, want 576×324", i+1, p.Width, p.Height)
		}
		if got := Squeeze(p.Text); !strings.Contains(got, Squeeze(want)) {
			t.Errorf("page %d's text %q does not hold %q", i+1, p.Text, want)
		}
	}
	if strings.Contains(doc.Pages[0].Text, "Toinen") {
		t.Errorf("page 1 holds page 2's text: %q", doc.Pages[0].Text)
	}
}

func TestFind(t *testing.T) {
	type world struct {
		env   map[string]string
		path  map[string]string // name on PATH -> its file
		files []string
	}
	for _, tc := range []struct {
		name, goos string
		world      world
		want       string // the path found, or "" for none
		says       string // for none, a word of the message
	}{
		{"CHROME_PATH wins", "linux", world{env: map[string]string{"CHROME_PATH": "/opt/c/chrome"}, path: map[string]string{"chromium": "/usr/bin/chromium"}, files: []string{"/opt/c/chrome"}}, "/opt/c/chrome", ""},
		{"a wrong CHROME_PATH is not passed over", "linux", world{env: map[string]string{"CHROME_PATH": "/nowhere"}, files: []string{"/usr/bin/chromium"}}, "", "CHROME_PATH is /nowhere"},
		{"PATH before install folders", "linux", world{path: map[string]string{"google-chrome": "/home/me/bin/google-chrome"}, files: []string{"/usr/bin/chromium"}}, "/home/me/bin/google-chrome", ""},
		{"snap", "linux", world{files: []string{"/snap/bin/chromium"}}, "/snap/bin/chromium", ""},
		{"macOS app", "darwin", world{files: []string{"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"}}, "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", ""},
		{"macOS app in home", "darwin", world{env: map[string]string{"HOME": "/Users/me"}, files: []string{"/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium"}}, "/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium", ""},
		{"Windows Program Files", "windows", world{env: map[string]string{"ProgramFiles": `C:\Program Files`}, files: []string{`C:\Program Files\Google\Chrome\Application\chrome.exe`}}, `C:\Program Files\Google\Chrome\Application\chrome.exe`, ""},
		{"Windows Edge", "windows", world{env: map[string]string{"ProgramFiles(x86)": `C:\Program Files (x86)`}, files: []string{`C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe`}}, `C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe`, ""},
		{"none on Linux", "linux", world{}, "", "sudo apt install chromium"},
		{"none on macOS", "darwin", world{}, "", "brew install --cask chromium"},
		{"none on Windows", "windows", world{}, "", "install Google Chrome"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := Finder{GOOS: tc.goos,
				Getenv: func(k string) string { return tc.world.env[k] },
				LookPath: func(name string) (string, error) {
					if p, ok := tc.world.path[name]; ok {
						return p, nil
					}
					return "", errors.New("not found")
				},
				IsFile: func(p string) bool {
					for _, f := range tc.world.files {
						if f == p {
							return true
						}
					}
					return false
				}}
			got, err := f.Find()
			if got != tc.want {
				t.Errorf("found %q (%v), want %q", got, err, tc.want)
			}
			if tc.want == "" && (!errors.Is(err, ErrNoBrowser) || !strings.Contains(err.Error(), tc.says)) {
				t.Errorf("error %v, want ErrNoBrowser saying %q", err, tc.says)
			}
		})
	}
}
