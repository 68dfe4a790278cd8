// aws-sdk v2 as a nodejs16.x handler uses it: DocumentClient with .promise() and callbacks.
const AWS = require('aws-sdk');
AWS.config.update({ region: 'ap-northeast-2' });
const low = new AWS.DynamoDB();
const documents = new AWS.DynamoDB.DocumentClient();

const get = (params) => new Promise((resolve, reject) =>
  documents.get(params, (err, data) => (err ? reject(err) : resolve(data))));

(async () => {
  await createTable((op, input) => low[op[0].toLowerCase() + op.slice(1)](input).promise());
  const item = { ID: '1', tags: { a: null, gone: undefined }, list: [1, undefined, 3], price: 12.5, missing: undefined };
  emit('put', JSON.stringify(await documents.put({ TableName: 'Items', Item: item }).promise()));
  emit('get', JSON.stringify(await documents.get({ TableName: 'Items', Key: { ID: '1' } }).promise()));
  emit('raw', JSON.stringify((await low.getItem({ TableName: 'Items', Key: { ID: { S: '1' } } }).promise()).Item));
  emit('callbackGet', JSON.stringify((await get({ TableName: 'Items', Key: { ID: '1' } })).Item));
  emit('update', JSON.stringify(await documents.update({
    TableName: 'Items', Key: { ID: '1' }, UpdateExpression: 'SET price = price + :one',
    ExpressionAttributeValues: { ':one': 1, ':unused': undefined }, ReturnValues: 'UPDATED_NEW',
  }).promise()));
  emit('query', JSON.stringify(await documents.query({
    TableName: 'Items', KeyConditionExpression: 'ID = :id', ExpressionAttributeValues: { ':id': '1' },
  }).promise()));
  try {
    await documents.put({ TableName: 'Items', Item: { ID: '1' }, ConditionExpression: 'attribute_not_exists(ID)' }).promise();
  } catch (error) {
    emit('conditionFailed', {
      code: error.code, name: error.name, message: error.message, statusCode: error.statusCode, retryable: error.retryable,
      requestId: error.requestId, timeIsDate: error.time instanceof Date, keys: Object.keys(error).join(','),
    });
  }
  await new Promise((resolve) => documents.delete({ TableName: 'Items', Key: { ID: '1' }, ConditionExpression: 'price = :p',
    ExpressionAttributeValues: { ':p': 0 } }, function (err) {
    emit('callbackError', `${err.code} ${this.httpResponse.statusCode}`);
    resolve();
  }));
  try {
    await documents.get({ TableName: process.env.TABLE_NAME, Key: { ID: '1' } }).promise();
  } catch (error) {
    emit('missingTable', String(error));
  }
  try { AWS.S3; } catch (error) { emit('s3', error.message); }
})();
