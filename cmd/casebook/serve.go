package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/casebook-cx/casebook/generator/parallel"
	"github.com/casebook-cx/casebook/generator/serve"
)

// defaultPort is Hugo's, which writers moving over already know.
const defaultPort = 1313

func runServe(args []string, stdout, stderr io.Writer) int {
	flags := flagSet("serve", "serve [--port 1313] [--bind 127.0.0.1] [--open] [--drafts=true] [--navigate] [DIR]", stderr)
	port := flags.Int("port", defaultPort, "port to listen on; if the default is taken, the next free one is used")
	bind := flags.String("bind", "127.0.0.1", "address to listen on; anything but loopback lets other machines in")
	open := flags.Bool("open", false, "open the site in the default browser")
	drafts := flags.Bool("drafts", true, "show pages marked draft: true (marked as drafts)")
	navigate := flags.Bool("navigate", false, "send the browser to the page whose source was just saved")
	pos, code, done := parse(flags, args, 1)
	if done {
		return code
	}
	root, ok := siteDir(pos, 0, stderr)
	if !ok {
		return exitUsage
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "casebook serve: --port %d: a port is a number from 1 to 65535 (0 takes any free one)\n", *port)
		return exitUsage
	}
	portGiven := false
	flags.Visit(func(f *flag.Flag) { portGiven = portGiven || f.Name == "port" })
	ln, err := listen(*bind, *port, !portGiven, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "casebook serve: %v\n", err)
		return exitContent
	}
	addr := ln.Addr().(*net.TCPAddr)
	opts := serve.Options{Drafts: *drafts, Navigate: *navigate}
	if serve.IsLoopback(*bind) {
		opts.Hosts = serve.LoopbackHosts(addr.Port)
	} else {
		fmt.Fprintf(stderr, "casebook serve: warning: listening on %s: other machines on the network can read the preview\n", *bind)
	}
	// The build's memory policy (memory.go), with the limit set in the
	// first build: the preview holds a library as large as that build's,
	// between builds too.
	prepared, restore := boundMemory()
	defer restore()
	opts.Prepared = sync.OnceFunc(prepared)
	defer spareProcessor()()
	srv := serve.New(root, opts)
	defer srv.Close()
	rep := srv.Rebuild(nil)
	printReport(stdout, stderr, rep)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Requests live in ctx, so Ctrl-C ends the live-reload streams too.
	httpSrv := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, BaseContext: func(net.Listener) context.Context { return ctx }}
	served := make(chan error, 1)
	go func() { served <- httpSrv.Serve(ln) }()
	url := fmt.Sprintf("http://%s/", net.JoinHostPort(displayHost(*bind), strconv.Itoa(addr.Port)))
	fmt.Fprintf(stdout, "serving %s at %s (Ctrl-C stops)\n", root, url)
	if *open {
		openBrowser(url, stderr)
	}
	watched := make(chan error, 1)
	go func() { watched <- srv.Watch(ctx, func(r serve.Report) { printReport(stdout, stderr, r) }) }()

	status := exitOK
	select {
	case <-ctx.Done():
	case err := <-served:
		fmt.Fprintf(stderr, "casebook serve: %v\n", err)
		status = exitContent
	case err := <-watched:
		if err != nil {
			fmt.Fprintf(stderr, "casebook serve: watching %s: %v\n", root, err)
			status = exitContent
		}
	}
	stop()
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = httpSrv.Shutdown(shutdown)
	fmt.Fprintln(stdout, "stopped")
	return status
}

// spareProcessor gives the process one processor (GOMAXPROCS) more than
// a rebuild's workers use, and returns what puts it back. A save arrives
// while the rebuild of the last one runs on every processor; Go hands a
// goroutine that wakes up a processor only when one is free or a worker
// is preempted, some 10 ms later, and the spare one lets the watcher, the
// page Quick shows and the reload event go at once, sharing the cores
// through the system's scheduler. A user's GOMAXPROCS is left as it is.
func spareProcessor() (restore func()) {
	if os.Getenv("GOMAXPROCS") != "" {
		return func() {}
	}
	old := runtime.GOMAXPROCS(0)
	runtime.GOMAXPROCS(old + 1)
	parallel.Reserve(1)
	return func() {
		parallel.Reserve(0)
		runtime.GOMAXPROCS(old)
	}
}

// listen opens bind:port. When the port is the default one and taken,
// it tries the next ones, as a writer with another preview open expects.
func listen(bind string, port int, tryNext bool, stdout io.Writer) (net.Listener, error) {
	for p := port; ; p++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(p)))
		if err == nil {
			if p != port {
				fmt.Fprintf(stdout, "port %d is in use; using %d\n", port, p)
			}
			return ln, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			return nil, err
		}
		if !tryNext {
			return nil, fmt.Errorf("port %d is in use; choose another with --port", p)
		}
		if p >= port+20 {
			return nil, fmt.Errorf("ports %d-%d are in use; choose another with --port", port, p)
		}
	}
}

func displayHost(bind string) string {
	if bind == "" || bind == "0.0.0.0" || bind == "::" {
		return "localhost"
	}
	return bind
}

// printReport prints a rebuild's errors and warnings, as build does, and
// what it changed.
func printReport(stdout, stderr io.Writer, r serve.Report) {
	if r.Superseded {
		return // the rebuild for the saves that made it so reports instead
	}
	if report(r.Errors, stderr) != exitOK {
		fmt.Fprintln(stderr, "still serving the last good site")
		return
	}
	if r.Quick {
		if len(r.Changed) > 0 {
			fmt.Fprintf(stdout, "shown in %dms: %s (the rest of the site follows)\n", r.Duration.Milliseconds(), strings.Join(r.Changed, ", "))
		}
		return
	}
	fmt.Fprintf(stdout, "built in %dms: %d %s rendered, %d %s changed\n", r.Duration.Milliseconds(),
		r.Rendered, plural(r.Rendered, "page", "pages"), len(r.Changed), plural(len(r.Changed), "file", "files"))
}

// openBrowser asks the desktop to open url; failing is not an error.
func openBrowser(url string, stderr io.Writer) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "casebook serve: could not open a browser (%v); open %s\n", err, url)
		return
	}
	go func() { _ = cmd.Wait() }() // reap it, whenever it ends
}
