"""boto3 and botocore clients for DynamoDB talk to the workbook's simulated DynamoDB (its JSON
1.0 wire endpoint on loopback) instead of AWS; clients of the services it does not simulate are
refused when created, never sent to AWS (as the Node SDK shims refuse them at load).

boto3 is not imported here -- most handlers of a cold start never pay for it -- but an import
hook waits for `botocore.session` and then makes `Session.create_client("dynamodb", ...)`
default `endpoint_url` to the workbook's endpoint. `boto3.resource("dynamodb")` and
`boto3.client("dynamodb")` both go through it. An endpoint the handler gives itself
(endpoint_url=..., or AWS_ENDPOINT_URL[_<SERVICE>] in the function's environment) is left alone.
Requests are signed with the function's credentials as usual: the simulator reads the caller
from the SigV4 header.
"""

import importlib.machinery
import os
import sys

SERVICES = ("dynamodb",)
# endpoint_url's position in Session.create_client(service_name, region_name, api_version,
# use_ssl, verify, endpoint_url, ...), counted after service_name.
_ENDPOINT_POSITION = 4


class _SessionHook:
    """A meta path finder (importlib.abc.MetaPathFinder's protocol; the abc module itself would
    cost every cold start some 40 ms of imports)."""

    def __init__(self, endpoint):
        self.endpoint = endpoint

    def find_spec(self, fullname, path, target=None):
        if fullname != "botocore.session":
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        original = spec.loader.exec_module
        endpoint = self.endpoint

        def exec_module(module):
            original(module)
            _patch(module, endpoint)

        spec.loader.exec_module = exec_module
        return spec


class WorkbookSDKError(Exception):
    """A failure of the workbook itself (no endpoint, a service it does not simulate): never an
    AWS error."""


def _refusal(service_name, endpoint):
    if endpoint is None and service_name in SERVICES:
        return ("the workbook simulator provides no DynamoDB endpoint here: boto3's dynamodb client only works inside "
                "a function the workbook runs (or pass an explicit endpoint_url to the client).")
    if service_name not in SERVICES:
        return ("the workbook simulates only DynamoDB among AWS services a function calls: boto3's %s client is not "
                "simulated, so a handler that creates it cannot run here (on AWS Lambda it works)." % service_name)
    return None


def _patch(module, endpoint):
    session_class = getattr(module, "Session", None)
    create_client = getattr(session_class, "create_client", None)
    if create_client is None or getattr(create_client, "__workbook__", False):
        return

    def create_client_on_workbook(self, service_name, *args, **kwargs):
        given = args[_ENDPOINT_POSITION] if len(args) > _ENDPOINT_POSITION else kwargs.get("endpoint_url")
        if given is None and not _configured_by_function(service_name):
            refusal = _refusal(service_name, endpoint)
            if refusal is not None:
                raise WorkbookSDKError(refusal)
            if len(args) > _ENDPOINT_POSITION:
                args = args[:_ENDPOINT_POSITION] + (endpoint,) + args[_ENDPOINT_POSITION + 1:]
            else:
                kwargs["endpoint_url"] = endpoint
        return create_client(self, service_name, *args, **kwargs)

    create_client_on_workbook.__workbook__ = True
    create_client_on_workbook.__name__ = create_client.__name__
    create_client_on_workbook.__doc__ = create_client.__doc__
    session_class.create_client = create_client_on_workbook


def _configured_by_function(service_name):
    return bool(os.environ.get("AWS_ENDPOINT_URL_" + service_name.upper()) or os.environ.get("AWS_ENDPOINT_URL"))


def install(endpoint):
    """Installs the hook; `endpoint` is None when the workbook serves no DynamoDB here."""
    sys.meta_path.insert(0, _SessionHook(endpoint))
