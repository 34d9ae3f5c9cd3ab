package cli

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/refpack/refpack/internal/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "serve [-s SITE] [--addr 127.0.0.1:1313] [--drafts]",
		"Build the site in memory and serve it for preview; rebuild and reload open pages\nwhen content/ or templates/ change. Nothing is written to disk.", stderr)
	siteDir := fs.String("s", ".", "site root (the directory holding content/)")
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on (port 0 picks a free port)")
	drafts := fs.Bool("drafts", false, "include draft case studies, marked as drafts")
	rest, code, ok := parse(fs, args, stdout)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "refpack serve: unexpected argument %q (use -s SITE)\n", rest[0])
		return ExitUsage
	}
	if info, err := os.Stat(filepath.Join(*siteDir, "content")); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "refpack serve: %s has no content/ directory (use -s SITE)\n", *siteDir)
		return ExitUsage
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		fmt.Fprintf(stderr, "refpack serve: --addr %q: %v\n", *addr, err)
		return ExitUsage
	}
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "refpack serve: %v\n", err)
		return ExitProblem
	}
	defer l.Close()
	if ip := l.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() {
		fmt.Fprintf(stderr, "refpack serve: warning: listening on %s: other machines can see the site, drafts included\n", l.Addr())
	}
	// The consent rule is applied at the day the server starts.
	today, err := todayFrom("")
	if err != nil {
		fmt.Fprintf(stderr, "refpack serve: %v\n", err)
		return ExitUsage
	}
	srv, err := serve.New(serve.Options{Dir: *siteDir, Drafts: *drafts, Date: today, Log: stderr}, l.Addr().String())
	if err != nil {
		fmt.Fprintf(stderr, "refpack serve: %v\n", err)
		return ExitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Run(ctx, l); err != nil {
		fmt.Fprintf(stderr, "refpack serve: %v\n", err)
		return ExitProblem
	}
	return ExitOK
}
