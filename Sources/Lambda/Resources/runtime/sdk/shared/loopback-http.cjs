'use strict';
// A minimal HTTP/1.1 client over node:net for the SDK shims' calls to the simulator on loopback.
// Why not node:http: loading it costs a handler ~10 ms at init, and its agent and parser add work to
// every call; the bootstrap itself talks to the Runtime API over node:net for the same reason.
// Keep-alive: idle sockets wait unref'd (they never hold the event loop, so never an invocation) and
// a request that finds its reused socket closed by the server is retried once on a new one.

const net = require('node:net');

const idle = new Map(); // "host:port" → [socket]
const HEADER_END = Buffer.from('\r\n\r\n');

/** POSTs `body` (a string) and resolves `{status, headers, body}` (body as a UTF-8 string, names lower-case). */
function post(endpoint, headers, body) {
  const key = `${endpoint.hostname}:${endpoint.port}`;
  let head = `POST / HTTP/1.1\r\nHost: ${endpoint.host}\r\nConnection: keep-alive\r\n`;
  for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
  const message = Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), Buffer.from(body, 'utf8')]);
  const reused = idle.get(key)?.pop();
  return exchange(reused ?? connect(endpoint, key), key, message).catch((error) => {
    if (reused && error.beforeResponse) return exchange(connect(endpoint, key), key, message);
    throw error;
  });
}

function connect(endpoint, key) {
  const socket = net.connect(endpoint.port, endpoint.hostname);
  socket.setNoDelay(true);
  // While idle, a reset is not an error anyone waits for, and a closed socket leaves the pool.
  socket.on('error', () => {});
  socket.on('close', () => {
    const sockets = idle.get(key);
    const index = sockets ? sockets.indexOf(socket) : -1;
    if (index >= 0) sockets.splice(index, 1);
  });
  return socket;
}

function exchange(socket, key, message) {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    let response = null;
    const finish = (error, value) => {
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
      if (error) {
        socket.destroy();
        reject(error);
      } else {
        release(socket, key, value.headers.connection === 'close');
        resolve(value);
      }
    };
    const onData = (chunk) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      if (!response) {
        const end = buffer.indexOf(HEADER_END);
        if (end < 0) return;
        response = parseHead(buffer.toString('latin1', 0, end));
        buffer = buffer.subarray(end + 4);
      }
      const body = takeBody(response, buffer);
      if (body === undefined) return;
      if (body instanceof Error) return finish(body);
      finish(null, { status: response.status, headers: response.headers, body: body.toString('utf8') });
    };
    const onError = (error) => {
      error.beforeResponse = !response && buffer.length === 0;
      finish(error);
    };
    const onClose = () => {
      const error = new Error('the connection closed before the reply was complete');
      error.code = 'ECONNRESET';
      error.beforeResponse = !response && buffer.length === 0;
      finish(error);
    };
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('close', onClose);
    socket.ref();
    socket.write(message);
  });
}

function parseHead(text) {
  const lines = text.split('\r\n');
  const status = Number(lines[0].split(' ')[1]);
  const headers = {};
  for (let i = 1; i < lines.length; i++) {
    const colon = lines[i].indexOf(':');
    if (colon > 0) headers[lines[i].slice(0, colon).trim().toLowerCase()] = lines[i].slice(colon + 1).trim();
  }
  return { status, headers };
}

/** The whole body once it has arrived (Content-Length or chunked), undefined while more is due. */
function takeBody(response, buffer) {
  const length = response.headers['content-length'];
  if (length !== undefined) return buffer.length >= Number(length) ? buffer.subarray(0, Number(length)) : undefined;
  if (response.headers['transfer-encoding'] !== 'chunked') {
    return new Error('the reply carried neither Content-Length nor chunked encoding');
  }
  const parts = [];
  let offset = 0;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', offset);
    if (lineEnd < 0) return undefined;
    const size = parseInt(buffer.toString('latin1', offset, lineEnd), 16);
    if (size === 0) return buffer.indexOf(HEADER_END, lineEnd - 2) >= 0 ? Buffer.concat(parts) : undefined;
    if (buffer.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}

function release(socket, key, close) {
  if (close) {
    socket.destroy();
    return;
  }
  socket.unref();
  let sockets = idle.get(key);
  if (!sockets) idle.set(key, (sockets = []));
  sockets.push(socket);
}

module.exports = { post };
