"""The Python bootstrap of a workbook execution environment, shown to handlers as
/var/runtime/bootstrap.py. It prepares the sandbox (variables, import path, clock, output,
logging) before any user code runs, imports the handler (init), then serves invocations from
the Runtime API one at a time until the workbook stops the process.

Each phase ends with an end marker on the output pipe, written before the phase's result is
posted, so the workbook takes exactly that phase's log lines (ChildOutputLog.swift).
Started as `python3 -S bootstrap.py` (PythonLauncher.swift): no site-packages of
the host; the import path is set here.
"""

import os
import sys

RUNTIME_DIR = os.path.dirname(os.path.abspath(__file__))
if RUNTIME_DIR not in sys.path:
    sys.path.insert(0, RUNTIME_DIR)

from workbook_runtime import api as api_module  # noqa: E402 (the path above first)
from workbook_runtime import boto_endpoint, clock, failures, frames, logs, sandbox, streams  # noqa: E402
from workbook_runtime import handler as handler_module  # noqa: E402
# Lambda's limit on init (10 s), on the virtual clock in deterministic mode.
INIT_LIMIT_MS = 10_000


def main():
    sys.argv[0] = sandbox.SHOWN_RUNTIME + "/bootstrap.py"
    runtime = os.environ.get("AWS_EXECUTION_ENV", "AWS_Lambda_python3.12").replace("AWS_Lambda_", "")
    settings = sandbox.take_settings()
    sandbox.install_import_path(settings, RUNTIME_DIR, runtime)
    clock.install(settings.virtual_time_ms, frozen=settings.deterministic)
    seeded = None
    if settings.deterministic:
        from workbook_runtime import seeded
        seeded.install(settings.seed)
    streams.install()
    logs.install()
    boto_endpoint.install(settings.dynamodb_endpoint)
    # The site module's quit(), exit(), help() and copyright, which -S left out.
    import site
    site.setquit()
    site.setcopyright()
    site.sethelper()

    api = api_module.RuntimeApiClient(os.environ.get("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"))
    encoder = handler_module.ResultEncoder(ensure_ascii=handler_module.uses_ascii_escapes(runtime))
    # Lambda's /var/task is read-only: no __pycache__ is written for the function's code.
    sys.dont_write_bytecode = True

    if settings.deterministic:
        clock.begin_phase(clock.now_ms() + INIT_LIMIT_MS, lambda: api.post_idle("init"))
    try:
        handler = handler_module.load_handler(os.environ.get("_HANDLER", ""))
    except Exception as error:
        result = failures.from_error(error, RUNTIME_DIR)
        import logging
        logging.warning(failures.UNHANDLED_WARNING)
        logs.log_error_event(failures.log_text(result))
        frames.emit_end_marker("init")
        api.post_init_error(result["errorType"], encoder.encode(result).encode("utf-8"))
        sys.exit(1)
    frames.emit_end_marker("init")

    while True:
        invocation = api.next_invocation()
        if invocation is None:
            sys.exit(0)  # the workbook is disposing of the environment
        serve(invocation, handler, api, encoder, seeded)


def serve(invocation, handler, api, encoder, seeded):
    request_id = invocation.request_id
    clock.sync(invocation.virtual_time_ms)
    if invocation.trace_id is not None:
        os.environ["_X_AMZN_TRACE_ID"] = invocation.trace_id
    else:
        os.environ.pop("_X_AMZN_TRACE_ID", None)
    logs.set_request_id(request_id)
    if seeded is not None:  # deterministic mode
        seeded.reseed(request_id)
        clock.begin_phase(invocation.deadline_ms, lambda: api.post_idle(request_id))

    result = None
    try:
        context = handler_module.LambdaContext(invocation, api_module.parse_optional_json(invocation.client_context),
                                               api_module.parse_optional_json(invocation.cognito_identity))
        event = handler_module.unmarshal(invocation.body, invocation.content_type)
        body, content_type = handler_module.marshal(encoder, handler(event, context))
    except Exception as error:
        result = failures.from_error(error, RUNTIME_DIR, request_id)

    if result is not None:
        logs.log_error_event(failures.log_text(result))
        frames.emit_end_marker(request_id)
        api.post_error(request_id, result["errorType"], encoder.encode(result).encode("utf-8"))
    else:
        frames.emit_end_marker(request_id)
        api.post_result(request_id, body, content_type)


if __name__ == "__main__":
    main()
