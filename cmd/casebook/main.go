// Command casebook builds and checks customer-experience case libraries.
// See the README for the commands; run is the whole program, so tests can
// call it in-process.
package main

import "os"

func main() {
	stop := startProfile()
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
