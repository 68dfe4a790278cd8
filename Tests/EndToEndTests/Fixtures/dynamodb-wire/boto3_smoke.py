"""The real boto3 against `workbook dynamodb-endpoint`: prints one JSON line per call with what
the client saw (status, headers, raw body, the parsed error code) for DynamoDBWireTests.swift.

    python3 boto3_smoke.py http://127.0.0.1:PORT
"""
import http.client
import json
import sys
import urllib.parse
import zlib

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
client = boto3.client("dynamodb", endpoint_url=endpoint, region_name="ap-northeast-2",
                      aws_access_key_id="testing", aws_secret_access_key="testing",
                      config=Config(retries={"total_max_attempts": 1}))
captured = {}
client.meta.events.register("after-call.dynamodb", lambda http_response, **_: captured.update(response=http_response))


def emit(name, status, headers, content, code=None, parsed=None):
    lower = {k.lower(): v for k, v in headers.items()}
    print(json.dumps({
        "name": name, "status": status, "body": content.decode(), "code": code, "parsed": parsed,
        "crc32": lower.get("x-amz-crc32"), "computedCrc32": str(zlib.crc32(content) & 0xFFFFFFFF),
        "contentType": lower.get("content-type"), "requestId": lower.get("x-amzn-requestid"),
    }, default=str), flush=True)


def call(name, method, **params):
    code, parsed = None, None
    try:
        parsed = getattr(client, method)(**params)
        parsed.pop("ResponseMetadata", None)
    except ClientError as error:
        code = error.response["Error"]["Code"]
    response = captured.pop("response")
    emit(name, response.status_code, dict(response.headers), response.content, code, parsed)


def raw(name, target, body):
    url = urllib.parse.urlparse(endpoint)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    connection.request("POST", "/", body=body.encode(),
                       headers={"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": target})
    response = connection.getresponse()
    emit(name, response.status, dict(response.getheaders()), response.read())
    connection.close()


call("create-table", "create_table", TableName="Items", BillingMode="PAY_PER_REQUEST",
     AttributeDefinitions=[{"AttributeName": "ID", "AttributeType": "S"}],
     KeySchema=[{"AttributeName": "ID", "KeyType": "HASH"}])
call("put-item", "put_item", TableName="Items", Item={"ID": {"S": "1"}, "price": {"N": "12.50"}})
call("get-item", "get_item", TableName="Items", Key={"ID": {"S": "1"}})
call("conditional-check-failed", "put_item", TableName="Items", Item={"ID": {"S": "1"}},
     ConditionExpression="attribute_not_exists(ID)")
call("missing-table", "get_item", TableName="Nope", Key={"ID": {"S": "1"}})
raw("unknown-operation", "DynamoDB_20120810.Frobnicate", "{}")
raw("malformed-json", "DynamoDB_20120810.ListTables", "{")
