// Handlers never see the host's date (DESIGN.md "Time"): `Date`, `Date.now()`, `Date()` and
// Intl formatting without an explicit date all read the account's virtual clock. The Swift
// side sends the virtual instant at start (WORKBOOK_VIRTUAL_TIME_MS) and with every
// invocation (header Workbook-Virtual-Time-Ms); between those, virtual time advances with real
// time, which is what the interactive clock does.

const HostDate = globalThis.Date;
let offsetMs = 0;

/** The virtual instant, in epoch milliseconds. */
export function virtualNow() {
  return HostDate.now() + offsetMs;
}

/** Makes `ms` the virtual instant now. */
export function syncVirtualClock(ms) {
  if (Number.isFinite(ms)) offsetMs = ms - HostDate.now();
}

/** An ISO-8601 stamp of the virtual instant, for log lines. */
export function virtualISOString(ms = virtualNow()) {
  return new HostDate(ms).toISOString();
}

/** Replaces the global `Date` and patches Intl so that "now" is virtual everywhere. */
export function installVirtualClock(startMs) {
  syncVirtualClock(startMs);

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
