"""The requests of the differential suite, in order: each is {name, op, params} for botocore, or
{name, op: "raw", method, headers, body} for what no SDK would send. Later steps rely on the
state earlier ones leave (a fresh account / a fresh moto server per run)."""

MUSIC = "Music"
COUNTERS = "Counters"
EVENTS = "Events"


def s(v):
    return {"S": v}


def n(v):
    return {"N": str(v)}


def song(artist, title, **extra):
    item = {"Artist": s(artist), "SongTitle": s(title)}
    item.update(extra)
    return item


def key(artist, title):
    return {"Artist": s(artist), "SongTitle": s(title)}


def api(name, op, **params):
    return {"name": name, "op": op, "params": params}


def tables():
    music = dict(TableName=MUSIC, BillingMode="PAY_PER_REQUEST",
                 AttributeDefinitions=[{"AttributeName": "Artist", "AttributeType": "S"},
                                       {"AttributeName": "SongTitle", "AttributeType": "S"}],
                 KeySchema=[{"AttributeName": "Artist", "KeyType": "HASH"},
                            {"AttributeName": "SongTitle", "KeyType": "RANGE"}])
    return [
        api("create-table music", "CreateTable", **music),
        api("create-table counters (provisioned)", "CreateTable", TableName=COUNTERS,
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}),
        api("create-table events", "CreateTable", TableName=EVENTS, BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}],
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]),
        api("create-table music again (in use)", "CreateTable", **music),
        api("describe-table music", "DescribeTable", TableName=MUSIC),
        api("list-tables", "ListTables"),
        api("list-tables limit 1", "ListTables", Limit=1),
    ]


def puts():
    items = [
        song("Acme", "Happy Day", Year=n(2017), Plays=n(10), Genre=s("Pop")),
        song("Acme", "Blue Sky", Year=n(2015), Plays=n(3), Tags={"SS": ["calm", "sky"]}),
        song("Acme", "Crimson", Year=n(2019), Plays=n(7), Scores={"NS": ["1", "2.5", "10"]}),
        song("Acme", "Delta", Year=n(2020), Blob={"B": "AAEC"}, Chunks={"BS": ["AQ==", "Ag=="]}),
        song("Acme", "Echo", Year=n(2021), Credits={"L": [s("a"), n(1), {"BOOL": True}]}),
        song("Acme", "Foxtrot", Year=n(2022), Info={"M": {"label": s("X"), "stats": {"M": {"likes": n(5)}}}}),
        song("Bolt", "Alpha", Year=n(2010), Live={"BOOL": False}, Note={"NULL": True}),
        song("Bolt", "Beta", Year=n(2011), Plays=n(1)),
        song("Bolt", "Gamma", Year=n(2012), Plays=n(2), Genre=s("Rock")),
        song("Cobalt", "Only", Year=n(1999), Plays=n(100), Genre=s("Jazz")),
    ]
    steps = [api("put-item %d" % i, "PutItem", TableName=MUSIC, Item=item) for i, item in enumerate(items, 1)]
    steps += [api("put-item events %d" % i, "PutItem", TableName=EVENTS, Item={"pk": s("p"), "sk": n(i), "v": s("e%d" % i)})
              for i in range(1, 8)]
    steps += [
        api("put-item overwrite ALL_OLD", "PutItem", TableName=MUSIC, ReturnValues="ALL_OLD",
            Item=song("Bolt", "Beta", Year=n(2011), Plays=n(5))),
        api("put-item attribute_not_exists on existing (fails)", "PutItem", TableName=MUSIC,
            Item=song("Acme", "Happy Day"), ConditionExpression="attribute_not_exists(Artist)"),
        api("put-item attribute_not_exists on new", "PutItem", TableName=MUSIC,
            Item=song("Dune", "Sand", Year=n(1984)), ConditionExpression="attribute_not_exists(Artist)"),
        api("put-item condition with names and values (fails)", "PutItem", TableName=MUSIC,
            Item=song("Acme", "Happy Day", Year=n(2017), Plays=n(10)), ConditionExpression="#y > :y",
            ExpressionAttributeNames={"#y": "Year"}, ExpressionAttributeValues={":y": n(2020)}),
        api("put-item condition holds, consumed capacity", "PutItem", TableName=MUSIC, ReturnConsumedCapacity="TOTAL",
            Item=song("Acme", "Happy Day", Year=n(2017), Plays=n(10), Genre=s("Pop")), ConditionExpression="#y < :y",
            ExpressionAttributeNames={"#y": "Year"}, ExpressionAttributeValues={":y": n(2020)}),
    ]
    return steps


def gets():
    return [
        api("get-item", "GetItem", TableName=MUSIC, Key=key("Acme", "Happy Day")),
        api("get-item missing", "GetItem", TableName=MUSIC, Key=key("Acme", "Nope")),
        api("get-item projection", "GetItem", TableName=MUSIC, Key=key("Acme", "Foxtrot"),
            ProjectionExpression="#y, Info.stats", ExpressionAttributeNames={"#y": "Year"}),
        api("get-item consistent with capacity", "GetItem", TableName=MUSIC, Key=key("Acme", "Echo"),
            ConsistentRead=True, ReturnConsumedCapacity="TOTAL"),
        api("get-item every type", "GetItem", TableName=MUSIC, Key=key("Acme", "Delta")),
    ]


def update(name, k, expression, table=MUSIC, **extra):
    return api(name, "UpdateItem", TableName=table, Key=k, UpdateExpression=expression, **extra)


def updates():
    return [
        update("update SET ALL_NEW", key("Acme", "Happy Day"), "SET Genre = :g",
               ExpressionAttributeValues={":g": s("Dance")}, ReturnValues="ALL_NEW"),
        update("update SET arithmetic UPDATED_NEW", key("Acme", "Happy Day"), "SET Plays = Plays + :one",
               ExpressionAttributeValues={":one": n(1)}, ReturnValues="UPDATED_NEW"),
        update("update SET if_not_exists", key("Acme", "Blue Sky"), "SET Rating = if_not_exists(Rating, :r)",
               ExpressionAttributeValues={":r": n(3)}, ReturnValues="UPDATED_NEW"),
        update("update SET list_append", key("Acme", "Echo"), "SET Credits = list_append(Credits, :more)",
               ExpressionAttributeValues={":more": {"L": [s("z")]}}, ReturnValues="UPDATED_NEW"),
        update("update REMOVE ALL_OLD", key("Acme", "Crimson"), "REMOVE Scores", ReturnValues="ALL_OLD"),
        update("update ADD number creates item", {"id": s("hits")}, "ADD #c :n", table=COUNTERS,
               ExpressionAttributeNames={"#c": "count"}, ExpressionAttributeValues={":n": n(5)}, ReturnValues="UPDATED_NEW"),
        update("update ADD number again", {"id": s("hits")}, "ADD #c :n", table=COUNTERS,
               ExpressionAttributeNames={"#c": "count"}, ExpressionAttributeValues={":n": n(-2)}, ReturnValues="ALL_NEW"),
        update("update ADD to string set", key("Acme", "Blue Sky"), "ADD Tags :t",
               ExpressionAttributeValues={":t": {"SS": ["blue", "calm"]}}, ReturnValues="UPDATED_NEW"),
        update("update DELETE from string set", key("Acme", "Blue Sky"), "DELETE Tags :t",
               ExpressionAttributeValues={":t": {"SS": ["sky"]}}, ReturnValues="UPDATED_NEW"),
        update("update condition fails", key("Acme", "Blue Sky"), "SET Plays = :p",
               ConditionExpression="Plays > :min", ExpressionAttributeValues={":p": n(0), ":min": n(100)}),
        update("update SET nested map path", key("Acme", "Foxtrot"), "SET Info.stats.likes = Info.stats.likes + :one",
               ExpressionAttributeValues={":one": n(1)}, ReturnValues="UPDATED_NEW"),
        update("update REMOVE list element", key("Acme", "Echo"), "REMOVE Credits[0]", ReturnValues="UPDATED_OLD"),
        update("update SET and REMOVE UPDATED_OLD", key("Bolt", "Alpha"), "SET Live = :t REMOVE Note",
               ExpressionAttributeValues={":t": {"BOOL": True}}, ReturnValues="UPDATED_OLD"),
    ]


def deletes():
    return [
        api("delete-item ALL_OLD", "DeleteItem", TableName=MUSIC, Key=key("Dune", "Sand"), ReturnValues="ALL_OLD"),
        api("delete-item condition fails", "DeleteItem", TableName=MUSIC, Key=key("Bolt", "Gamma"),
            ConditionExpression="Genre = :g", ExpressionAttributeValues={":g": s("Pop")}),
        api("delete-item missing key is fine", "DeleteItem", TableName=MUSIC, Key=key("Nobody", "Nothing")),
    ]


def query(name, condition, values, **extra):
    return api(name, "Query", TableName=MUSIC, KeyConditionExpression=condition,
               ExpressionAttributeValues=values, **extra)


def queries():
    a = {":a": s("Acme")}
    return [
        query("query hash only", "Artist = :a", a),
        query("query =", "Artist = :a AND SongTitle = :t", dict(a, **{":t": s("Echo")})),
        query("query <", "Artist = :a AND SongTitle < :t", dict(a, **{":t": s("D")})),
        query("query <=", "Artist = :a AND SongTitle <= :t", dict(a, **{":t": s("Delta")})),
        query("query >", "Artist = :a AND SongTitle > :t", dict(a, **{":t": s("Echo")})),
        query("query >=", "Artist = :a AND SongTitle >= :t", dict(a, **{":t": s("Echo")})),
        query("query BETWEEN", "Artist = :a AND SongTitle BETWEEN :x AND :y", dict(a, **{":x": s("B"), ":y": s("E")})),
        query("query begins_with", "Artist = :a AND begins_with(SongTitle, :p)", dict(a, **{":p": s("C")})),
        query("query descending", "Artist = :a", a, ScanIndexForward=False),
        query("query limit page 1", "Artist = :a", a, Limit=2),
        query("query limit page 2", "Artist = :a", a, Limit=2,
              ExclusiveStartKey=key("Acme", "Crimson")),
        query("query select count", "Artist = :a", a, Select="COUNT"),
        query("query filter", "Artist = :a", dict(a, **{":y": n(2018)}), FilterExpression="#y > :y",
              ExpressionAttributeNames={"#y": "Year"}),
        query("query projection and capacity", "Artist = :b", {":b": s("Bolt")}, ProjectionExpression="SongTitle, Plays",
              ReturnConsumedCapacity="TOTAL"),
    ]


def scans():
    return [
        {**api("scan all", "Scan", TableName=MUSIC), "unordered": True},
        {**api("scan filter contains", "Scan", TableName=MUSIC, FilterExpression="contains(Tags, :t)",
               ExpressionAttributeValues={":t": s("calm")}), "unordered": True},
        {**api("scan filter attribute_exists and size", "Scan", TableName=MUSIC,
               FilterExpression="attribute_exists(Genre) AND size(Genre) > :n",
               ExpressionAttributeValues={":n": n(3)}), "unordered": True},
        api("scan events limit page 1", "Scan", TableName=EVENTS, Limit=3),
        api("scan events limit page 2", "Scan", TableName=EVENTS, Limit=3,
            ExclusiveStartKey={"pk": s("p"), "sk": n(3)}),
        api("scan events limit page 3", "Scan", TableName=EVENTS, Limit=3,
            ExclusiveStartKey={"pk": s("p"), "sk": n(6)}),
        api("scan events filter with limit", "Scan", TableName=EVENTS, Limit=4, FilterExpression="sk > :two",
            ExpressionAttributeValues={":two": n(2)}),
        api("scan select count", "Scan", TableName=EVENTS, Select="COUNT"),
        api("scan projection", "Scan", TableName=EVENTS, ProjectionExpression="v"),
    ]


def batches():
    return [
        api("batch-write puts and deletes", "BatchWriteItem", RequestItems={
            EVENTS: [{"PutRequest": {"Item": {"pk": s("q"), "sk": n(i)}}} for i in range(1, 4)]
            + [{"DeleteRequest": {"Key": {"pk": s("p"), "sk": n(7)}}}]}),
        api("batch-get", "BatchGetItem", RequestItems={
            EVENTS: {"Keys": [{"pk": s("q"), "sk": n(1)}, {"pk": s("q"), "sk": n(2)}]}}),
        api("batch-get projection and a missing key", "BatchGetItem", RequestItems={
            MUSIC: {"Keys": [key("Cobalt", "Only"), key("No", "Where")], "ProjectionExpression": "Plays"}}),
        api("transact-write success", "TransactWriteItems", TransactItems=[
            {"Put": {"TableName": EVENTS, "Item": {"pk": s("t"), "sk": n(1)}}},
            {"Update": {"TableName": COUNTERS, "Key": {"id": s("hits")}, "UpdateExpression": "ADD #c :one",
                        "ExpressionAttributeNames": {"#c": "count"}, "ExpressionAttributeValues": {":one": n(1)}}},
            {"ConditionCheck": {"TableName": MUSIC, "Key": key("Cobalt", "Only"),
                                "ConditionExpression": "attribute_exists(Plays)"}},
            {"Delete": {"TableName": EVENTS, "Key": {"pk": s("q"), "sk": n(3)}}}]),
        api("transact-write condition fails", "TransactWriteItems", TransactItems=[
            {"Put": {"TableName": EVENTS, "Item": {"pk": s("t"), "sk": n(2)}}},
            {"ConditionCheck": {"TableName": MUSIC, "Key": key("Cobalt", "Only"),
                                "ConditionExpression": "attribute_not_exists(Plays)"}}]),
        api("get-item after cancelled transaction", "GetItem", TableName=EVENTS, Key={"pk": s("t"), "sk": n(2)}),
    ]



def invalid():
    big = "x" * (400 * 1024)
    return [
        api("get-item on missing table", "GetItem", TableName="Ghost", Key={"id": s("1")}),
        api("describe-table missing", "DescribeTable", TableName="non-existent"),
        api("put-item without key", "PutItem", TableName=MUSIC, Item={"Artist": s("Acme")}),
        api("put-item key wrong type", "PutItem", TableName=MUSIC, Item={"Artist": n(1), "SongTitle": s("x")}),
        api("put-item empty string key", "PutItem", TableName=MUSIC, Item={"Artist": s(""), "SongTitle": s("x")}),
        api("get-item key missing range", "GetItem", TableName=MUSIC, Key={"Artist": s("Acme")}),
        update("update syntax error", key("Acme", "Echo"), "SET = :v", ExpressionAttributeValues={":v": n(1)}),
        query("query undefined value", "Artist = :a", {":b": s("Acme")}),
        api("scan reserved word unescaped", "Scan", TableName=MUSIC, FilterExpression="Year > :y",
            ExpressionAttributeValues={":y": n(1)}),
        api("put-item missing table name", "PutItem", Item={"id": s("1")}),
        api("put-item item too large", "PutItem", TableName=MUSIC, Item=song("Big", "Item", Data=s(big))),
        api("batch-write 26 items", "BatchWriteItem", RequestItems={
            EVENTS: [{"PutRequest": {"Item": {"pk": s("b"), "sk": n(i)}}} for i in range(26)]}),
        api("create-table key not in definitions", "CreateTable", TableName="Bad", BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "a", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "b", "KeyType": "HASH"}]),
        api("update-item put-delete return value", "PutItem", TableName=MUSIC, Item=song("Acme", "Echo"),
            ReturnValues="UPDATED_NEW"),
        {"name": "raw malformed json", "op": "raw", "headers": {"X-Amz-Target": "DynamoDB_20120810.ListTables"},
         "body": "{not json"},
        {"name": "raw unknown operation", "op": "raw", "headers": {"X-Amz-Target": "DynamoDB_20120810.Frobnicate"},
         "body": "{}"},
        {"name": "raw missing target", "op": "raw", "body": "{}"},
        {"name": "raw empty body", "op": "raw", "headers": {"X-Amz-Target": "DynamoDB_20120810.ListTables"}},
    ]


def teardown():
    return [
        api("delete-table counters", "DeleteTable", TableName=COUNTERS),
        api("delete-table missing", "DeleteTable", TableName=COUNTERS),
        api("list-tables at the end", "ListTables"),
    ]


def steps():
    return tables() + puts() + gets() + updates() + deletes() + queries() + scans() + batches() + invalid() + teardown()
