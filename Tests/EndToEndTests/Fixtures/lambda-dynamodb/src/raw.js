// Calls DynamoDB's JSON 1.0 wire protocol by hand (no SDK): the event names the operation and
// its body; the request is signed with the environment's credentials (only the Credential part
// matters to the simulator). Returns the HTTP status and the parsed reply.
const http = require('node:http');

exports.handler = async (event) => {
  const endpoint = new URL(globalThis[Symbol.for('workbook.endpoints')].dynamodb);
  const body = JSON.stringify(event.body);
  const date = '20261101';
  const authorization = `AWS4-HMAC-SHA256 Credential=${process.env.AWS_ACCESS_KEY_ID}/${date}/${process.env.AWS_REGION}/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0`;
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: endpoint.hostname, port: endpoint.port, method: 'POST', path: '/',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': `DynamoDB_20120810.${event.operation}`,
        ...(event.unsigned ? {} : { Authorization: authorization }),
      },
    }, (response) => {
      let text = '';
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, reply: JSON.parse(text) }));
    });
    request.on('error', reject);
    request.end(body);
  });
};
