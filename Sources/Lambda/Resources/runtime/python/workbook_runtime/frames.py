"""Everything the runtime process writes reaches the workbook on one pipe (stdout and stderr
combined), framed exactly as the Node bootstrap frames it (runtime/node/output-frames.mjs,
ChildOutputParser.swift): 16 header bytes, big-endian -- type, body length, timestamp in
microseconds (two 32-bit halves) -- then the UTF-8 body. Console events (logging, error
reports) stay one event each even with newlines; raw writes (print) are split into lines by
the Swift side; end markers close a phase's logs; clock frames carry virtual-time jumps.
"""

import os
import select
import struct
import threading

OUTPUT_FD = 1
CONSOLE_EVENT = 0xA55A0000  # low byte: the level, for readers of a raw dump
RAW_WRITE = 0xA55A1000
END_MARKER = 0xA55A2000
CLOCK = 0xA55A3000

# The same level codes as the Node side (TRACE 1 ... FATAL 6).
LEVEL_CODES = {"DEBUG": 2, "INFO": 3, "WARNING": 4, "ERROR": 5, "CRITICAL": 6}

# One CloudWatch Logs event holds at most 256 KB less 26 bytes of overhead; raw writes go in
# 64 KB pieces and the Swift side cuts raw lines at that size (see output-frames.mjs).
MAX_EVENT_BYTES = 262_144 - 26
RAW_PIECE_BYTES = 65_536

_lock = threading.Lock()
# The virtual clock (clock.py installs it); real time until then.
_now_ms = None


def set_clock(now_ms):
    global _now_ms
    _now_ms = now_ms


def _stamp(at_ms):
    if at_ms is None:
        at_ms = _now_ms() if _now_ms else 0
    return max(0, int(round(at_ms * 1000)))


def _write_frame(frame_type, body, at_ms=None):
    micros = _stamp(at_ms)
    header = struct.pack(">IIII", frame_type, len(body), micros >> 32, micros & 0xFFFFFFFF)
    with _lock:
        _write_fully(header + body)


def _write_fully(data):
    # A handler may make fd 1 non-blocking; a full pipe then answers EAGAIN: wait until it
    # drains and go on from where the write stopped, so a frame is never cut.
    view = memoryview(data)
    while view:
        try:
            written = os.write(OUTPUT_FD, view)
        except BlockingIOError:
            select.select([], [OUTPUT_FD], [], 0.05)
            continue
        except InterruptedError:
            continue
        view = view[written:]


def _truncated(body):
    if len(body) <= MAX_EVENT_BYTES:
        return body
    end = MAX_EVENT_BYTES
    while end > 0 and (body[end] & 0xC0) == 0x80:
        end -= 1
    return body[:end]


def emit_console_event(level, text, at_ms=None):
    """One log event (a whole formatted log line, newlines kept)."""
    body = _truncated(text.encode("utf-8", "replace"))
    _write_frame(CONSOLE_EVENT | LEVEL_CODES.get(level, 0), body, at_ms)


def emit_raw(data):
    """Bytes written to stdout/stderr; the Swift side splits them into lines."""
    at = _stamp(None) / 1000
    for offset in range(0, len(data), RAW_PIECE_BYTES):
        _write_frame(RAW_WRITE, data[offset:offset + RAW_PIECE_BYTES], at)


def emit_clock(at_ms):
    """The frozen virtual clock jumped to at_ms (deterministic mode)."""
    _write_frame(CLOCK, b"", at_ms)


def emit_end_marker(name):
    """Everything before this belongs to `name` (a request id, or `init`)."""
    _write_frame(END_MARKER, name.encode("utf-8"))
