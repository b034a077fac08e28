package watch

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// finisher tells when a file is whole: its writer closed it
// (IN_CLOSE_WRITE), or it was renamed into place (IN_MOVED_TO). fsnotify
// v1.10 reads close-write events but keeps the option that asks for them
// unexported, so this is a second inotify instance, on the same folders,
// asking for those two events only.
type finisher struct {
	file  *os.File // the inotify descriptor, non-blocking, so Close ends a Read
	fd    int      // the same, for adding watches (File.Fd would make it blocking)
	done  chan struct{}
	mu    sync.Mutex
	dirs  map[int32]string // watch descriptor -> folder
	names chan string
}

// newFinisher starts reading finished files; nil when the system says no,
// and the watcher then waits for quiet after every change.
func newFinisher() *finisher {
	fd, err := unix.InotifyInit1(unix.IN_CLOEXEC | unix.IN_NONBLOCK)
	if err != nil {
		return nil
	}
	f := &finisher{file: os.NewFile(uintptr(fd), "inotify"), fd: fd, done: make(chan struct{}), dirs: map[int32]string{}, names: make(chan string, 64)}
	go f.read()
	return f
}

// add watches the files of one more folder. A folder it cannot watch
// only loses the shortcut: its saves wait for quiet.
func (f *finisher) add(dir string) {
	if f == nil {
		return
	}
	wd, err := unix.InotifyAddWatch(f.fd, dir, unix.IN_CLOSE_WRITE|unix.IN_MOVED_TO|unix.IN_ONLYDIR)
	if err != nil {
		return
	}
	f.mu.Lock()
	f.dirs[int32(wd)] = dir
	f.mu.Unlock()
}

func (f *finisher) close() {
	if f != nil {
		close(f.done)
		f.file.Close()
	}
}

// finished is the channel of paths finished; nil without a finisher.
func (f *finisher) finished() <-chan string {
	if f == nil {
		return nil
	}
	return f.names
}

func (f *finisher) read() {
	defer close(f.names)
	var buf [64 * (unix.SizeofInotifyEvent + unix.NAME_MAX + 1)]byte
	for {
		n, err := f.file.Read(buf[:])
		if err != nil {
			return // closed
		}
		for off := 0; off+unix.SizeofInotifyEvent <= n; {
			ev := (*unix.InotifyEvent)(unsafe.Pointer(&buf[off]))
			name := buf[off+unix.SizeofInotifyEvent : off+unix.SizeofInotifyEvent+int(ev.Len)]
			off += unix.SizeofInotifyEvent + int(ev.Len)
			f.mu.Lock()
			dir, ok := f.dirs[ev.Wd]
			if ev.Mask&unix.IN_IGNORED != 0 {
				delete(f.dirs, ev.Wd) // the folder is gone
			}
			f.mu.Unlock()
			if !ok || ev.Mask&(unix.IN_CLOSE_WRITE|unix.IN_MOVED_TO) == 0 || ev.Mask&unix.IN_ISDIR != 0 {
				continue
			}
			if i := bytes.IndexByte(name, 0); i >= 0 {
				name = name[:i]
			}
			select {
			case f.names <- filepath.Join(dir, string(name)):
			case <-f.done:
				return
			}
		}
	}
}
