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
const TWO_32 = 2 ** 32;

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
  writeFrame(CONSOLE_EVENT | (LEVEL_CODES[level] ?? 0), line, atMs);
}

/** Bytes written straight to stdout/stderr; the Swift side splits them into lines. */
export function emitRaw(bytes) {
  writeFrame(RAW_WRITE, bytes, virtualNow());
}

/** Everything before this belongs to `name` (a request id, or `init`). */
export function emitEndMarker(name) {
  writeFrame(END_MARKER, name, virtualNow());
}
