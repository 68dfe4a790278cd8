'use strict';
// What a handler meets when it loads a package of the real AWS SDK that the workbook does not simulate:
// an Error at load naming the package, never a client that pretends to work. Lambda's nodejs18.x+
// runtimes bundle every @aws-sdk/client-*; the workbook models only DynamoDB (and CloudWatch Logs through
// console output), so these packages exist only to say so.

/** Throws the load-time error for `name`. */
function refuse(name) {
  const error = new Error(`the workbook simulates only DynamoDB among AWS services a function calls: ${name} is not ` +
    'simulated, so a handler that loads it cannot run here (on AWS Lambda it is bundled with the runtime).');
  error.code = 'WORKBOOK_UNSIMULATED_SERVICE';
  throw error;
}

module.exports = { refuse };
