"""Differential driver: sends the same DynamoDB requests to one endpoint and records the answers.

Run once against `workbook dynamodb-endpoint` and once against `python3 -m moto.server`; the Swift
test (Tests/EndToEndTests/DynamoDBDifferentialTests.swift) compares the two recordings field by
field and fails on any difference not named in allowlist.json.

    python3 driver.py --endpoint http://127.0.0.1:PORT --out recording.json

Each step records the HTTP status, the error `__type`, the message (and which key carried it),
the parsed body with volatile values masked, whether `x-amz-crc32` matches the body, and the
shape of the request id (never its value).
"""
import argparse
import http.client
import json
import os
import re
import sys
import urllib.parse
import zlib

import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

sys.dont_write_bytecode = True  # no __pycache__ in the fixture folder
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from requests_list import steps  # noqa: E402  (the request list lives beside this file)

REGION = "ap-northeast-2"
# Values that differ on every run, in any implementation: masked by key name.
VOLATILE = {"CreationDateTime", "TableId", "LastIncreaseDateTime", "LastDecreaseDateTime",
            "LastUpdateToPayPerRequestDateTime", "LatestStreamLabel", "LatestStreamArn"}


def mask(value):
    if isinstance(value, dict):
        return {k: ("<masked>" if k in VOLATILE else mask(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [mask(v) for v in value]
    return value


def canonical(value):
    """Sorts lists whose order AWS leaves undefined (Scan items, ListTables names stay ordered)."""
    return json.dumps(value, sort_keys=True)


def request_id_shape(value):
    if value is None:
        return "missing"
    if re.fullmatch(r"[A-Z0-9]{52}", value):
        return "52 upper alnum"
    if re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", value):
        return "uuid"
    return "other"


def record(step, status, headers, content):
    text = content.decode("utf-8", "replace")
    entry = {"name": step["name"], "status": status}
    lower = {k.lower(): v for k, v in headers.items()}
    crc = lower.get("x-amz-crc32")
    entry["crc32"] = "missing" if crc is None else ("ok" if int(crc) == zlib.crc32(content) & 0xFFFFFFFF else "wrong")
    entry["requestId"] = request_id_shape(lower.get("x-amzn-requestid"))
    entry["contentType"] = lower.get("content-type")
    try:
        body = json.loads(text) if text else None
    except ValueError:
        entry["rawBody"] = text
        return entry
    if isinstance(body, dict):
        entry["type"] = body.get("__type")
        for key in ("message", "Message"):
            if key in body:
                entry["message"], entry["messageKey"] = body[key], key
        if step.get("unordered") and isinstance(body.get("Items"), list):
            body["Items"] = sorted(body["Items"], key=canonical)
    entry["body"] = mask(body)
    return entry


def run_api(client, step, captured):
    captured.clear()
    method = getattr(client, botocore.xform_name(step["op"]))
    try:
        method(**step["params"])
    except ClientError:
        pass
    except Exception as error:  # a client-side failure (e.g. checksum) is recorded, not raised
        return {"name": step["name"], "clientError": type(error).__name__ + ": " + str(error)}
    response = captured["response"]
    return record(step, response.status_code, dict(response.headers), response.content)


def run_raw(endpoint, step):
    url = urllib.parse.urlparse(endpoint)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    headers = {"Content-Type": "application/x-amz-json-1.0",
               # Names the service in the credential scope so moto's server routes the request.
               "Authorization": "AWS4-HMAC-SHA256 Credential=testing/20260101/%s/dynamodb/aws4_request, "
                                "SignedHeaders=host, Signature=0" % REGION,
               "X-Amz-Date": "20260101T000000Z"}
    headers.update(step.get("headers", {}))
    connection.request(step.get("method", "POST"), "/", body=step.get("body", "").encode(), headers=headers)
    response = connection.getresponse()
    content = response.read()
    connection.close()
    return record(step, response.status, dict(response.getheaders()), content)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    session = botocore.session.get_session()
    client = session.create_client(
        "dynamodb", region_name=REGION, endpoint_url=args.endpoint,
        aws_access_key_id="testing", aws_secret_access_key="testing",
        # Invalid requests must reach the server, and one attempt each keeps the recording exact.
        config=Config(parameter_validation=False, retries={"total_max_attempts": 1}))
    captured = {}
    client.meta.events.register("after-call.dynamodb", lambda http_response, **_: captured.update(response=http_response))
    results = []
    for step in steps():
        results.append(run_raw(args.endpoint, step) if step["op"] == "raw" else run_api(client, step, captured))
    with open(args.out, "w") as out:
        json.dump({"endpoint": args.endpoint, "steps": results}, out, indent=1, sort_keys=True)
    print("%d steps recorded" % len(results))


if __name__ == "__main__":
    main()
