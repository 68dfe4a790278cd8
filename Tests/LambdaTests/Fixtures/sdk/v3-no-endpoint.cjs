// Outside a function the workbook runs there is no endpoint: the call fails and says so. A client of a
// service the workbook does not simulate fails at load, naming itself.
const { DynamoDBClient, ListTablesCommand } = require('@aws-sdk/client-dynamodb');
new DynamoDBClient({}).send(new ListTablesCommand({})).catch((error) => emit('error', error.message));
try {
  require('@aws-sdk/client-s3');
} catch (error) {
  emit('s3', error.message);
}
