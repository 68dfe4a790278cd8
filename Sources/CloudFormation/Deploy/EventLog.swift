import GRDB
import SimKit

/// Appends a stack operation's events as they happen and keeps them for the caller to print.
final class EventLog {
    private(set) var events: [StackEvent] = []
    let stackId: String
    let stackName: String
    let now: () -> EpochMillis
    let ids: IDGenerator
    let db: Database
    let store = StackStore()

    init(stackId: String, stackName: String, now: @escaping () -> EpochMillis, ids: IDGenerator, db: Database) {
        self.stackId = stackId
        self.stackName = stackName
        self.now = now
        self.ids = ids
        self.db = db
    }

    func stack(_ status: String, _ reason: String? = nil) throws {
        try add(logicalId: stackName, physicalId: stackId, type: "AWS::CloudFormation::Stack", status: status, reason: reason)
    }

    func add(logicalId: String, physicalId: String?, type: String, status: String, reason: String? = nil, detailed: String? = nil) throws {
        let event = StackEvent(eventId: logicalId == stackName && type == "AWS::CloudFormation::Stack" ? ids.uuid() : "\(logicalId)-\(status)-\(ids.uuid())",
                               stackId: stackId, stackName: stackName, logicalId: logicalId,
                               physicalId: physicalId, type: type, status: status, reason: reason, detailedStatus: detailed, timestamp: now())
        events.append(event)
        try store.append(event, in: db)
    }
}

extension ProvisionFailure {
    /// The status reason CloudFormation shows for a failed resource handler.
    /// `(SDK Attempt Count: 1)` appeared in these texts around 2024 (reference/aws-behavior.md §2.4).
    func statusReason(requestId: String, token: String, now: EpochMillis) -> String {
        var inner = message
        if let service, let statusCode {
            inner += " (Service: \(service), Status Code: \(statusCode), Request ID: \(requestId))"
            if now >= TimeFormat.instant(year: 2024, month: 1, day: 1) { inner += " (SDK Attempt Count: 1)" }
        }
        return "Resource handler returned message: \"\(inner)\" (RequestToken: \(token), HandlerErrorCode: \(handlerErrorCode))"
    }
}
