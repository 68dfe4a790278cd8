// LambdaPutDynamoDB, as the 2023 lambda-dynamodb pattern wrote it: CommonJS, AWS SDK for
// JavaScript v2 (bundled by Lambda up to nodejs16.x) and moment (installed by `sam build`).
const AWS = require('aws-sdk');
const moment = require('moment');

const documentClient = new AWS.DynamoDB.DocumentClient();

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
    await documentClient.put(params).promise();
  } catch (err) {
    console.log(err);
    return err;
  }

  return {
    statusCode: 200,
    body: 'OK!',
  };
};
