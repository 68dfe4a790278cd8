// The workbook passes a few facts to the bootstrap through WORKBOOK_* variables
// (SandboxEnvironment.swift). Handlers must never see them, and must see Lambda's own
// values where the host needed real ones (NODE_PATH was read by node at start-up with real
// folders; LD_LIBRARY_PATH is for show only).

const PRIVATE_PREFIX = 'WORKBOOK_';

/** Reads the workbook-private variables, removes every one of them, and restores the values
 *  a Lambda handler would see. Call before any user code runs. */
export function takeWorkbookSettings(env = process.env) {
  const settings = {
    taskRoot: env.WORKBOOK_TASK_ROOT || process.cwd(),
    virtualTimeMs: Number(env.WORKBOOK_VIRTUAL_TIME_MS) || Date.now(),
    // Deterministic mode: frozen clock, virtual timers, seeded randomness.
    deterministic: env.WORKBOOK_DETERMINISTIC === '1',
    seed: env.WORKBOOK_SEED ?? '0',
    bundledModules: env.WORKBOOK_BUNDLED_MODULES,
    dynamoDBEndpoint: env.WORKBOOK_DYNAMODB_ENDPOINT,
  };
  if (env.WORKBOOK_NODE_PATH !== undefined) env.NODE_PATH = env.WORKBOOK_NODE_PATH;
  if (env.WORKBOOK_LD_LIBRARY_PATH !== undefined) env.LD_LIBRARY_PATH = env.WORKBOOK_LD_LIBRARY_PATH;
  for (const name of Object.keys(env)) {
    if (name.startsWith(PRIVATE_PREFIX)) delete env[name];
  }
  return settings;
}

/** What Lambda tells the function about itself, read once from its reserved variables. */
export function describeFunction(env = process.env) {
  const runtimeMatch = /nodejs(\d+)/.exec(env.AWS_EXECUTION_ENV ?? '');
  return {
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    handler: env._HANDLER ?? '',
    // The runtime name decides the rules (callback handlers); Node 20 serves them all.
    nodeMajor: runtimeMatch ? Number(runtimeMatch[1]) : 24,
    runtimeApi: env.AWS_LAMBDA_RUNTIME_API,
  };
}

/** Where the bundled SDK shims send their calls: a global symbol rather than a variable, so
 *  `process.env` stays as Lambda's (no AWS_ENDPOINT_URL_* a handler could print). */
export function publishEndpoints({ dynamoDBEndpoint }) {
  Object.defineProperty(globalThis, Symbol.for('workbook.endpoints'), {
    value: Object.freeze({ dynamodb: dynamoDBEndpoint }),
    enumerable: false,
  });
}
