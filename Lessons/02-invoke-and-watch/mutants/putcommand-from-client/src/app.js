// LambdaPutDynamoDB on nodejs22.x: CommonJS, AWS SDK for JavaScript v3 (bundled by Lambda from
// nodejs18.x on, so package.json does not list it) and moment (installed by `sam build`).
const { DynamoDBClient, PutCommand } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient } = require('@aws-sdk/lib-dynamodb');
const moment = require('moment');

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));

exports.handler = async (event) => {
  const params = {
    TableName: process.env.DatabaseTable,
    Item: {
      ID: String(Math.floor(Math.random() * 10000000)),
      created: moment().format('YYYYMMDD-hhmmss'),
      metadata: JSON.stringify(event),
    },
  };

  try {
    await documentClient.send(new PutCommand(params));
  } catch (err) {
    console.log(err);
    return err;
  }

  return {
    statusCode: 200,
    body: 'OK!',
  };
};
