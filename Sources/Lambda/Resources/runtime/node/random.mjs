// Deterministic mode: `Math.random` and `crypto.randomUUID` come from a generator seeded with
// the workbook's seed and the request id (`init` during init), so the same invocation draws the
// same numbers on every run and two invocations draw different ones (DESIGN.md "Time").
// xoshiro128** (Blackman and Vigna, public domain) on a 128-bit state made from the key with
// the splitmix32 finalizer; 53 bits per number, as V8's own Math.random gives.

import nodeCrypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';

let seedText = '0';
let state = new Uint32Array(4);

/** Switches Math.random and randomUUID to the seeded generator. */
export function installSeededRandom(seed) {
  seedText = String(seed);
  reseed('init');
  Math.random = () => ((next() >>> 5) * 67_108_864 + (next() >>> 6)) / 9_007_199_254_740_992;
  const randomUUID = () => seededUUID();
  if (globalThis.crypto) Object.defineProperty(globalThis.crypto, 'randomUUID', { value: randomUUID, writable: true, configurable: true });
  nodeCrypto.randomUUID = randomUUID;
  syncBuiltinESMExports();
}

/** Starts the sequence of `key` (a request id, or `init`). */
export function reseed(key) {
  let h = 2_166_136_261; // FNV-1a over "<seed>:<key>"
  for (const char of `${seedText}:${key}`) {
    h ^= char.codePointAt(0);
    h = Math.imul(h, 16_777_619);
  }
  for (let i = 0; i < 4; i += 1) {
    h = (h + 0x9e3779b9) | 0;
    let z = h;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    state[i] = z ^ (z >>> 16);
  }
  if (state.every((word) => word === 0)) state[0] = 1;
}

function next() {
  const s = state;
  const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

function rotl(x, k) {
  return (x << k) | (x >>> (32 - k));
}

// A version 4 UUID (RFC 9562 §5.4) from the generator.
function seededUUID() {
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i += 4) new DataView(bytes.buffer).setUint32(i, next());
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
