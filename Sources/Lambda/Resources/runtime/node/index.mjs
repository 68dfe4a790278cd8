// The Node.js bootstrap of a workbook execution environment, shown to handlers as
// /var/runtime/index.mjs. It prepares the sandbox (environment, clock, console, paths) before
// any user code runs, loads the handler (init), then serves invocations from the Runtime API
// one at a time until the workbook kills the process.
//
// Each phase ends with an end marker on the output pipe, written before the phase's result is
// posted, so the Swift side takes exactly that phase's log lines (ChildOutputLog.swift).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuntimeApiClient } from './api-client.mjs';
import { installVirtualClock, syncVirtualClock, virtualNow } from './clock.mjs';
import { describeThrown, errorBody, errorLogText, unhandledRejection } from './failures.mjs';
import { checkHandlerStyle, loadHandler } from './handler-module.mjs';
import { buildContext, callHandler } from './invoke.mjs';
import { installLambdaConsole, logEvent, setRequestId } from './lambda-console.mjs';
import { emitEndMarker } from './output-frames.mjs';
import { describeFunction, publishEndpoints, takeWorkbookSettings } from './sandbox-env.mjs';
import { installStackMasking, setRealFolders } from './shown-paths.mjs';
import { beginPhase, endPhase, installEventLoopWatch } from './virtual-timers.mjs';

// After an uncaught exception or unhandled rejection the process state is unknown; Lambda
// reports the failure and lets the environment die, so the next invocation starts cold.
const EXIT_AFTER_CRASH = 1;
// Lambda's limit on init (10 s), on the virtual clock in deterministic mode.
const INIT_LIMIT_MS = 10_000;

const runtimeDir = path.dirname(fileURLToPath(import.meta.url));
const settings = takeWorkbookSettings();
installVirtualClock(settings.virtualTimeMs, { frozen: settings.deterministic });
installEventLoopWatch({ deterministic: settings.deterministic });
// Seeded randomness only in deterministic mode, loaded only then: it needs node:crypto, which
// costs several milliseconds of every cold start.
const seeded = settings.deterministic ? await import('./random.mjs') : null;
seeded?.installSeededRandom(settings.seed);
setRealFolders(settings.taskRoot, runtimeDir, settings.bundledModules);
publishEndpoints(settings);
installStackMasking();
installLambdaConsole();
const fn = describeFunction();
const api = new RuntimeApiClient(fn.runtimeApi);

/** `init`, `invoke` (with the request id in flight) or `idle` (waiting on /next). */
let phase = { name: 'init' };
let crashing = false;

process.on('uncaughtException', (error) => crash(error, 'Uncaught Exception'));
process.on('unhandledRejection', (reason) => crash(unhandledRejection(reason), 'Unhandled Promise Rejection'));

main().catch((error) => crash(error, 'Uncaught Exception'));

async function main() {
  let handler;
  beginPhase(virtualNow() + INIT_LIMIT_MS, () => api.postIdle('init').catch(() => {}));
  try {
    handler = await loadHandler({ handler: fn.handler, taskRoot: settings.taskRoot, requireEntry: path.join(runtimeDir, 'index.mjs') });
    checkHandlerStyle(handler, fn.nodeMajor, (text) => logEvent('WARN', text));
    // One turn of the event loop, so that a promise the module's top level left rejected
    // surfaces now and fails init rather than the first invocation.
    await new Promise((resolve) => setImmediate(resolve));
  } catch (error) {
    await reportInitFailure(error, 'Uncaught Exception');
    process.exit(EXIT_AFTER_CRASH);
  }
  if (crashing) return; // crash() reports the failure and ends the process
  closePhase('init');
  for (;;) {
    if (crashing) return;
    const invocation = await api.nextInvocation();
    if (invocation === null) process.exit(0); // the workbook is disposing of the environment
    await serve(handler, invocation);
  }
}

async function serve(handler, invocation) {
  const { requestId } = invocation;
  syncVirtualClock(invocation.virtualTimeMs);
  if (invocation.traceId) process.env._X_AMZN_TRACE_ID = invocation.traceId;
  else delete process.env._X_AMZN_TRACE_ID;
  setRequestId(requestId);
  seeded?.reseed(requestId);
  phase = { name: 'invoke', requestId };
  beginPhase(invocation.deadlineMs, () => api.postIdle(requestId).catch(() => {}), () => reportNodeExit(requestId));

  let body;
  try {
    const result = await callHandler(handler, invocation.event, buildContext(invocation, fn));
    body = JSON.stringify(result) ?? 'null';
  } catch (error) {
    await reportInvocationFailure(requestId, error, 'Invoke Error');
    return;
  }
  closePhase(requestId);
  // Not awaited: the request for the next invocation follows on the same connection, and the
  // server answers both in order (one round trip per warm invocation instead of two).
  api.postResult(requestId, body).catch(() => {});
}

/** The phase's work is done: back to idle, and its end marker on the output pipe (written before
 *  the phase's result is posted, so the Swift side takes exactly that phase's lines). */
function closePhase(name) {
  phase = { name: 'idle' };
  endPhase();
  emitEndMarker(name);
}

// Lambda's text when Node would exit with an invocation unfinished (reference §2.2); the
// environment ends after the report, as Node would have.
const NODE_EXIT_MESSAGE = 'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a '
  + 'Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes';

async function reportNodeExit(requestId) {
  const description = { errorType: 'Runtime.NodeJsExit', errorMessage: NODE_EXIT_MESSAGE };
  closePhase(requestId);
  await api.postError(requestId, description.errorType, JSON.stringify(description)).catch(() => {});
  process.exit(0);
}

async function reportInitFailure(error, label) {
  const description = describeThrown(error);
  logEvent('ERROR', errorLogText(label, description));
  endPhase();
  emitEndMarker('init');
  await api.postInitError(description.errorType, errorBody(description)).catch(() => {});
}

async function reportInvocationFailure(requestId, error, label) {
  const description = describeThrown(error);
  logEvent('ERROR', errorLogText(label, description));
  closePhase(requestId);
  await api.postError(requestId, description.errorType, errorBody(description)).catch(() => {});
}

// A failure outside the handler's own promise: it fails whatever phase is running.
async function crash(error, label) {
  if (crashing) return;
  crashing = true;
  if (phase.name === 'init') await reportInitFailure(error, label);
  else if (phase.name === 'invoke') await reportInvocationFailure(phase.requestId, error, label);
  else logEvent('ERROR', errorLogText(label, describeThrown(error)));
  process.exit(EXIT_AFTER_CRASH);
}
