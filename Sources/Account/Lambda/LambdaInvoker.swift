import Dispatch
import Foundation
import Lambda
import SimKit

/// Invoke on the account (reference/aws-behavior.md §2.1, §2.6): resolves the function, checks
/// the payload, runs it in the pool's execution environments, delivers its log lines with the
/// execution role, and keeps Event invocations' retries on the virtual clock.
///
/// Made by `Account.withLambda`, which also runs the Event attempts this command started before
/// it returns, so "202 at once, first attempt before the command exits" holds.
public final class LambdaInvoker: Sendable {
    let account: Account
    let pool: ExecutionEnvironmentPool
    /// Event invocations answered 202 whose first attempt has not run yet.
    private let pendingFirstAttempts = Protected<[AsyncInvocationQueue.Attempt]>([])
    /// Each environment's log stream once set up and allowed (by stream name: one per environment).
    private let readyStreams = Protected<[String: Int64]>([:])
    /// Function configurations recently read, with when (monotonic nanoseconds).
    private let recentConfigurations = Protected<[String: (FunctionConfiguration, UInt64)]>([:])

    /// How long a configuration read is reused. Lambda itself applies an update to new
    /// invocations only once it has finished (`LastUpdateStatus` goes from InProgress to
    /// Successful, "usually a few seconds", Lambda developer guide, "Lambda function states"), so
    /// a warm loop of invocations seeing a change a second late is within what AWS does; reading
    /// and decoding the row on every invoke cost about 150 µs.
    static let configurationReuse: UInt64 = 1_000_000_000

    init(account: Account, pool: ExecutionEnvironmentPool) {
        self.account = account
        self.pool = pool
    }

    /// Lambda's synchronous request limit (6 MB) and the asynchronous one (1 MB since 2025 [I];
    /// 256 KB before).
    static let requestLimit = 6_291_456
    static let eventLimit = 1_048_576

    /// Invoke: the response, or the error Lambda answers with.
    public func invoke(_ request: LambdaInvokeRequest) async throws -> Result<LambdaInvokeResponse, AWSError> {
        let reference: FunctionReference
        switch FunctionReference.parse(request.functionName, qualifier: request.qualifier, region: account.region, account: account.accountId) {
        case .failure(let error): return .failure(error)
        case .success(let parsed): reference = parsed
        }
        let notFound = AWSError(code: "ResourceNotFoundException",
                                message: "Function not found: \(reference.arn(region: account.region, account: account.accountId))",
                                httpStatus: 404)
        guard reference.isLatest, let function = try configuration(of: reference.name) else {
            return .failure(notFound)
        }
        if let tooLarge = Self.sizeProblem(request.payload?.count ?? 0, type: request.type) { return .failure(tooLarge) }
        let event: [UInt8]
        switch InvocationPayload.validated(request.payload) {
        case .failure(let error): return .failure(error)
        case .success(let bytes): event = bytes
        }
        let requestID = account.ids.uuid()
        switch request.type {
        case .dryRun:
            return .success(LambdaInvokeResponse(statusCode: 204, payload: [], requestID: requestID))
        case .event:
            pendingFirstAttempts.withLock {
                $0.append(.init(requestID: requestID, functionName: function.name, payload: event, number: 1, dueAt: account.now()))
            }
            account.journal.record("Lambda", LocalizedText(
                en: "Event invocation \(requestID) of \(function.name) accepted (202); it runs before this command exits",
                ko: "\(function.name)의 Event 호출 \(requestID) 접수(202). 이 명령이 끝나기 전에 실행됩니다"))
            return .success(LambdaInvokeResponse(statusCode: 202, payload: [], requestID: requestID))
        case .requestResponse:
            let result = try await run(function, payload: event, requestID: requestID, label: "invocation")
            return .success(LambdaInvokeResponse(
                statusCode: 200, functionError: result.functionError,
                logResult: request.logTail ? Self.logTail(result.logs) : nil,
                payload: result.payload, executedVersion: "$LATEST", requestID: requestID))
        }
    }

    /// Runs the first attempts of this command's Event invocations, queueing a retry for each
    /// that fails.
    func runPendingFirstAttempts() async throws {
        while let attempt = pendingFirstAttempts.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
            try Task.checkCancellation()
            try await runAttempt(attempt, at: account.now())
        }
    }

    /// Runs one Event attempt at the virtual instant `at`; in the same transaction it takes a
    /// queued attempt off the queue and queues the next on failure. An attempt cut short by
    /// Ctrl-C counts for nothing: it stays as it was.
    func runAttempt(_ attempt: AsyncInvocationQueue.Attempt, at: EpochMillis) async throws {
        let queue = AsyncInvocationQueue()
        guard let function = try account.read({ db in try account.functions.get(attempt.functionName, in: db) }) else {
            try account.write { db in try queue.remove(attempt.requestID, in: db) }
            return
        }
        let label = "Event attempt \(attempt.number) of \(AsyncInvocationQueue.attempts)"
        let result = try await run(function, payload: attempt.payload, requestID: attempt.requestID, label: label)
        try Task.checkCancellation()
        let queued = try account.write { db -> AsyncInvocationQueue.Attempt? in
            try queue.remove(attempt.requestID, in: db)
            guard result.functionError != nil else { return nil }
            return try queue.scheduleRetry(after: attempt.number, requestID: attempt.requestID, functionName: function.name,
                                           payload: attempt.payload, failedAttemptAt: at, in: db)
        }
        guard result.functionError != nil else { return }
        if let queued {
            account.journal.record("Lambda", LocalizedText(
                en: "attempt \(attempt.number) failed; Lambda retries at \(TimeFormat.isoMillisZ(queued.dueAt)) (virtual clock)",
                ko: "시도 \(attempt.number) 실패. Lambda가 \(TimeFormat.isoMillisZ(queued.dueAt))(가상 시계)에 다시 시도합니다"))
        } else {
            account.journal.record("Lambda", LocalizedText(
                en: "attempt \(attempt.number) failed; no retries left, the event is dropped",
                ko: "시도 \(attempt.number) 실패. 남은 재시도가 없어 이벤트가 버려집니다"))
        }
    }

    /// One invocation in the pool, its lines delivered to the function's log group.
    private func run(_ function: FunctionConfiguration, payload: [UInt8], requestID: String, label: String) async throws -> InvocationResult {
        let result = try await pool.invoke(function, code: try code(of: function), payload: payload, requestID: requestID)
        let streamName = result.environment.logStreamName
        let outcome = try LambdaLogDelivery(account: account).deliver(
            result.logs, function: function, streamName: streamName, ingestionTime: pool.settings.clock.now(),
            readyStream: readyStreams.withLock { $0[streamName] })
        if case .delivered(_, let streamID?, _) = outcome { readyStreams.withLock { $0[streamName] = streamID } }
        let start = result.environment.coldStart ? "cold start" : "warm environment"
        account.journal.record("Lambda", LocalizedText(
            en: "\(function.name) \(label) \(requestID): \(start), " + (result.functionError.map { "FunctionError \($0)" } ?? "succeeded"),
            ko: "\(function.name) \(label) \(requestID): \(result.environment.coldStart ? "콜드 스타트" : "웜 환경"), "
                + (result.functionError.map { "FunctionError \($0)" } ?? "성공")),
            detail: result.functionError == nil ? [] : [result.payloadText])
        if let entry = outcome.journalEntry(function: function.name, role: function.role) { account.journal.record(entry) }
        return result
    }

    /// The function's configuration, read at most once a second (`configurationReuse`).
    private func configuration(of name: String) throws -> FunctionConfiguration? {
        let now = DispatchTime.now().uptimeNanoseconds
        if let (known, readAt) = recentConfigurations.withLock({ $0[name] }), now - readAt < Self.configurationReuse { return known }
        let function = try account.read { db in try account.functions.get(name, in: db) }
        recentConfigurations.withLock { $0[name] = function.map { ($0, now) } }
        return function
    }

    /// The function's stored code (read only for a cold start): the code of the configuration the
    /// environment is keyed by, so a configuration reused for up to a second never starts with
    /// newer code; the current code if that one is gone already.
    private func code(of function: FunctionConfiguration) throws -> CodeArchive {
        guard let code = try account.read({ db in
            try account.functions.code(sha256: function.codeSha256, in: db) ?? account.functions.code(function.name, in: db)
        }) else {
            throw WorkbookError(LocalizedText(en: "the code of function \(function.name) is missing from the account"))
        }
        return code
    }

    /// `LogResult`: base64 of the last 4 KB of the invocation's log text.
    static func logTail(_ logs: [LambdaLogEvent]) -> String {
        let text = Array(logs.map { $0.message + "\n" }.joined().utf8)
        return Base64.encode(Array(text.suffix(4096)))
    }

    /// 413 `RequestEntityTooLargeException` for a payload over the limit of its invocation type.
    static func sizeProblem(_ size: Int, type: InvocationType) -> AWSError? {
        let (limit, operation) = type == .event ? (eventLimit, "InvokeAsync") : (requestLimit, "InvokeFunction")
        guard size > limit else { return nil }
        return AWSError(code: "RequestEntityTooLargeException",
                        message: "Request must be smaller than \(limit) bytes for the \(operation) operation", httpStatus: 413)
    }
}
