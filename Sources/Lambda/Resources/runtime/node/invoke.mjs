// One call of the handler: its `context` object, and the three ways it can finish — the
// promise it returns, the callback (by default once the event loop has emptied, as
// `callbackWaitsForEmptyEventLoop` says), or the legacy context.done/succeed/fail.

import { virtualNow } from './clock.mjs';
import { cancelWhenLoopEmpty, whenLoopEmpty } from './virtual-timers.mjs';

// Lambda calls the handler as a method of its runtime object, so the first frame of an error
// thrown by the handler reads `at Runtime.handler (file:///var/task/…)`. This class exists to
// give traces that receiver name.
class Runtime {
  constructor(handler) {
    this.handler = handler;
  }
}

/** The documented `context` fields for one invocation. */
export function buildContext(invocation, fn) {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: fn.functionName,
    functionVersion: fn.functionVersion,
    invokedFunctionArn: invocation.invokedFunctionArn,
    memoryLimitInMB: fn.memoryLimitInMB,
    awsRequestId: invocation.requestId,
    logGroupName: fn.logGroupName,
    logStreamName: fn.logStreamName,
    identity: invocation.cognitoIdentity,
    clientContext: invocation.clientContext,
    // The deadline is on the virtual clock, like the handler's Date.
    getRemainingTimeInMillis: () => invocation.deadlineMs - virtualNow(),
  };
}

/** Calls `handler(event, context, callback)`; resolves with its result, rejects with what it
 *  threw or passed as an error. Whatever finishes first wins; later outcomes are ignored. */
export function callHandler(handler, event, context) {
  return new Promise((resolve, reject) => {
    let finished = false;
    let deferred; // a callback outcome waiting for the event loop to empty
    const finish = (failed, value) => {
      if (finished) return;
      finished = true;
      cancelWhenLoopEmpty(onLoopEmpty);
      if (failed) reject(value);
      else resolve(value);
    };
    // The loop is empty when nothing else is pending: no timers (virtual ones included),
    // sockets or callbacks of the handler (the runtime's own idle connection is unref'd).
    const onLoopEmpty = () => finish(deferred?.failed ?? false, deferred?.value);
    const finishWhenLoopEmpty = () => whenLoopEmpty(onLoopEmpty);

    const callback = (error, result) => {
      const failed = error !== undefined && error !== null;
      const outcome = { failed, value: failed ? error : result };
      if (!context.callbackWaitsForEmptyEventLoop) return finish(outcome.failed, outcome.value);
      deferred ??= outcome;
      finishWhenLoopEmpty();
    };
    context.done = (error, result) => (error != null ? finish(true, error) : finish(false, result));
    context.succeed = (result) => finish(false, result);
    context.fail = (error) => finish(true, error);

    try {
      const returned = new Runtime(handler).handler(event, context, callback);
      if (returned !== null && typeof returned?.then === 'function') {
        returned.then((value) => finish(false, value), (error) => finish(true, error));
      } else {
        // A synchronous handler that never calls back ends with `null` once the loop is empty.
        finishWhenLoopEmpty();
      }
    } catch (error) {
      finish(true, error);
    }
  });
}
