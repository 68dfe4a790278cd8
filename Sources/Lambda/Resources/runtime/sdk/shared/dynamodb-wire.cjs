'use strict';
// The one DynamoDB transport both bundled SDK shims (aws-sdk v2 and @aws-sdk v3) use: the JSON 1.0
// wire protocol the simulator serves on loopback, as the real SDKs speak it to AWS.
//
// Facts (reference/aws-behavior.md §3.1; AWS SigV4 docs,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html):
// `POST /`, `Content-Type: application/x-amz-json-1.0`, `X-Amz-Target: DynamoDB_20120810.<Op>`, a SigV4
// `Authorization` header for service `dynamodb`, `X-Amz-Date`, `X-Amz-Security-Token` when the
// credentials carry a session token. Errors are HTTP 4xx/5xx with `{"__type":"<ns>#<Code>","message"|"Message":…}`.
//
// The simulator tells callers apart by the access key id in `Authorization`, so every request is signed.
// The endpoint comes from the Node bootstrap (`globalThis[Symbol.for('workbook.endpoints')].dynamodb`,
// never from process.env) unless the client names its own `endpoint`.

// node:crypto and the socket client load on the first call, not when a handler requires the SDK: a
// handler's init then pays only for the SDK's own code (a few ms).
let crypto;
let http;

const TARGET_PREFIX = 'DynamoDB_20120810.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
const ENDPOINTS = Symbol.for('workbook.endpoints');

/** Every DynamoDB operation AWS has (botocore 1.43 `dynamodb/2012-08-10/service-2.json`). */
const OPERATIONS = [
  'BatchExecuteStatement', 'BatchGetItem', 'BatchWriteItem', 'CreateBackup', 'CreateGlobalTable', 'CreateTable',
  'DeleteBackup', 'DeleteItem', 'DeleteResourcePolicy', 'DeleteTable', 'DescribeBackup', 'DescribeContinuousBackups',
  'DescribeContributorInsights', 'DescribeEndpoints', 'DescribeExport', 'DescribeGlobalTable',
  'DescribeGlobalTableSettings', 'DescribeImport', 'DescribeKinesisStreamingDestination', 'DescribeLimits',
  'DescribeTable', 'DescribeTableReplicaAutoScaling', 'DescribeTimeToLive', 'DisableKinesisStreamingDestination',
  'EnableKinesisStreamingDestination', 'ExecuteStatement', 'ExecuteTransaction', 'ExportTableToPointInTime',
  'GetItem', 'GetResourcePolicy', 'ImportTable', 'ListBackups', 'ListContributorInsights', 'ListExports',
  'ListGlobalTables', 'ListImports', 'ListTables', 'ListTagsOfResource', 'PutItem', 'PutResourcePolicy', 'Query',
  'RestoreTableFromBackup', 'RestoreTableToPointInTime', 'Scan', 'TagResource', 'TransactGetItems',
  'TransactWriteItems', 'UntagResource', 'UpdateContinuousBackups', 'UpdateContributorInsights',
  'UpdateGlobalTable', 'UpdateGlobalTableSettings', 'UpdateItem', 'UpdateKinesisStreamingDestination',
  'UpdateTable', 'UpdateTableReplicaAutoScaling', 'UpdateTimeToLive',
];

/** A failure of the workbook itself (no endpoint, an operation it does not model): never an AWS error. */
class WorkbookSDKError extends Error {
  constructor(message) {
    super(message);
    this.name = 'WorkbookSDKError';
  }
}

/** The endpoint URL for a client: its own `endpoint` option wins over the bootstrap's. v3 accepts a
 *  provider function that may answer with a promise (its endpoint providers are async). */
async function resolveEndpoint(explicit) {
  let url = explicit;
  if (typeof url === 'function') url = await url();
  if (url && typeof url === 'object') url = url.href ?? url.url?.href ?? url.url ?? formatEndpoint(url);
  if (!url) url = globalThis[ENDPOINTS]?.dynamodb;
  if (!url) {
    throw new WorkbookSDKError('the workbook simulator provides no DynamoDB endpoint here: the bundled AWS SDK ' +
      'only works inside a function the workbook runs (or pass an explicit `endpoint` to the client).');
  }
  return parseEndpoint(String(url));
}

function formatEndpoint({ protocol = 'http:', hostname, port, path = '/' }) {
  return hostname ? `${protocol}//${hostname}${port ? `:${port}` : ''}${path}` : undefined;
}

const parsedEndpoints = new Map();

function parseEndpoint(url) {
  let parsed = parsedEndpoints.get(url);
  if (parsed) return parsed;
  const u = new URL(url.includes('://') ? url : `http://${url}`);
  if (u.protocol !== 'http:') {
    throw new WorkbookSDKError(`the workbook's simulated DynamoDB speaks plain http on loopback; endpoint ${url} is not modelled.`);
  }
  parsed = { hostname: u.hostname, port: Number(u.port || 80), host: u.host };
  parsedEndpoints.set(url, parsed);
  return parsed;
}

/** Static credentials from Lambda's environment variables; null when there are none. */
function environmentCredentials() {
  const env = process.env;
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return null;
  return { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined };
}

// ---- SigV4 ----------------------------------------------------------------------------------------

const signingKeys = new Map();

// Only reached from `signedHeaders`, which loads node:crypto first.
function hmac(key, text) { return crypto.createHmac('sha256', key).update(text, 'utf8').digest(); }
function sha256Hex(text) { return crypto.createHash('sha256').update(text, 'utf8').digest('hex'); }

function signingKey(secret, day, region) {
  const cacheKey = `${secret}\n${day}\n${region}`;
  let key = signingKeys.get(cacheKey);
  if (!key) {
    key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), 'dynamodb'), 'aws4_request');
    if (signingKeys.size > 64) signingKeys.clear();
    signingKeys.set(cacheKey, key);
  }
  return key;
}

let lastSecond = NaN;
let lastAmzDate = '';

/** `20260722T035200Z` for a Date (computed once per second: warm handlers sign many calls a second). */
function amzDate(date) {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastAmzDate = date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  }
  return lastAmzDate;
}

/** The headers of one signed request (SigV4, service `dynamodb`). */
function signedHeaders(target, body, host, region, credentials, now) {
  crypto ??= require('node:crypto');
  const date = amzDate(now);
  const day = date.slice(0, 8);
  const token = credentials.sessionToken;
  const names = token
    ? 'content-type;host;x-amz-date;x-amz-security-token;x-amz-target'
    : 'content-type;host;x-amz-date;x-amz-target';
  const canonical = `POST\n/\n\ncontent-type:${CONTENT_TYPE}\nhost:${host}\nx-amz-date:${date}\n` +
    (token ? `x-amz-security-token:${token}\n` : '') +
    `x-amz-target:${target}\n\n${names}\n${sha256Hex(body)}`;
  const scope = `${day}/${region}/dynamodb/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${date}\n${scope}\n${sha256Hex(canonical)}`;
  const signature = crypto.createHmac('sha256', signingKey(credentials.secretAccessKey, day, region))
    .update(toSign, 'utf8').digest('hex');
  const headers = {
    'Content-Type': CONTENT_TYPE,
    'X-Amz-Target': target,
    'X-Amz-Date': date,
    'Content-Length': Buffer.byteLength(body),
    Authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names}, Signature=${signature}`,
  };
  if (token) headers['X-Amz-Security-Token'] = token;
  return headers;
}

// ---- JSON with binary attribute values -----------------------------------------------------------

/** Base64 for a binary value or a string (the SDKs encode strings given as B as UTF-8). */
function base64(value) {
  if (typeof value === 'string') return Buffer.from(value, 'utf8').toString('base64');
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString('base64');
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  return value;
}

// `this[key]` is the value before Buffer#toJSON turned it into {type, data}.
function binaryReplacer(key, value) {
  const original = this[key];
  if (key === 'B') return base64(original);
  if (key === 'BS' && Array.isArray(original)) return original.map(base64);
  if (original instanceof Uint8Array || original instanceof ArrayBuffer) return base64(original);
  return value;
}

/** The request body: binary values (anywhere an AttributeValue holds them) as base64, as the SDKs send them. */
function stringify(input) {
  return JSON.stringify(input ?? {}, binaryReplacer);
}

/** Parses a reply; `B`/`BS` values become `toBinary(base64)` (a Buffer for v2, a Uint8Array for v3). */
function parse(text, toBinary) {
  if (!text.includes('"B')) return JSON.parse(text);
  return JSON.parse(text, (key, value) => {
    if (key === 'B' && typeof value === 'string') return toBinary(value);
    if (key === 'BS' && Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map(toBinary);
    return value;
  });
}

// ---- One call --------------------------------------------------------------------------------------

/**
 * Sends one operation. Resolves `{status, requestId, body}` (body parsed, `{}` when empty) for any HTTP
 * answer; rejects only when the endpoint cannot be reached or the simulator does not model `operation`.
 * `options`: {endpoint, region, credentials: {accessKeyId, secretAccessKey, sessionToken}, toBinary}.
 */
async function send(operation, input, options) {
  const endpoint = await resolveEndpoint(options.endpoint);
  const body = stringify(input);
  const target = TARGET_PREFIX + operation;
  const headers = signedHeaders(target, body, endpoint.host, options.region, options.credentials, new Date());
  let response;
  try {
    response = await (http ??= require('./loopback-http.cjs')).post(endpoint, headers, body);
  } catch (error) {
    throw unreachable(endpoint, error, Boolean(options.endpoint));
  }
  return reply(operation, response, options.toBinary);
}

function reply(operation, response, toBinary) {
  const text = response.body;
  const body = text.length === 0 ? {} : parse(text, toBinary);
  const requestId = response.headers['x-amzn-requestid'];
  if (response.status >= 300) {
    const code = errorCode(body, response.headers['x-amzn-errortype']);
    if (code === 'UnknownOperationException' && OPERATIONS.includes(operation)) {
      throw new WorkbookSDKError(`the workbook's simulated DynamoDB does not model ${operation}; ` +
        'it models table and item operations such as PutItem, GetItem, UpdateItem, DeleteItem, Query, Scan, ' +
        'BatchWriteItem, BatchGetItem and TransactWriteItems.');
    }
    return { status: response.status, requestId, body, code, message: body.message ?? body.Message };
  }
  return { status: response.status, requestId, body };
}

/** `Code` from `{"__type":"ns#Code"}`, as both SDKs read it. */
function errorCode(body, header) {
  const raw = body.__type ?? body.code ?? body.Code ?? header ?? 'UnknownError';
  return String(raw).split('#').pop().split(':')[0];
}

function unreachable(endpoint, error, explicit) {
  const reason = error.code ?? error.message;
  const wrapped = new WorkbookSDKError(explicit
    ? `nothing answered at http://${endpoint.host}, the client's own \`endpoint\` option (${reason}); inside the workbook, ` +
      'leave `endpoint` out and the bundled SDK uses the simulated DynamoDB.'
    : `the workbook's simulated DynamoDB at http://${endpoint.host} did not answer (${reason}); ` +
      'the command that ran this function may have ended.');
  wrapped.cause = error;
  return wrapped;
}

/** `putItem` for `PutItem`: both SDKs name their methods so. */
function methodName(operation) {
  return operation[0].toLowerCase() + operation.slice(1);
}

module.exports = {
  OPERATIONS,
  environmentCredentials,
  methodName,
  send,
};
