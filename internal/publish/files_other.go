//go:build !linux

package publish

import "os"

func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }

func removeAll(path string, _ bool) error { return os.RemoveAll(path) }
