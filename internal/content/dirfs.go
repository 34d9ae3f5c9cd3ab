package content

import (
	"io"
	"io/fs"
)

// readLimited reads the file at p of fsys unless it is larger than limit:
// then it returns its size and no data. It reads the size the file had
// when stat'ed, or less if it shrank.
func readLimited(fsys fs.FS, p string, limit int64) ([]byte, int64, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if info.Size() > limit {
		return nil, info.Size(), nil
	}
	data := make([]byte, info.Size())
	n, err := io.ReadFull(f, data)
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, 0, err
	}
	return data[:n], info.Size(), nil
}
