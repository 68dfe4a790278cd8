// AWS SDK v3 as nodejs18.x and later bundle it, imported from an ES module.
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';

const client = new DynamoDBClient({});
const documents = DynamoDBDocumentClient.from(client);
const lenient = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
const TableName = process.env.TABLE;

export const handler = async (event) => {
  await documents.send(new PutCommand({ TableName, Item: { ID: event.id, n: 1, tags: ['a'] } }));
  const got = await documents.send(new GetCommand({ TableName, Key: { ID: event.id } }));
  const updated = await documents.send(new UpdateCommand({
    TableName, Key: { ID: event.id }, UpdateExpression: 'SET n = n + :one',
    ExpressionAttributeValues: { ':one': 1 }, ReturnValues: 'UPDATED_NEW',
  }));
  const queried = await documents.send(new QueryCommand({
    TableName, KeyConditionExpression: 'ID = :id', ExpressionAttributeValues: { ':id': event.id },
  }));
  // v3 refuses undefined before sending (reference §3.2) unless removeUndefinedValues is set.
  let refused, refusedStack;
  try {
    await documents.send(new PutCommand({ TableName, Item: { ID: `${event.id}-u`, metadata: event.missing } }));
  } catch (error) {
    refused = error.message;
    refusedStack = error.stack;
  }
  await lenient.send(new PutCommand({ TableName, Item: { ID: `${event.id}-u`, metadata: event.missing } }));
  let conditional;
  try {
    await documents.send(new PutCommand({ TableName, Item: { ID: event.id }, ConditionExpression: 'attribute_not_exists(ID)' }));
  } catch (error) {
    conditional = { name: error.name, status: error.$metadata.httpStatusCode, classMatches: error instanceof ConditionalCheckFailedException };
  }
  return { got: got.Item, updated: updated.Attributes, queried: queried.Items, refused, refusedStack, conditional };
};

export const denied = async (event) => {
  try {
    await documents.send(new PutCommand({ TableName, Item: { ID: event.id } }));
    return { stored: true };
  } catch (error) {
    return { name: error.name, message: error.message, status: error.$metadata.httpStatusCode };
  }
};
