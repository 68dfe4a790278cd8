#!/usr/bin/env python3
"""Runs the real aws-sam-translator on one SAM template and prints the result as JSON.

Usage: translate.py TEMPLATE.yaml... [--bucket BUCKET]

With one template, prints its result; with several, one JSON object keyed by the paths as given
(importing the translator takes seconds, so the tests translate every fixture in one run).

The SAM tests compare this output with the workbook's own transform (SAMTransformTests.swift).
No network: the IAM managed-policy fallback gets a fixed, empty map, so only the map bundled
with the translator is used (a name it does not know stays as written, as in the translator).

Like `sam package`, a CodeUri that is a local folder is replaced by `s3://BUCKET/<LogicalId>`
before the transform, which is the workbook's default packaging (SAMPackaging.workbook).
On an invalid template, prints {"error": "<the translator's message>"} and exits 0.
"""
import json
import os
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", "ap-northeast-2")

from samtranslator.model.exceptions import InvalidDocumentException  # noqa: E402
from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402


class StaticManagedPolicyLoader:
    """Stands in for ManagedPolicyLoader, which would list the AWS managed policies through IAM."""

    def load(self):
        return {}


def package_local_code(template, bucket):
    for logical_id, resource in template.get("Resources", {}).items():
        if not isinstance(resource, dict) or resource.get("Type") != "AWS::Serverless::Function":
            continue
        properties = resource.get("Properties") or {}
        code_uri = properties.get("CodeUri")
        if isinstance(code_uri, str) and not code_uri.startswith("s3://"):
            properties["CodeUri"] = f"s3://{bucket}/{logical_id}"


def error_text(error):
    # Causes in the order the translator met them (functions first, then other resources).
    return " ".join([error.message] + [cause.message for cause in error.causes])


def translate(path, bucket):
    with open(path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    package_local_code(template, bucket)
    try:
        return transform(template, {}, StaticManagedPolicyLoader())
    except InvalidDocumentException as error:
        return {"error": error_text(error)}


def main():
    arguments = sys.argv[1:]
    bucket = "workbook-sam-artifacts"
    if "--bucket" in arguments:
        index = arguments.index("--bucket")
        bucket = arguments[index + 1]
        del arguments[index : index + 2]
    if len(arguments) == 1:
        print(json.dumps(translate(arguments[0], bucket), indent=1))
    else:
        print(json.dumps({path: translate(path, bucket) for path in arguments}, indent=1))


if __name__ == "__main__":
    main()
