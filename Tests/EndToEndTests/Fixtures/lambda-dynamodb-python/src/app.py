import boto3

# At init, as handlers usually do: boto3 is what Lambda's Python runtime bundles.
table = boto3.resource("dynamodb").Table("sdk-items")


def handler(event, context):
    try:
        table.put_item(Item={"ID": event["id"], "n": 1})
        return {"put": "ok"}
    except Exception as error:
        return {"error": type(error).__name__, "message": str(error)}
