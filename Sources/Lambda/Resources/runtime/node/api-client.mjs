// The Lambda Runtime API on AWS_LAMBDA_RUNTIME_API (host:port).
// https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
//
// A small HTTP/1.1 client over one keep-alive `net` socket rather than node:http: the runtime
// sends its requests in order (pipelined: the result of one invocation and the request for the
// next leave together) to a server that always answers in order with Content-Length, and
// node:http's agent, parser and header objects cost more per invocation than the handler of a
// trivial function does (and loading node:http adds to every cold start). The socket is
// captured at start-up, so a handler that patches http or net (tracing libraries do) cannot
// disturb it, and it is unref'd between requests, so it never keeps the event loop alive
// (callback handlers wait for the loop to empty).

import net from 'node:net';

const BASE = '/2018-06-01/runtime';
const CRLF_CRLF = Buffer.from('\r\n\r\n');

export class RuntimeApiClient {
  #host;
  #port;
  #socket = null;
  /** Bytes received and not yet consumed by a response, as they arrived. */
  #chunks = [];
  #received = 0;
  /** The head of the response being received, once complete: { status, headers, start, length }. */
  #head = null;
  /** The responses awaited, in request order: { resolve, reject }. */
  #pending = [];

  constructor(address) {
    const [host, port] = String(address).split(':');
    this.#host = host;
    this.#port = Number(port);
  }

  /** Waits for the next invocation; null when the environment is being shut down. */
  async nextInvocation() {
    const reply = await this.#send('GET', `${BASE}/invocation/next`);
    if (reply.status !== 200) return null;
    const header = (name) => reply.headers[name];
    return {
      requestId: header('lambda-runtime-aws-request-id'),
      deadlineMs: Number(header('lambda-runtime-deadline-ms')),
      invokedFunctionArn: header('lambda-runtime-invoked-function-arn'),
      traceId: header('lambda-runtime-trace-id'),
      clientContext: parseOptionalJSON(header('lambda-runtime-client-context')),
      cognitoIdentity: parseOptionalJSON(header('lambda-runtime-cognito-identity')),
      // The workbook's own header: the virtual instant the invocation started.
      virtualTimeMs: Number(header('workbook-virtual-time-ms')),
      event: JSON.parse(reply.body.length > 0 ? reply.body.toString('utf8') : 'null'),
    };
  }

  postResult(requestId, json) {
    return this.#send('POST', `${BASE}/invocation/${encodeURIComponent(requestId)}/response`, json);
  }

  postError(requestId, errorType, json) {
    return this.#send('POST', `${BASE}/invocation/${encodeURIComponent(requestId)}/error`, json, errorTypeHeader(errorType));
  }

  postInitError(errorType, json) {
    return this.#send('POST', `${BASE}/init/error`, json, errorTypeHeader(errorType));
  }

  /** Deterministic mode: nothing can happen in `name` (a request id, or `init`) before its
   *  virtual deadline. Not part of Lambda's API: the workbook's own path. */
  postIdle(name) {
    return this.#send('POST', `/workbook/idle/${encodeURIComponent(name)}`, '');
  }

  /** One request, answered in order: { status, headers (lower-case names), body }. */
  #send(method, path, body, extraHeaders = {}) {
    const payload = body === undefined ? null : Buffer.from(body, 'utf8');
    let head = `${method} ${path} HTTP/1.1\r\nHost: ${this.#host}:${this.#port}\r\n`;
    for (const [name, value] of Object.entries(extraHeaders)) head += `${name}: ${value}\r\n`;
    if (payload) head += `Content-Type: application/json\r\nContent-Length: ${payload.length}\r\n`;
    head += '\r\n';
    return new Promise((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      const socket = this.#connected();
      socket.ref();
      socket.write(payload ? Buffer.concat([Buffer.from(head, 'latin1'), payload]) : head, 'latin1');
    });
  }

  #connected() {
    if (this.#socket) return this.#socket;
    const socket = net.connect({ host: this.#host, port: this.#port, noDelay: true });
    socket.on('data', (chunk) => {
      this.#chunks.push(chunk);
      this.#received += chunk.length;
      this.#deliver();
    });
    const fail = (error) => {
      if (this.#socket !== socket) return; // an old socket closed after its replacement opened
      this.#socket = null;
      this.#chunks = [];
      this.#received = 0;
      this.#head = null;
      const pending = this.#pending;
      this.#pending = [];
      for (const waiter of pending) waiter.reject(error ?? new Error('runtime API connection closed'));
    };
    socket.on('error', fail);
    socket.on('close', () => fail());
    this.#socket = socket;
    return socket;
  }

  /** Completes the awaited requests whose whole responses have arrived, in order. */
  #deliver() {
    while (this.#socket && this.#pending.length > 0 && this.#deliverOne());
  }

  /** The received bytes as one buffer (joined only when a response may be complete, so a large
   *  body arriving in many chunks is copied once, not once per chunk). */
  #joined() {
    if (this.#chunks.length > 1) this.#chunks = [Buffer.concat(this.#chunks, this.#received)];
    return this.#chunks[0] ?? Buffer.alloc(0);
  }

  #deliverOne() {
    if (!this.#head) {
      const buffer = this.#joined();
      const end = buffer.indexOf(CRLF_CRLF);
      if (end < 0) return false;
      const lines = buffer.toString('latin1', 0, end).split('\r\n');
      const headers = {};
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      this.#head = { status: Number(lines[0].split(' ')[1]), headers, start: end + CRLF_CRLF.length,
                     length: Number(headers['content-length'] ?? 0) };
    }
    const { status, headers, start, length } = this.#head;
    if (this.#received < start + length) return false;
    const buffer = this.#joined();
    const bodyBytes = buffer.subarray(start, start + length); // nothing writes into received buffers
    const rest = buffer.subarray(start + length);
    this.#chunks = rest.length > 0 ? [rest] : [];
    this.#received = rest.length;
    this.#head = null;
    const waiter = this.#pending.shift();
    if (this.#pending.length === 0) this.#socket.unref();
    if (headers.connection === 'close') {
      const socket = this.#socket;
      this.#socket = null;
      socket.destroy();
      for (const other of this.#pending.splice(0)) other.reject(new Error('runtime API connection closed'));
    }
    waiter.resolve({ status, headers, body: bodyBytes });
    return true;
  }
}

// The error type comes from the handler's own error name, which may hold any character; a
// header value must be printable ASCII, so anything else travels as "Unhandled" (the body
// carries the real errorType either way).
function errorTypeHeader(errorType) {
  const value = String(errorType ?? '');
  return { 'Lambda-Runtime-Function-Error-Type': /^[\x20-\x7e]+$/.test(value) ? value : 'Unhandled' };
}

function parseOptionalJSON(text) {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
