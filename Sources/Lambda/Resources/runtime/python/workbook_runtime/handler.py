"""Loading the handler (`app.handler`, `dir/app.handler`), the `context` object, and the
runtime's JSON encoding of events and results, as Lambda's Python runtime does them
(reference/aws-behavior.md §2.2 Python rows)."""

import importlib
import json
import math
import os
import sys

from . import clock
from .failures import Fault
from .sandbox import show_paths


def load_handler(handler):
    """The handler function, or a Fault of Lambda's kind."""
    try:
        module_name, function_name = handler.rsplit(".", 1)
    except ValueError as error:
        raise Fault("Runtime.MalformedHandlerName", "Bad handler '%s': %s" % (handler, error))
    try:
        if module_name.split(".")[0] in sys.builtin_module_names:
            raise Fault("Runtime.BuiltInModuleConflict", "Cannot use built-in module %s as a handler module" % module_name)
        module = importlib.import_module(module_name.replace("/", "."))
    except ImportError as error:
        raise Fault("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, error))
    except SyntaxError as error:
        trace = ['  File "%s" Line %s\n    %s' % (show_paths(str(error.filename)), error.lineno, error.text)]
        raise Fault("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_name, error), trace)
    try:
        return getattr(module, function_name)
    except AttributeError:
        raise Fault("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name))


class CognitoIdentity:
    __slots__ = ["cognito_identity_id", "cognito_identity_pool_id"]

    def __init__(self, values=None):
        values = values or {}
        self.cognito_identity_id = values.get("cognitoIdentityId")
        self.cognito_identity_pool_id = values.get("cognitoIdentityPoolId")


class Client:
    __slots__ = ["installation_id", "app_title", "app_version_name", "app_version_code", "app_package_name"]


class ClientContext:
    __slots__ = ["custom", "env", "client"]


def _object_from(cls, values):
    if values is None:
        return None
    made = cls()
    for field in cls.__slots__:
        setattr(made, field, values.get(field))
    return made


class LambdaContext:
    """The documented context fields. As on Lambda, memory_limit_in_mb is the variable's text,
    identity is an object whose fields are None without Cognito, and client_context is None."""

    def __init__(self, invocation, client_context=None, cognito_identity=None):
        env = os.environ
        self.aws_request_id = invocation.request_id
        self.log_group_name = env.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = env.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = env.get("AWS_LAMBDA_FUNCTION_NAME")
        self.memory_limit_in_mb = env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.function_version = env.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = invocation.invoked_function_arn
        self.tenant_id = None
        self.client_context = _object_from(ClientContext, client_context)
        if self.client_context is not None:
            self.client_context.client = _object_from(Client, self.client_context.client)
        self.identity = CognitoIdentity(cognito_identity)
        self._deadline_ms = invocation.deadline_ms or 0

    def get_remaining_time_in_millis(self):
        # On the virtual clock, like the handler's time.time().
        remaining = self._deadline_ms - int(clock.now_ms())
        return remaining if remaining > 0 else 0

    def log(self, message):
        sys.stdout.write(str(message))

    def __repr__(self):
        return ("LambdaContext([aws_request_id=%s,log_group_name=%s,log_stream_name=%s,function_name=%s,"
                "memory_limit_in_mb=%s,function_version=%s,invoked_function_arn=%s,client_context=%s,identity=%s,"
                "tenant_id=%s])" % (self.aws_request_id, self.log_group_name, self.log_stream_name, self.function_name,
                                    self.memory_limit_in_mb, self.function_version, self.invoked_function_arn,
                                    self.client_context, self.identity, self.tenant_id))


class ResultEncoder(json.JSONEncoder):
    """Lambda's encoder (simplejson there): default separators, non-ASCII kept from python3.12
    on and escaped before, and Decimal written as its exact digits (boto3's DynamoDB numbers
    can be returned as they are; a NaN Decimal becomes NaN)."""

    def __init__(self, ensure_ascii):
        super().__init__(ensure_ascii=ensure_ascii)
        self._token = "\x00decimal%x:" % id(self)
        self.saw_decimal = False

    def default(self, value):
        decimal = sys.modules.get("decimal")
        if decimal is not None and isinstance(value, decimal.Decimal):
            if value.is_nan():
                return math.nan
            self.saw_decimal = True
            return self._token + str(value) + "\x00"
        return super().default(value)

    def encode_result(self, value):
        self.saw_decimal = False
        text = self.encode(value)
        if self.saw_decimal:
            quoted = json.dumps(self._token)[:-1]  # `"\u0000decimal…:` as the encoder writes it
            pieces = text.split(quoted)
            text = pieces[0] + "".join(piece.replace("\\u0000\"", "", 1) for piece in pieces[1:])
        return text


def uses_ascii_escapes(runtime):
    """Lambda's python3.12 and later runtimes keep non-ASCII characters in JSON."""
    try:
        return int(runtime.replace("python3.", "").replace(".x", "")) < 12
    except ValueError:
        return True


def marshal(encoder, response):
    """The response body and its content type; bytes pass as they are."""
    if isinstance(response, bytes):
        return response, "application/unknown"
    try:
        return encoder.encode_result(response).encode("utf-8"), "application/json"
    except Exception as error:
        raise Fault("Runtime.MarshalError", "Unable to marshal response: %s" % error)


def unmarshal(body, content_type):
    if content_type != "application/json":
        return body
    try:
        return json.loads(body)
    except Exception as error:
        raise Fault("Runtime.UnmarshalError", "Unable to unmarshal input: %s" % error)
