// Lambda replaces the handler's console: one call is one log event, prefixed with the time,
// the request id (`undefined` outside an invocation) and the level, or, with the JSON log
// format, one JSON object per call (reference/aws-behavior.md §2.5). Raw writes to
// process.stdout/stderr are not prefixed; they become one event per line.

import { format } from 'node:util';
import { virtualISOString, virtualNow } from './clock.mjs';
import { emitConsoleEvent, emitRaw, LEVEL_CODES } from './output-frames.mjs';

let currentRequestId; // undefined during init and between invocations
let useJSON = false;
let minimumLevel = LEVEL_CODES.TRACE;

export function setRequestId(id) {
  currentRequestId = id;
}

/** Writes one log event as the function's console would. */
export function logEvent(level, message) {
  if (LEVEL_CODES[level] < minimumLevel) return;
  const at = virtualNow();
  const line = useJSON
    ? JSON.stringify({ timestamp: virtualISOString(at), level, requestId: currentRequestId, message })
    : `${virtualISOString(at)}\t${currentRequestId}\t${level}\t${message}`;
  emitConsoleEvent(level, line, at);
}

const METHOD_LEVELS = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE', fatal: 'FATAL' };

/** Installs the console methods and the raw stdout/stderr capture. */
export function installLambdaConsole(env = process.env) {
  useJSON = env.AWS_LAMBDA_LOG_FORMAT === 'JSON';
  // The application log level filters only the JSON format; its default there is INFO.
  if (useJSON) minimumLevel = LEVEL_CODES[String(env.AWS_LAMBDA_LOG_LEVEL ?? 'INFO').toUpperCase()] ?? LEVEL_CODES.INFO;

  for (const [method, level] of Object.entries(METHOD_LEVELS)) {
    console[method] = (...args) => logEvent(level, format(...args));
  }

  for (const stream of [process.stdout, process.stderr]) {
    stream.write = (chunk, encoding, done) => {
      if (typeof encoding === 'function') [done, encoding] = [encoding, undefined];
      emitRaw(typeof chunk === 'string'
        ? Buffer.from(chunk, Buffer.isEncoding(encoding) ? encoding : 'utf8')
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (typeof done === 'function') process.nextTick(done);
      return true;
    };
  }
}
