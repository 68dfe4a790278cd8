// AWS SDK v3 from an ES module handler (index.mjs): named imports from the bundled packages.
import { DynamoDBClient, CreateTableCommand, DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';

const base = new DynamoDBClient({ region: 'ap-northeast-2' });
const documents = DynamoDBDocumentClient.from(base);
await createTable((op, input) => base.send(new CreateTableCommand(input)));
await documents.send(new PutCommand({ TableName: 'Items', Item: { ID: 'esm', n: 1 } }));
emit('get', JSON.stringify((await documents.send(new GetCommand({ TableName: 'Items', Key: { ID: 'esm' } }))).Item));
emit('marshall', JSON.stringify(marshall({ ID: 'esm' })));
try {
  await documents.send(new GetCommand({ TableName: 'Missing', Key: { ID: 'x' } }));
} catch (error) {
  emit('instanceOf', error instanceof DynamoDBServiceException);
}
