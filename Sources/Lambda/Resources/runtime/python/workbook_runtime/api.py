"""The Lambda Runtime API on AWS_LAMBDA_RUNTIME_API (host:port).
https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html

A small HTTP/1.1 client over one keep-alive socket rather than http.client: the server always
answers in order with a Content-Length, and http.client (with the email package it loads)
would add to every cold start. The socket class is captured at start-up, so a handler that
patches `socket` (tracing or async libraries do) cannot disturb the runtime's connection.
"""

import json
import socket

BASE = "/2018-06-01/runtime"
_Socket = socket.socket


class Invocation:
    """One event from /invocation/next."""

    def __init__(self, headers, body):
        self.request_id = headers.get("lambda-runtime-aws-request-id", "")
        self.deadline_ms = _int(headers.get("lambda-runtime-deadline-ms"))
        self.invoked_function_arn = headers.get("lambda-runtime-invoked-function-arn")
        self.trace_id = headers.get("lambda-runtime-trace-id")
        self.client_context = headers.get("lambda-runtime-client-context")
        self.cognito_identity = headers.get("lambda-runtime-cognito-identity")
        self.content_type = headers.get("content-type", "application/json")
        # The workbook's own header: the virtual instant the invocation started.
        self.virtual_time_ms = _int(headers.get("workbook-virtual-time-ms"))
        self.body = body


class RuntimeApiClient:
    def __init__(self, address):
        host, _, port = address.rpartition(":")
        self._address = (host, int(port))
        self._socket = None
        self._buffer = b""

    def next_invocation(self):
        """The next invocation; None when the environment is being shut down."""
        status, headers, body = self._send("GET", BASE + "/invocation/next")
        if status != 200:
            return None
        return Invocation(headers, body)

    def post_result(self, request_id, body, content_type="application/json"):
        self._send("POST", "%s/invocation/%s/response" % (BASE, _quote(request_id)), body, {"Content-Type": content_type})

    def post_error(self, request_id, error_type, body):
        self._send("POST", "%s/invocation/%s/error" % (BASE, _quote(request_id)), body, _error_type_header(error_type))

    def post_init_error(self, error_type, body):
        self._send("POST", BASE + "/init/error", body, _error_type_header(error_type))

    def post_idle(self, name):
        """Deterministic mode: nothing can happen in `name` (a request id, or `init`) before its
        virtual deadline. Not part of Lambda's API: the workbook's own path."""
        self._send("POST", "/workbook/idle/" + _quote(name), b"")

    def _send(self, method, path, body=None, headers=None):
        head = "%s %s HTTP/1.1\r\nHost: %s:%d\r\n" % (method, path, self._address[0], self._address[1])
        for name, value in (headers or {}).items():
            head += "%s: %s\r\n" % (name, value)
        if body is not None:
            if "Content-Type" not in (headers or {}):
                head += "Content-Type: application/json\r\n"
            head += "Content-Length: %d\r\n" % len(body)
        request = head.encode("latin-1") + b"\r\n" + (body or b"")
        if self._socket is None:
            self._socket = _Socket(socket.AF_INET, socket.SOCK_STREAM)
            self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._socket.connect(self._address)
            self._buffer = b""
        self._socket.sendall(request)
        return self._receive()

    def _receive(self):
        while b"\r\n\r\n" not in self._buffer:
            self._read()
        head, _, rest = self._buffer.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        while len(rest) < length:
            self._buffer = rest
            self._read()
            rest = self._buffer
        body, self._buffer = rest[:length], rest[length:]
        if headers.get("connection", "").lower() == "close":
            self._socket.close()
            self._socket = None
        return status, headers, body

    def _read(self):
        chunk = self._socket.recv(65536)
        if not chunk:
            self._socket.close()
            self._socket = None
            raise ConnectionError("runtime API connection closed")
        self._buffer += chunk


def _error_type_header(error_type):
    # A header value must be printable ASCII; anything else travels as "Unhandled" (the body
    # carries the real errorType either way), as on the Node side.
    value = str(error_type or "")
    ok = value and all(" " <= char <= "~" for char in value)
    return {"Lambda-Runtime-Function-Error-Type": value if ok else "Unhandled"}


def _quote(text):
    if all(char.isalnum() or char in "-_.~" for char in text):
        return text
    from urllib.parse import quote

    return quote(text, safe="")


def _int(text):
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


def parse_optional_json(text):
    if not text:
        return None
    return json.loads(text)
