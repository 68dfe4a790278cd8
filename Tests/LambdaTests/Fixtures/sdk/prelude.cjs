// Stands in for the workbook's Node bootstrap: the simulator's DynamoDB endpoint where the shims look
// for it (never in process.env), and `emit(name, value)` printing one JSON line for the Swift test.
const url = process.env.SDK_TEST_DYNAMODB_URL;
delete process.env.SDK_TEST_DYNAMODB_URL;
if (url) globalThis[Symbol.for('workbook.endpoints')] = { dynamodb: url };
globalThis.emit = (name, value) => console.log(JSON.stringify({ [name]: value }));
globalThis.createTable = (send) => send('CreateTable', {
  TableName: 'Items', BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [{ AttributeName: 'ID', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'ID', KeyType: 'HASH' }],
});
