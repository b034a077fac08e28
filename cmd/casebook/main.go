// Command casebook builds and checks customer-experience case libraries.
// See the README for the commands; run is the whole program, so tests can
// call it in-process.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
