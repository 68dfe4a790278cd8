// aws-sdk v2's DocumentClient, as the 2023 sprint handler uses it (nodejs16.x bundles v2).
const AWS = require('aws-sdk');

const documents = new AWS.DynamoDB.DocumentClient();
const TableName = process.env.TABLE;

exports.handler = async (event) => {
  // v2 drops an attribute whose value is undefined and sends the rest (reference §3.2).
  await documents.put({ TableName, Item: { ID: event.id, n: 1, dropped: undefined, tags: ['a'] } }).promise();
  const got = await documents.get({ TableName, Key: { ID: event.id } }).promise();
  const updated = await documents.update({
    TableName, Key: { ID: event.id }, UpdateExpression: 'SET n = n + :one',
    ExpressionAttributeValues: { ':one': 1 }, ReturnValues: 'UPDATED_NEW',
  }).promise();
  const queried = await new Promise((resolve, reject) => documents.query({
    TableName, KeyConditionExpression: 'ID = :id', ExpressionAttributeValues: { ':id': event.id },
  }, (error, data) => (error ? reject(error) : resolve(data))));
  let conditional;
  try {
    await documents.put({ TableName, Item: { ID: event.id }, ConditionExpression: 'attribute_not_exists(ID)' }).promise();
  } catch (error) {
    conditional = { code: error.code, statusCode: error.statusCode, message: error.message };
  }
  return { got: got.Item, updated: updated.Attributes, queried: queried.Items, conditional };
};
