'use strict';
// Where each DynamoDB operation carries attribute values, for the two document clients (v2
// `AWS.DynamoDB.DocumentClient`, v3 `@aws-sdk/lib-dynamodb`). Both SDKs convert exactly these members
// and pass everything else through (facts: aws-sdk-js v2 lib/dynamodb/translator.js walks the API
// model's AttributeValue shapes; aws-sdk-js-v3 lib/lib-dynamodb/src/commands/*Command.ts
// `inputKeyNodes`/`outputKeyNodes`).
//
// A node is a leaf kind — MAP (an item or key: object of attribute values), VALUE (one attribute value),
// VALUES (a list of values), MAPS (a list of items) — or an object naming children; '*' means "every
// entry" of a map or list.

const MAP = 'map';
const VALUE = 'value';
const VALUES = 'values';
const MAPS = 'maps';

const expected = { '*': { Value: VALUE, AttributeValueList: VALUES } };
const conditions = { '*': { AttributeValueList: VALUES } };
const writeRequests = { '*': { '*': { PutRequest: { Item: MAP }, DeleteRequest: { Key: MAP } } } };
const collectionMetrics = { ItemCollectionKey: MAP };
const tableCollectionMetrics = { '*': { '*': collectionMetrics } };

/** Input nodes per operation. */
const INPUT = {
  PutItem: { Item: MAP, ExpressionAttributeValues: MAP, Expected: expected },
  GetItem: { Key: MAP },
  UpdateItem: { Key: MAP, AttributeUpdates: { '*': { Value: VALUE } }, Expected: expected, ExpressionAttributeValues: MAP },
  DeleteItem: { Key: MAP, Expected: expected, ExpressionAttributeValues: MAP },
  Query: { KeyConditions: conditions, QueryFilter: conditions, ExclusiveStartKey: MAP, ExpressionAttributeValues: MAP },
  Scan: { ScanFilter: conditions, ExclusiveStartKey: MAP, ExpressionAttributeValues: MAP },
  BatchWriteItem: { RequestItems: writeRequests },
  BatchGetItem: { RequestItems: { '*': { Keys: MAPS } } },
  TransactWriteItems: {
    TransactItems: {
      '*': {
        ConditionCheck: { Key: MAP, ExpressionAttributeValues: MAP },
        Put: { Item: MAP, ExpressionAttributeValues: MAP },
        Delete: { Key: MAP, ExpressionAttributeValues: MAP },
        Update: { Key: MAP, ExpressionAttributeValues: MAP },
      },
    },
  },
  TransactGetItems: { TransactItems: { '*': { Get: { Key: MAP } } } },
  // PartiQL (v3's document commands only; the simulator answers that it does not model it).
  ExecuteStatement: { Parameters: VALUES },
  BatchExecuteStatement: { Statements: { '*': { Parameters: VALUES } } },
  ExecuteTransaction: { TransactStatements: { '*': { Parameters: VALUES } } },
};

/** Output nodes per operation. */
const OUTPUT = {
  PutItem: { Attributes: MAP, ItemCollectionMetrics: collectionMetrics },
  GetItem: { Item: MAP },
  UpdateItem: { Attributes: MAP, ItemCollectionMetrics: collectionMetrics },
  DeleteItem: { Attributes: MAP, ItemCollectionMetrics: collectionMetrics },
  Query: { Items: MAPS, LastEvaluatedKey: MAP },
  Scan: { Items: MAPS, LastEvaluatedKey: MAP },
  BatchWriteItem: { UnprocessedItems: writeRequests, ItemCollectionMetrics: tableCollectionMetrics },
  BatchGetItem: { Responses: { '*': MAPS }, UnprocessedKeys: { '*': { Keys: MAPS } } },
  TransactWriteItems: { ItemCollectionMetrics: tableCollectionMetrics },
  TransactGetItems: { Responses: { '*': { Item: MAP } } },
  ExecuteStatement: { Items: MAPS, LastEvaluatedKey: MAP },
  BatchExecuteStatement: { Responses: { '*': { Item: MAP } } },
  ExecuteTransaction: { Responses: { '*': { Item: MAP } } },
};

/** The document clients' methods (v2 `documentClient.put`, v3 `PutCommand` and `DynamoDBDocument.put`)
 *  and the operation each sends. */
const DOCUMENT_METHODS = {
  put: 'PutItem',
  get: 'GetItem',
  update: 'UpdateItem',
  delete: 'DeleteItem',
  query: 'Query',
  scan: 'Scan',
  batchWrite: 'BatchWriteItem',
  batchGet: 'BatchGetItem',
  transactWrite: 'TransactWriteItems',
  transactGet: 'TransactGetItems',
};

/**
 * A copy of `value` with every leaf under `node` replaced by `convert[kind](leaf)`. Members a node does
 * not name are kept as they are; a leaf that converts to `undefined` is left out.
 */
function transform(value, node, convert) {
  if (value === undefined || value === null) return value;
  if (typeof node === 'string') return convert[node](value);
  const every = node['*'];
  if (every !== undefined) {
    if (Array.isArray(value)) return value.map((entry) => transform(entry, every, convert));
    const out = {};
    for (const key of Object.keys(value)) out[key] = transform(value[key], every, convert);
    return out;
  }
  const out = Array.isArray(value) ? [...value] : { ...value };
  for (const key in node) {
    if (value[key] === undefined) continue;
    const converted = transform(value[key], node[key], convert);
    if (converted === undefined) delete out[key];
    else out[key] = converted;
  }
  return out;
}

module.exports = { MAP, VALUE, VALUES, MAPS, INPUT, OUTPUT, DOCUMENT_METHODS, transform };
