"""How a failure is told to the Runtime API and written to the log by Lambda's Python runtime
(reference/aws-behavior.md §2.2, §2.5; the formats of aws-lambda-python-runtime-interface-client
`awslambdaric/bootstrap.py`, observed, not copied):

- the error body `{"errorMessage": …, "errorType": …, "requestId": …, "stackTrace": […]}`,
  serialised with the runtime's JSON encoder (", " and ": " separators; requestId "" at init);
- the log event: `[ERROR] <type>: <message>`, `Traceback (most recent call last):`, then the
  stack trace lines with their leading spaces turned into U+00A0 NO-BREAK SPACE, all one
  event (newlines kept);
- Lambda's own failures (`Runtime.<Kind>`) raised while loading the handler.
"""

import traceback

from .sandbox import show_paths

NBSP = "\u00a0"

# Lambda's warning before an init failure (awslambdaric's lambda_literals), logged WARNING.
UNHANDLED_WARNING = (
    "LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code. However, in rare "
    "cases, a Lambda runtime update can cause unexpected function behavior. For functions using managed runtimes, "
    "runtime updates can be triggered by a function change, or can be applied automatically. To determine if the "
    "runtime has been updated, check the runtime version in the INIT_START log entry. If this error correlates with "
    "a change in the runtime version, you may be able to mitigate this error by temporarily rolling back to the "
    "previous runtime version. For more information, see https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html"
)


class Fault(Exception):
    """A failure of Lambda's own kind, e.g. Fault("Runtime.HandlerNotFound", "Handler 'x' missing on module 'app'")."""

    def __init__(self, error_type, message, trace=None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.trace = trace


def error_result(message, error_type, stack_trace, request_id=""):
    """The error body's fields, in Lambda's order."""
    return {
        "errorMessage": show_paths(message or ""),
        "errorType": error_type or "",
        "requestId": request_id or "",
        "stackTrace": [show_paths(line) for line in stack_trace or []],
    }


def from_fault(fault, request_id=""):
    return error_result(fault.message, fault.error_type, fault.trace, request_id)


def from_error(error, runtime_dir, request_id=""):
    """The error body for anything raised: Lambda's own fault, or the function's exception."""
    if isinstance(error, Fault):
        return from_fault(error, request_id)
    return from_exception(error, runtime_dir, request_id)


def from_exception(error, runtime_dir, request_id=""):
    """A raised exception: its type name, str(), and the traceback from the first frame that
    is not the runtime's own (Lambda drops its bootstrap's frames the same way)."""
    frames = [(frame.filename, frame.lineno, frame.name, frame.line) for frame in traceback.extract_tb(error.__traceback__)]
    for index, frame in enumerate(frames):
        if not frame[0].startswith(runtime_dir + "/"):
            frames = frames[index:]
            break
    return error_result(_safe_str(error), type(error).__name__, traceback.format_list(frames), request_id)


def log_text(result):
    """The text of the ERROR log event for `result`."""
    description = "[ERROR]"
    if result.get("errorType"):
        description += " " + result["errorType"]
    if result.get("errorMessage"):
        if result.get("errorType"):
            description += ":"
        description += " " + result["errorMessage"]
    lines = [description]
    if result.get("stackTrace") is not None:
        lines.append("Traceback (most recent call last):")
        for element in result["stackTrace"]:
            if element == "":
                lines.append("")
                continue
            for line in element.splitlines():
                stripped = line.lstrip(" ")
                lines.append(NBSP * (len(line) - len(stripped)) + stripped)
    return "\n".join(lines)


def _safe_str(error):
    try:
        return str(error)
    except Exception:
        return "<unprintable %s object>" % type(error).__name__
