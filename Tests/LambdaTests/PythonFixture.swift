@testable import Lambda
import SimKit

/// Python functions for tests that run real Python processes (LambdaFixture holds the rest).
enum PythonFixture {
    static let id = LambdaFixture.requestID

    static func function(runtime: String = "python3.12", handler: String = "app.handler", timeout: Int = 10,
                         environment: JSONObject = JSONObject()) -> FunctionConfiguration {
        LambdaFixture.function(runtime: runtime, handler: handler, timeout: timeout, environment: environment)
    }

    /// One invocation of `app.py` (and any other files) in a pool of its own (a cold start).
    static func invoke(_ app: String, files: [String: String] = [:], _ function: FunctionConfiguration = function(),
                       settings: ExecutionEnvironmentPool.Settings = LambdaFixture.settings(),
                       payload: String = "{}") async throws -> InvocationResult {
        try await LambdaFixture.invoke(settings: settings, files.merging(["app.py": app]) { given, _ in given }, function,
                                       payload: payload, requestID: id)
    }

    /// `[LEVEL]\t<ISO time on the anchor's day>Z\t<id>\t`, Lambda's Python log prefix.
    static func loggingPrefix(_ level: String, _ requestID: String = id) -> String {
        #"\[\#(level)\]\t2026-07-22T03:5\d:\d\d\.\d{3}Z\t\#(requestID)\t"#
    }
}
