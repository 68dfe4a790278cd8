// Everything the runtime process writes goes to the Swift side on one pipe (stdout and
// stderr combined). Lambda's console events can hold newlines and must stay one event each,
// and the Swift side must know where one invocation's logs end, so every write is framed
// (ChildOutputParser.swift): 16 header bytes, big-endian — type, body length, timestamp in
// microseconds (two 32-bit halves) — then the UTF-8 body.

import { writeSync } from 'node:fs';
import { virtualNow } from './clock.mjs';

const OUTPUT_FD = 1;
const CONSOLE_EVENT = 0xa55a0000; // low byte: the level, for readers of a raw dump
const RAW_WRITE = 0xa55a1000;
const END_MARKER = 0xa55a2000;
const CLOCK = 0xa55a3000; // no body: the virtual clock moved to the frame's timestamp
const TWO_32 = 2 ** 32;

// One CloudWatch Logs event holds at most 256 KB, 26 bytes of which are per-event overhead
// (PutLogEvents quota: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html).
// A longer console event is cut to that size here, so that one huge line never crosses the
// pipe whole [I: what Lambda itself does with such a line is not verified]. Raw writes are
// sent in pieces instead; the Swift side cuts raw lines at the same size.
const MAX_EVENT_BYTES = 262_144 - 26;
const RAW_PIECE_BYTES = 65_536;

export const LEVEL_CODES = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 };

function writeFrame(type, content, atMs) {
  const body = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  const micros = Math.max(0, Math.round(atMs * 1000));
  const header = Buffer.alloc(16);
  header.writeUInt32BE(type >>> 0, 0);
  header.writeUInt32BE(body.length, 4);
  header.writeUInt32BE(Math.floor(micros / TWO_32), 8);
  header.writeUInt32BE(micros % TWO_32, 12);
  writeFully(Buffer.concat([header, body]));
}

// One frame must never be interleaved with another write, and a pipe that is full
// (non-blocking fd) answers EAGAIN: wait a moment and go on from where it stopped.
const pause = new Int32Array(new SharedArrayBuffer(4));
function writeFully(bytes) {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(OUTPUT_FD, bytes, offset, bytes.length - offset);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}

/** One console event (a whole formatted log line). */
export function emitConsoleEvent(level, line, atMs = virtualNow()) {
  writeFrame(CONSOLE_EVENT | (LEVEL_CODES[level] ?? 0), truncated(Buffer.from(line, 'utf8')), atMs);
}

/** Bytes written straight to stdout/stderr; the Swift side splits them into lines. */
export function emitRaw(bytes) {
  const at = virtualNow();
  for (let offset = 0; offset < bytes.length; offset += RAW_PIECE_BYTES) {
    writeFrame(RAW_WRITE, bytes.subarray(offset, offset + RAW_PIECE_BYTES), at);
  }
}

/** The virtual clock jumped to `atMs` (deterministic mode). */
export function emitClockFrame(atMs) {
  writeFrame(CLOCK, '', atMs);
}

// At most MAX_EVENT_BYTES, cut before a UTF-8 continuation byte so the text stays valid.
function truncated(bytes) {
  if (bytes.length <= MAX_EVENT_BYTES) return bytes;
  let end = MAX_EVENT_BYTES;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end);
}

/** Everything before this belongs to `name` (a request id, or `init`). */
export function emitEndMarker(name) {
  writeFrame(END_MARKER, name, virtualNow());
}
