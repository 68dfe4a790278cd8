// How a failure is told to the Runtime API and written to the log. Lambda's own failures are
// errors named `Runtime.<Kind>`; a handler's error keeps its own name. The API gets
// {errorType, errorMessage, trace}; the log line holds the same facts with `stack` for `trace`
// (reference/aws-behavior.md §2.2, §2.5).

import { showPaths } from './shown-paths.mjs';

/** A failure of Lambda's own kind, e.g. `failure('HandlerNotFound', 'index.handler is …')`. */
export function failure(kind, message) {
  const error = new Error(message);
  error.name = `Runtime.${kind}`;
  return error;
}

/** `Runtime.<Kind>` whose message is the original error as text (`Error: Cannot find …`). */
export function wrapAs(kind, cause) {
  return failure(kind, showPaths(safeString(cause)));
}

/** A rejection nobody handled: named after Lambda's kind, keeping the reason's frames. */
export function unhandledRejection(reason) {
  const error = failure('UnhandledPromiseRejection', showPaths(safeString(reason)));
  const frames = isErrorLike(reason) ? String(reason.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)) : [];
  error.stack = [`${error.name}: ${error.message}`, ...frames].join('\n');
  return error;
}

/** `{errorType, errorMessage, trace}` for any thrown value; a non-error value is named by its
 *  `typeof` and has no trace. */
export function describeThrown(value) {
  if (isErrorLike(value)) {
    return {
      errorType: String(value.name || value.constructor?.name || 'Error'),
      errorMessage: showPaths(value.message ?? ''),
      trace: showPaths(value.stack ?? '').split('\n'),
    };
  }
  return { errorType: typeof value, errorMessage: typeof value === 'string' ? value : safeJSON(value), trace: [] };
}

/** The body posted to `/init/error` or `/invocation/{id}/error`. */
export function errorBody(description) {
  return JSON.stringify(description);
}

/** `<label> \t{"errorType":…,"errorMessage":…,"stack":[…]}`, the text of the ERROR log event. */
export function errorLogText(label, description) {
  const { errorType, errorMessage, trace } = description;
  return `${label} \t${JSON.stringify({ errorType, errorMessage, stack: trace })}`;
}

function isErrorLike(value) {
  return value instanceof Error || (value !== null && typeof value === 'object' && typeof value.message === 'string' && 'stack' in value);
}

function safeString(value) {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function safeJSON(value) {
  try {
    return JSON.stringify(value) ?? safeString(value);
  } catch {
    return safeString(value);
  }
}
