// Handlers never see the host's date (DESIGN.md "Time"): `Date`, `Date.now()`, `Date()` and
// Intl formatting without an explicit date all read the account's virtual clock. The Swift
// side sends the virtual instant at start (WORKBOOK_VIRTUAL_TIME_MS) and with every
// invocation (header Workbook-Virtual-Time-Ms); between those, virtual time advances with real
// time, which is what the interactive clock does. In deterministic mode the clock is frozen
// instead: it moves only when the virtual timers jump (virtual-timers.mjs), so the same
// handler sees the same instants on every run.

import { emitClockFrame } from './output-frames.mjs';

const HostDate = globalThis.Date;
let offsetMs = 0;
let frozenMs; // the virtual instant while frozen (deterministic mode), else undefined

/** The virtual instant, in epoch milliseconds. */
export function virtualNow() {
  return frozenMs ?? HostDate.now() + offsetMs;
}

/** Makes `ms` the virtual instant now. */
export function syncVirtualClock(ms) {
  if (!Number.isFinite(ms)) return;
  if (frozenMs === undefined) offsetMs = ms - HostDate.now();
  else frozenMs = ms;
}

/** Deterministic mode: moves the frozen clock forward to `ms` and tells the Swift side, which
 *  reads the virtual time the handler reached from these frames (ChildOutputParser.swift). */
export function advanceVirtualClock(ms) {
  if (frozenMs === undefined || !(ms > frozenMs)) return;
  frozenMs = ms;
  emitClockFrame(ms);
}

/** An ISO-8601 stamp of the virtual instant, for log lines. */
export function virtualISOString(ms = virtualNow()) {
  return new HostDate(ms).toISOString();
}

/** Replaces the global `Date` and patches Intl so that "now" is virtual everywhere. */
export function installVirtualClock(startMs, { frozen = false } = {}) {
  if (frozen) frozenMs = Number.isFinite(startMs) ? startMs : HostDate.now();
  else syncVirtualClock(startMs);

  // A plain function (not a class) so that `Date()` without `new` still returns a string.
  const VirtualDate = function Date(...args) {
    if (new.target === undefined) return new HostDate(virtualNow()).toString();
    return Reflect.construct(HostDate, args.length === 0 ? [virtualNow()] : args, new.target);
  };
  Object.defineProperty(VirtualDate, 'length', { value: HostDate.length });
  VirtualDate.prototype = HostDate.prototype;
  VirtualDate.now = () => virtualNow();
  VirtualDate.parse = HostDate.parse;
  VirtualDate.UTC = HostDate.UTC;
  // `new Date().constructor === Date` keeps holding for user code.
  Object.defineProperty(HostDate.prototype, 'constructor', { value: VirtualDate, writable: true, configurable: true });
  globalThis.Date = VirtualDate;

  // V8 formats "now" from its own clock when no date is given, so default the argument.
  const proto = Intl.DateTimeFormat.prototype;
  const formatGetter = Object.getOwnPropertyDescriptor(proto, 'format').get;
  Object.defineProperty(proto, 'format', {
    configurable: true,
    get() {
      const bound = formatGetter.call(this);
      return (date) => bound(date === undefined ? virtualNow() : date);
    },
  });
  const formatToParts = proto.formatToParts;
  proto.formatToParts = function (date) {
    return formatToParts.call(this, date === undefined ? virtualNow() : date);
  };
}
