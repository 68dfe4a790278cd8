"""Handlers never see the host's date (DESIGN.md "Time"): time.time(), time.time_ns(),
time.gmtime()/localtime()/ctime()/asctime()/strftime() without an explicit time,
datetime.datetime.now()/utcnow()/today() and datetime.date.today() all read the account's
virtual clock, like runtime/node/clock.mjs does for Node. The workbook sends the virtual
instant at start (WORKBOOK_VIRTUAL_TIME_MS) and with every invocation (header
Workbook-Virtual-Time-Ms); in between, virtual time advances with real time (interactive
mode). In deterministic mode the clock is frozen and moves only when the handler sleeps:
time.sleep() jumps the clock instead of waiting, and a sleep past the phase's deadline tells
the workbook the phase can only time out (POST /workbook/idle/...).

Not virtualised: time.monotonic(), time.perf_counter(), time.process_time() (they measure
intervals, not dates; in deterministic mode they still advance in real time), asyncio's loop
clock (monotonic: asyncio.sleep really waits), threading timers and Event.wait timeouts,
select/socket timeouts, file timestamps (os.stat), and names bound before the bootstrap ran
(none in user code: the patch is installed before the handler is imported).
"""

import datetime as _datetime_module
import time as _time

from . import frames

_real_time = _time.time
_real_sleep = _time.sleep
_real_gmtime = _time.gmtime
_real_localtime = _time.localtime
_real_ctime = _time.ctime
_real_asctime = _time.asctime
_real_strftime = _time.strftime
RealDatetime = _datetime_module.datetime
RealDate = _datetime_module.date

_offset_ms = 0.0
_frozen_ms = None
# Deterministic mode: the current phase's virtual deadline and what to do once a sleep
# reaches it (report the phase idle and wait to be stopped).
_deadline_ms = None
_on_deadline = None


def now_ms():
    """The virtual instant, in epoch milliseconds (a float)."""
    return _frozen_ms if _frozen_ms is not None else _real_time() * 1000 + _offset_ms


def sync(ms):
    """Makes `ms` the virtual instant now."""
    global _offset_ms, _frozen_ms
    if ms is None:
        return
    if _frozen_ms is None:
        _offset_ms = ms - _real_time() * 1000
    else:
        _frozen_ms = ms


def advance(ms):
    """Deterministic mode: moves the frozen clock forward and tells the workbook."""
    global _frozen_ms
    if _frozen_ms is None or not ms > _frozen_ms:
        return
    _frozen_ms = ms
    frames.emit_clock(ms)


def begin_phase(deadline_ms, on_deadline):
    """Deterministic mode: a sleep that reaches `deadline_ms` calls `on_deadline()`."""
    global _deadline_ms, _on_deadline
    _deadline_ms, _on_deadline = deadline_ms, on_deadline


def _virtual_sleep(seconds):
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    target = now_ms() + seconds * 1000
    if _deadline_ms is not None and target >= _deadline_ms and _on_deadline is not None:
        advance(_deadline_ms)
        _on_deadline()
        while True:  # the workbook stops the environment
            _real_sleep(3600)
    advance(target)


def _seconds(secs):
    return now_ms() / 1000 if secs is None else secs


def _gmtime(secs=None):
    return _real_gmtime(_seconds(secs))


def _localtime(secs=None):
    return _real_localtime(_seconds(secs))


def _ctime(secs=None):
    return _real_ctime(_seconds(secs))


def _asctime(t=None):
    return _real_asctime(_real_localtime(now_ms() / 1000) if t is None else t)


def _strftime(format, t=None):
    return _real_strftime(format, _real_localtime(now_ms() / 1000) if t is None else t)


class _RealInstances(type):
    # isinstance(x, datetime.datetime) stays true for datetimes made before the patch or by C
    # code that uses the real type.
    def __instancecheck__(cls, instance):
        return isinstance(instance, cls.__real__)

    def __subclasscheck__(cls, subclass):
        return issubclass(subclass, cls.__real__)


class VirtualDate(RealDate, metaclass=_RealInstances):
    __real__ = RealDate

    @classmethod
    def today(cls):
        return RealDate.fromtimestamp(now_ms() / 1000)


class VirtualDatetime(RealDatetime, metaclass=_RealInstances):
    __real__ = RealDatetime

    @classmethod
    def now(cls, tz=None):
        return RealDatetime.fromtimestamp(now_ms() / 1000, tz)

    @classmethod
    def utcnow(cls):
        return RealDatetime.utcfromtimestamp(now_ms() / 1000)

    @classmethod
    def today(cls):
        return RealDatetime.fromtimestamp(now_ms() / 1000)


for _cls, _real in ((VirtualDate, RealDate), (VirtualDatetime, RealDatetime)):
    _cls.__name__ = _cls.__qualname__ = _real.__name__
    _cls.__module__ = "datetime"


class _Plain:
    """A patched function that, like the builtins it replaces, does not bind as a method:
    `logging.Formatter.converter = time.gmtime` is common in handlers."""

    def __init__(self, function, replaced):
        self._function = function
        self.__name__ = replaced.__name__
        self.__doc__ = replaced.__doc__

    def __call__(self, *args, **kwargs):
        return self._function(*args, **kwargs)

    def __repr__(self):
        return "<built-in function %s>" % self.__name__


def install(start_ms, frozen=False):
    """Points every "now" of time and datetime at the virtual clock."""
    global _frozen_ms
    if frozen:
        _frozen_ms = start_ms if start_ms is not None else _real_time() * 1000
    else:
        sync(start_ms)
    frames.set_clock(now_ms)
    patches = {"time": lambda: now_ms() / 1000, "time_ns": lambda: int(now_ms() * 1_000_000), "gmtime": _gmtime,
               "localtime": _localtime, "ctime": _ctime, "asctime": _asctime, "strftime": _strftime}
    if frozen:
        patches["sleep"] = _virtual_sleep
    for name, function in patches.items():
        setattr(_time, name, _Plain(function, getattr(_time, name)))
    _datetime_module.datetime = VirtualDatetime
    _datetime_module.date = VirtualDate
