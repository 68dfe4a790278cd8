// What happens when the handler's event loop runs dry, and, in deterministic mode, timers on
// virtual time (DESIGN.md "Time").
//
// Deterministic mode replaces setTimeout/setInterval (global, `node:timers`,
// `node:timers/promises`) with timers kept in a queue of our own on the frozen virtual clock.
// Nothing fires by itself: when Node's event loop has nothing else to do ('beforeExit': no
// socket, no file operation, no immediate pending), the clock jumps to the earliest timer and
// that one fires, one timer per turn so that its promise continuations run before the next.
// A handler that sleeps 60 s therefore takes no real time, and a handler waiting for a real
// DynamoDB answer lets no timer fire until the answer is in.
//
// The phase (init, or one invocation) has a virtual deadline. When the loop is dry and no
// timer is due before it — the next one lies past it, or there is none and nothing can ever
// settle the handler's promise — the bootstrap tells the Swift side through `onIdle` (an HTTP
// call; the Swift side knows the virtual instant from the output's clock frames) and parks: only the Swift side decides a timeout,
// and it does so at the virtual deadline without waiting real seconds.
//
// setImmediate stays real: it runs on the next turn of the loop anyway.

import { syncBuiltinESMExports } from 'node:module';
import timers from 'node:timers';
import timersPromises from 'node:timers/promises';
import { promisify } from 'node:util';
import { advanceVirtualClock, virtualNow } from './clock.mjs';

const real = {
  setInterval: globalThis.setInterval,
  setImmediate: globalThis.setImmediate,
};

// Node's own bounds: a delay outside 1…2^31-1 ms (or not a number) becomes 1 ms.
const TIMEOUT_MAX = 2 ** 31 - 1;

let virtual = false;
let phase; // { deadlineMs, onIdle, idleReported } while init or an invocation runs
const queue = []; // pending virtual timers, by due time then creation order
const byId = new Map();
const loopEmptyWaiters = new Set();
let lastId = 0;

class VirtualTimeout {
  constructor(callback, delay, args, repeat) {
    this.callback = callback;
    this.delay = Number.isFinite(Number(delay)) && delay >= 1 && delay <= TIMEOUT_MAX ? Math.trunc(Number(delay)) : 1;
    this.args = args;
    this.repeat = repeat;
    this.referenced = true;
    this.id = ++lastId;
    schedule(this);
  }

  ref() {
    this.referenced = true;
    return this;
  }

  unref() {
    this.referenced = false;
    return this;
  }

  hasRef() {
    return this.referenced;
  }

  refresh() {
    if (byId.has(this.id)) {
      unschedule(this);
      schedule(this);
    }
    return this;
  }

  close() {
    clear(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    return this.id;
  }
}

function schedule(timer) {
  timer.due = virtualNow() + timer.delay;
  timer.seq = ++lastId;
  let index = queue.length;
  while (index > 0 && (queue[index - 1].due > timer.due || (queue[index - 1].due === timer.due && queue[index - 1].seq > timer.seq))) index -= 1;
  queue.splice(index, 0, timer);
  byId.set(timer.id, timer);
}

function unschedule(timer) {
  const index = queue.indexOf(timer);
  if (index >= 0) queue.splice(index, 1);
  byId.delete(timer.id);
}

function clear(handle) {
  if (handle instanceof VirtualTimeout) unschedule(handle);
  else if (typeof handle === 'number' || typeof handle === 'string') {
    const timer = byId.get(Number(handle));
    if (timer) unschedule(timer);
  }
  // Anything else (a real Timeout made before the switch) is left to Node's own clear.
  else if (handle != null) realClear(handle);
}

const realClear = globalThis.clearTimeout;

function fire(timer) {
  if (!byId.has(timer.id)) return; // cleared meanwhile
  unschedule(timer);
  advanceVirtualClock(timer.due);
  if (timer.repeat) schedule(timer);
  timer.callback.apply(timer, timer.args);
}

/** The timer to fire next, if a referenced timer keeps the loop alive (an unreferenced one
 *  due earlier fires on the way, as it would while Node waits for the referenced one). */
function nextTimer() {
  return queue.some((timer) => timer.referenced) ? queue[0] : undefined;
}

// The one 'beforeExit' listener: timers first (their callbacks are still "pending work" for a
// callback handler waiting for an empty loop), then those waiters, then the idle report.
function onLoopEmpty() {
  if (virtual && phase) {
    const next = nextTimer();
    if (next && next.due < phase.deadlineMs) {
      real.setImmediate(() => fire(next));
      return;
    }
  }
  if (loopEmptyWaiters.size > 0) {
    const waiters = [...loopEmptyWaiters];
    loopEmptyWaiters.clear();
    for (const waiter of waiters) waiter();
    return;
  }
  if (virtual && phase && !phase.idleReported) {
    phase.idleReported = true;
    // Parked until the Swift side ends the phase (kills the process): a real, referenced timer.
    real.setInterval(() => {}, TIMEOUT_MAX);
    phase.onIdle();
    return;
  }
  // Real time: nothing is left that could ever settle the handler's promise, so Node is about
  // to exit in the middle of the phase, which Lambda's runtime reports as Runtime.NodeJsExit.
  if (!virtual && phase?.onStall && !phase.stallReported) {
    phase.stallReported = true;
    phase.onStall();
  }
}

/** Calls `waiter` once the handler's event loop is empty (callback handlers). */
export function whenLoopEmpty(waiter) {
  loopEmptyWaiters.add(waiter);
}

export function cancelWhenLoopEmpty(waiter) {
  loopEmptyWaiters.delete(waiter);
}

/** Init or an invocation starts: timers jump up to `deadlineMs`; `onIdle()` when nothing
 *  can happen before it (deterministic mode); `onStall()` when, on real time, the loop empties
 *  with the phase unfinished. */
export function beginPhase(deadlineMs, onIdle, onStall) {
  phase = { deadlineMs, onIdle, onStall, idleReported: false, stallReported: false };
}

export function endPhase() {
  phase = undefined;
}

/** Installs the 'beforeExit' listener, and the virtual timers when `deterministic`. */
export function installEventLoopWatch({ deterministic }) {
  process.on('beforeExit', onLoopEmpty);
  if (!deterministic) return;
  virtual = true;
  const setTimeout = (callback, delay, ...args) => new VirtualTimeout(checked(callback), delay, args, false);
  const setInterval = (callback, delay, ...args) => new VirtualTimeout(checked(callback), delay, args, true);
  const clearTimeout = (handle) => clear(handle);
  const promises = promiseTimers();
  // `util.promisify(setTimeout)` gives the promise form, as Node's own setTimeout does.
  Object.defineProperty(setTimeout, promisify.custom, { value: promises.setTimeout });
  Object.assign(globalThis, { setTimeout, setInterval, clearTimeout, clearInterval: clearTimeout });
  Object.assign(timers, { setTimeout, setInterval, clearTimeout, clearInterval: clearTimeout });
  Object.assign(timersPromises, promises);
  syncBuiltinESMExports();
}

function checked(callback) {
  if (typeof callback === 'function') return callback;
  const error = new TypeError(`The "callback" argument must be of type function. Received ${callback === null ? 'null' : typeof callback}`);
  error.code = 'ERR_INVALID_ARG_TYPE';
  throw error;
}

// `node:timers/promises` on virtual time; its setImmediate stays real.
function promiseTimers() {
  const sleep = (delay, value, options = {}) =>
    new Promise((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) return reject(abortError(signal));
      const timer = new VirtualTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      }, delay, [], false);
      if (options.ref === false) timer.unref();
      function onAbort() {
        clear(timer);
        reject(abortError(signal));
      }
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  async function* interval(delay, value, options = {}) {
    for (;;) yield await sleep(delay, value, options);
  }
  const original = timersPromises.scheduler;
  const scheduler = {
    wait: (delay, options) => sleep(delay, undefined, options),
    yield: () => original.yield(),
  };
  return { setTimeout: sleep, setInterval: interval, scheduler };
}

function abortError(signal) {
  const error = new Error('The operation was aborted', { cause: signal?.reason });
  error.name = 'AbortError';
  error.code = 'ABORT_ERR';
  return error;
}
