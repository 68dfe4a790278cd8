import Foundation
import SimKit

/// The Lambda Runtime API (`/2018-06-01/runtime/…`) as one environment's runtime sees it on
/// `AWS_LAMBDA_RUNTIME_API=127.0.0.1:<port>`.
/// https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
enum RuntimeAPIServer {
    static let prefix = "/2018-06-01/runtime/"
    /// Not Lambda's: the bootstrap's report that an invocation is idle past its virtual deadline.
    static let idlePrefix = "/workbook/idle/"

    /// Answers one request of the runtime.
    static func handle(_ request: HTTPRequest, channel: RuntimeAPIChannel) async -> HTTPResponse {
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path
        if request.method == "POST", path.hasPrefix(idlePrefix) {
            let name = String(path.dropFirst(idlePrefix.count))
            await channel.idle(name.removingPercentEncoding ?? name)
            return accepted
        }
        guard path.hasPrefix(prefix) else { return notFound }
        let parts = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch (request.method, parts.count, parts.first) {
        case ("GET", 2, "invocation") where parts[1] == "next":
            return await next(channel)
        case ("POST", 3, "invocation") where parts[2] == "response" || parts[2] == "error":
            let id = parts[1].removingPercentEncoding ?? parts[1]
            let accepted = await channel.complete(id, body: request.body, error: parts[2] == "error",
                                                  errorType: request.headers["Lambda-Runtime-Function-Error-Type"])
            return accepted ? self.accepted : invalidRequestID
        case ("POST", 2, "init") where parts[1] == "error":
            await channel.initError(body: request.body, errorType: request.headers["Lambda-Runtime-Function-Error-Type"])
            return accepted
        default:
            return notFound
        }
    }

    private static func next(_ channel: RuntimeAPIChannel) async -> HTTPResponse {
        guard let invocation = await channel.next() else {
            // The environment is being disposed; the runtime is about to be killed.
            return HTTPResponse(status: 410, headers: ["Content-Type": "application/json"],
                                text: #"{"errorMessage":"Environment is shutting down","errorType":"EnvironmentShutdown"}"#)
        }
        let headers: HTTPFields = [
            ("Content-Type", "application/json"),
            ("Lambda-Runtime-Aws-Request-Id", invocation.requestID),
            ("Lambda-Runtime-Deadline-Ms", String(invocation.deadlineMillis)),
            ("Lambda-Runtime-Invoked-Function-Arn", invocation.invokedFunctionArn),
            ("Lambda-Runtime-Trace-Id", invocation.traceID),
            // Not a Lambda header: the bootstrap sets the handler's `Date` from it.
            ("Workbook-Virtual-Time-Ms", String(invocation.virtualTime)),
        ]
        return HTTPResponse(status: 200, headers: headers, body: invocation.payload)
    }

    private static let accepted = HTTPResponse(status: 202, headers: ["Content-Type": "application/json"], text: #"{"status":"OK"}"#)

    // [I] RAPID's answer to a result for an invocation that is not in flight.
    private static let invalidRequestID = HTTPResponse(
        status: 400, headers: ["Content-Type": "application/json"],
        text: #"{"errorMessage":"Invalid request ID","errorType":"InvalidRequestID"}"#)

    private static let notFound = HTTPResponse(
        status: 404, headers: ["Content-Type": "application/json"],
        text: #"{"errorMessage":"Not Found","errorType":"NotFound"}"#)
}
