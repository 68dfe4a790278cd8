import CloudWatchLogs
import GRDB
import IAM
import Lambda
import SimKit

/// Writes an invocation's log lines to `/aws/lambda/<name>` as Lambda does: with the function's
/// execution role, which needs `logs:CreateLogGroup` (while the group is missing),
/// `logs:CreateLogStream` (for a new environment's stream) and `logs:PutLogEvents`. Without
/// them nothing is written, silently, as on AWS (reference/aws-behavior.md §2.5); the account's
/// journal keeps the reason, for the trace of a check.
struct LambdaLogDelivery {
    let account: Account

    /// What happened to an invocation's lines.
    enum Outcome: Equatable {
        /// Written to the stream whose row id is `streamID` (nil when there was nothing to write).
        case delivered(stream: String, streamID: Int64?, events: Int)
        /// The role lacks `action` on `resource` (the decision's explanation says why).
        case denied(action: String, resource: String, explanation: LocalizedText)
        /// The execution role does not exist (deleted after the function was made).
        case roleMissing(String)
    }

    /// The transaction's verdict: write to this stream, or nothing and why.
    private enum Step {
        case write(Int64)
        case refused(Outcome)
    }

    /// Delivers `events` of the environment whose stream is `streamName`, in one transaction
    /// for the group and stream, then through the account's group-committing sink.
    ///
    /// `readyStream` is the stream's row once an earlier delivery of this environment set it up
    /// and was allowed to write: Lambda's log agent keeps its stream and credentials for the
    /// environment's life, so later batches go straight to the sink without asking IAM again
    /// (a policy change reaches the next environment, as IAM's eventual consistency allows).
    func deliver(_ events: [LambdaLogEvent], function: FunctionConfiguration, streamName: String,
                 ingestionTime: EpochMillis, readyStream: Int64? = nil) throws -> Outcome {
        if let readyStream { return try append(events, to: readyStream, named: streamName, ingestionTime: ingestionTime) }
        guard !events.isEmpty else { return .delivered(stream: streamName, streamID: nil, events: 0) }
        let group = "/aws/lambda/\(function.name)"
        let streams = account.logStreams
        let step = try account.write { db -> Step in
            guard let role = try account.roles.get(arn: function.role, in: db) else { return .refused(.roleMissing(function.role)) }
            func allowed(_ action: String, _ resource: String) throws -> Outcome? {
                let decision = try role.evaluate(action: action, resource: resource, catalogue: account.managedPolicies)
                return decision.isAllowed ? nil : .denied(action: action, resource: resource, explanation: decision.explanation)
            }
            let groupARN = ARN.logGroup(group, region: account.region, account: account.accountId).description
            // [I] the resources Lambda's log agent is authorised on: the group's ARN for
            // CreateLogGroup, the stream's for CreateLogStream and PutLogEvents (so the usual
            // `…:log-group:/aws/lambda/<name>:*` statements match).
            let streamARN = groupARN + ":log-stream:" + streamName
            if try !LogGroupStore.exists(group, in: db) {
                if let denied = try allowed("logs:CreateLogGroup", groupARN) { return .refused(denied) }
                _ = try account.logGroups.create(group, retentionDays: nil, now: ingestionTime, in: db)
            }
            let stream: LogStreamStore.LogStream
            if let existing = try streams.find(group: group, name: streamName, in: db) {
                stream = existing
            } else {
                if let denied = try allowed("logs:CreateLogStream", streamARN) { return .refused(denied) }
                // Cannot fail: the group exists and the stream does not.
                stream = try streams.create(group: group, name: streamName, now: ingestionTime, in: db).get()
            }
            if let denied = try allowed("logs:PutLogEvents", streamARN) { return .refused(denied) }
            return .write(stream.id)
        }
        switch step {
        case .refused(let refused):
            return refused
        case .write(let streamID):
            return try append(events, to: streamID, named: streamName, ingestionTime: ingestionTime)
        }
    }

    private func append(_ events: [LambdaLogEvent], to streamID: Int64, named streamName: String,
                        ingestionTime: EpochMillis) throws -> Outcome {
        // [I] Lambda's events end with a newline (as `filter-log-events` shows them);
        // `aws logs tail` strips it when printing.
        let lines = events.map { InputLogEvent(timestamp: $0.timestamp, message: $0.message + "\n") }
        if !lines.isEmpty { try account.logSink.append(lines, toStream: streamID, ingestionTime: ingestionTime) }
        return .delivered(stream: streamName, streamID: streamID, events: lines.count)
    }
}

extension LambdaLogDelivery.Outcome {
    /// The journal's line for a refused delivery; nil when the lines were written.
    func journalEntry(function: String, role: String) -> ServiceJournal.Entry? {
        switch self {
        case .delivered: return nil
        case .roleMissing(let arn):
            return ServiceJournal.Entry(actor: "CloudWatch Logs", text: LocalizedText(
                en: "nothing written to /aws/lambda/\(function): the execution role \(arn) does not exist",
                ko: "/aws/lambda/\(function)에 아무것도 기록되지 않음: 실행 역할 \(arn)이(가) 없습니다"))
        case .denied(let action, let resource, let explanation):
            return ServiceJournal.Entry(actor: "CloudWatch Logs", text: LocalizedText(
                en: "nothing written to /aws/lambda/\(function): the execution role \(role) may not \(action) (\(explanation.en)); AWS drops the lines silently",
                ko: "/aws/lambda/\(function)에 아무것도 기록되지 않음: 실행 역할 \(role)에 \(action) 권한이 없습니다 (\(explanation.ko ?? explanation.en)). AWS는 로그를 조용히 버립니다"),
                detail: ["resource: \(resource)"])
        }
    }
}
