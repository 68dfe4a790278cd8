"""The root logger as Lambda's Python runtime sets it up (reference/aws-behavior.md §2.5): one
handler writing `[LEVEL]\t<UTC time>.<ms>Z\t<request id>\t<message>` as one log event per
record, times on the virtual clock, the request id "" outside an invocation, and the root
level left at WARNING (logger.info is silent until the function calls setLevel) unless
AWS_LAMBDA_LOG_LEVEL names a level. The JSON log format is not simulated for Python.
"""

import logging
import os
import time

from . import frames
from .sandbox import show_paths

_request_id = None


def set_request_id(request_id):
    global _request_id
    _request_id = request_id


class _RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _request_id or ""
        return True


class _FramedHandler(logging.Handler):
    def emit(self, record):
        try:
            text = show_paths(self.format(record))
        except Exception:
            self.handleError(record)
            return
        frames.emit_console_event(record.levelname, text)


def install():
    logging.Formatter.converter = time.gmtime
    handler = _FramedHandler()
    handler.setFormatter(logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
    handler.addFilter(_RequestIdFilter())
    root = logging.getLogger()
    level = os.environ.get("AWS_LAMBDA_LOG_LEVEL", "").upper()
    if level in logging._nameToLevel:
        root.setLevel(level)
    root.addHandler(handler)


def log_error_event(text):
    """An error report (failures.log_text): one ERROR event."""
    frames.emit_console_event("ERROR", text)
