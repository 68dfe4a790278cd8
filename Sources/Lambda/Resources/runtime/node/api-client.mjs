// The Lambda Runtime API on AWS_LAMBDA_RUNTIME_API (host:port), over node:http captured at
// start-up so a handler that patches http (tracing libraries do) cannot disturb it.
// https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html

import http from 'node:http';

const BASE = '/2018-06-01/runtime';

export class RuntimeApiClient {
  constructor(address) {
    const [host, port] = String(address).split(':');
    this.host = host;
    this.port = Number(port);
    // Idle keep-alive sockets are unref'd by node, so they never keep the event loop alive
    // (callback handlers wait for the loop to empty).
    this.agent = new http.Agent({ keepAlive: true });
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
    return this.#send('POST', `${BASE}/invocation/${encodeURIComponent(requestId)}/error`, json, errorType);
  }

  postInitError(errorType, json) {
    return this.#send('POST', `${BASE}/init/error`, json, errorType);
  }

  /** Deterministic mode: nothing can happen in `name` (a request id, or `init`) before its
   *  virtual deadline. Not part of Lambda's API: the workbook's own path. */
  postIdle(name, virtualTimeMs) {
    return this.#send('POST', `/workbook/idle/${encodeURIComponent(name)}`, '', undefined, { 'Workbook-Virtual-Time-Ms': String(virtualTimeMs) });
  }

  #send(method, path, body, errorType, extraHeaders = {}) {
    const headers = { ...extraHeaders };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    if (errorType) headers['Lambda-Runtime-Function-Error-Type'] = errorType;
    return new Promise((resolve, reject) => {
      const request = http.request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  }
}

function parseOptionalJSON(text) {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
