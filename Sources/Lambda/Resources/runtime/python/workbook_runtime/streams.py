"""sys.stdout and sys.stderr for handlers: every write becomes a raw frame (one log event per
line, as Lambda splits a Python function's stdout), with the host's folders shown as
/var/task and /var/runtime (a printed traceback or os.getcwd() must not reveal them)."""

import io

from . import frames
from .sandbox import show_paths


class _BinaryWriter(io.RawIOBase):
    """sys.stdout.buffer: bytes written as they are."""

    def __init__(self, fileno):
        super().__init__()
        self._fileno = fileno

    def writable(self):
        return True

    def write(self, data):
        data = bytes(data)
        if data:
            frames.emit_raw(show_paths(data.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape"))
        return len(data)

    def fileno(self):
        return self._fileno

    def isatty(self):
        return False


class LogStream(io.TextIOBase):
    """A text stream writing raw frames; unbuffered, as Lambda makes stdout and stderr."""

    encoding = "utf-8"
    errors = "strict"
    newlines = None

    def __init__(self, name, fileno):
        super().__init__()
        self.name = name
        self._fileno = fileno
        self.buffer = _BinaryWriter(fileno)

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not " + type(text).__name__)
        if text:
            frames.emit_raw(show_paths(text).encode("utf-8", "surrogateescape"))
        return len(text)

    def flush(self):
        pass

    def fileno(self):
        return self._fileno

    def isatty(self):
        return False


def install():
    import sys

    sys.stdout = LogStream("<stdout>", 1)
    sys.stderr = LogStream("<stderr>", 2)
