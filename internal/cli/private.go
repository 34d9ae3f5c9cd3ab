package cli

import (
	"fmt"
	"os"
	"path/filepath"
)

// privateOutput describes private output (packs, reports) for the messages
// of checkPrivateDest.
type privateOutput struct {
	what string // e.g. "briefing packs into " or "" for a single file
	why  string // e.g. "packs are private"
	hint string // where to write instead
}

// checkPrivateDest refuses to write private output at dest (a directory or
// a file) where it could be published or mixed with sources: inside the
// site's public/, content/ or templates/, or inside any directory holding a
// built site (a sitemap.xml beside a feed.xml), such as a build's -o DIR.
func checkPrivateDest(siteDir, dest string, out privateOutput) error {
	absSite, err := realPath(siteDir)
	if err != nil {
		return err
	}
	absDest, err := realPath(dest)
	if err != nil {
		return err
	}
	public, err := realPath(filepath.Join(absSite, "public"))
	if err != nil {
		return err
	}
	if holds(public, absDest) {
		return fmt.Errorf("refusing to write %s%s: it is inside the public site %s, and %s (%s)", out.what, dest, public, out.why, out.hint)
	}
	for _, name := range []string{"content", "templates"} {
		src, err := realPath(filepath.Join(absSite, name))
		if err != nil {
			return err
		}
		if holds(src, absDest) {
			return fmt.Errorf("refusing to write %s%s: it is inside the site's sources %s", out.what, dest, src)
		}
	}
	for dir := absDest; ; dir = filepath.Dir(dir) {
		if isFile(filepath.Join(dir, "sitemap.xml")) && isFile(filepath.Join(dir, "feed.xml")) {
			return fmt.Errorf("refusing to write %s%s: %s holds a built site (sitemap.xml, feed.xml), and %s", out.what, dest, dir, out.why)
		}
		if filepath.Dir(dir) == dir {
			return nil
		}
	}
}

func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

// writeFileAtomic writes data to a temporary file beside path, then renames
// it, so that a failure never leaves half a file.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
