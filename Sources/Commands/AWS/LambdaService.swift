/// `aws lambda …` over the account's Lambda.
struct LambdaService: AWSService {
    let name = "lambda"
    var operations: [AWSOperation] { [] }
    var customCommands: [String: CustomAWSCommand] { ["invoke": LambdaInvokeCommand.run] }
}
