// AWS SDK v3 as a nodejs18.x+ handler uses it: DynamoDBDocumentClient over DynamoDBClient.
const { DynamoDBClient, GetItemCommand, PutItemCommand, CreateTableCommand, DescribeLimitsCommand,
  ConditionalCheckFailedException, DynamoDBServiceException } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, PutCommand, GetCommand, UpdateCommand, QueryCommand } = require('@aws-sdk/lib-dynamodb');

const base = new DynamoDBClient({});
const documents = DynamoDBDocumentClient.from(base);
const removing = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
const withoutMetadata = ({ $metadata, ...rest }) => rest;

(async () => {
  await createTable((op, input) => base.send(new CreateTableCommand(input)));
  const put = await documents.send(new PutCommand({ TableName: 'Items', Item: { ID: '1', price: 12.5, tags: { a: null } } }));
  emit('put', JSON.stringify({ $metadata: { httpStatusCode: put.$metadata.httpStatusCode, attempts: put.$metadata.attempts,
    totalRetryDelay: put.$metadata.totalRetryDelay } }));
  emit('get', JSON.stringify((await documents.send(new GetCommand({ TableName: 'Items', Key: { ID: '1' } }))).Item));
  emit('update', JSON.stringify((await documents.send(new UpdateCommand({
    TableName: 'Items', Key: { ID: '1' }, UpdateExpression: 'SET price = price + :one',
    ExpressionAttributeValues: { ':one': 1 }, ReturnValues: 'UPDATED_NEW',
  }))).Attributes));
  emit('query', JSON.stringify((await documents.send(new QueryCommand({
    TableName: 'Items', KeyConditionExpression: 'ID = :id', ExpressionAttributeValues: { ':id': '1' },
  }))).Items));
  try {
    await documents.send(new PutCommand({ TableName: 'Items', Item: { ID: '2', nickname: undefined } }));
  } catch (error) {
    emit('undefined', String(error));
  }
  const sent = await documents.send(new GetCommand({ TableName: 'Items', Key: { ID: '2' } }));
  emit('undefinedNotSent', sent.Item !== undefined);
  await removing.send(new PutCommand({ TableName: 'Items', Item: { ID: '2', nickname: undefined, list: [1, undefined] } }));
  emit('removed', JSON.stringify((await documents.send(new GetCommand({ TableName: 'Items', Key: { ID: '2' } }))).Item));
  try {
    await documents.send(new PutCommand({ TableName: 'Items', Item: { ID: '1' }, ConditionExpression: 'attribute_not_exists(ID)' }));
  } catch (error) {
    emit('conditionFailed', {
      name: error.name, message: error.message, fault: error.$fault, httpStatusCode: error.$metadata.httpStatusCode,
      instanceOfClass: error instanceof ConditionalCheckFailedException, instanceOfService: error instanceof DynamoDBServiceException,
      type: error.__type, metadataKeys: Object.keys(error.$metadata).join(','),
    });
  }
  try {
    await base.send(new GetItemCommand({ TableName: 'Nope', Key: { ID: { S: '1' } } }));
  } catch (error) {
    emit('missingTable', `${error.name} ${error.message} ${error.$metadata.httpStatusCode}`);
  }
  await base.send(new PutItemCommand({ TableName: 'Items', Item: { ID: { S: 'b' }, blob: { B: Buffer.from('abc') } } }));
  const blob = (await base.send(new GetItemCommand({ TableName: 'Items', Key: { ID: { S: 'b' } } }))).Item.blob.B;
  emit('binary', `${blob.constructor.name} ${blob.length}`);
  // v3 takes an endpoint provider that answers with a promise (its own providers are async): its
  // answer is used (here a port where nothing listens), never silently replaced by the workbook's.
  const provided = new DynamoDBClient({ endpoint: async () => 'http://127.0.0.1:9' });
  try {
    await provided.send(new GetItemCommand({ TableName: 'Items', Key: { ID: { S: '1' } } }));
    emit('asyncEndpoint', 'answered');
  } catch (error) {
    emit('asyncEndpoint', error.message.split(',')[0]);
  }
  try {
    await base.send(new DescribeLimitsCommand({}));
  } catch (error) {
    emit('unmodelled', error.message);
  }
})();
