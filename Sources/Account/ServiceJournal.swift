import SimKit

/// What the simulated services did that the learner cannot see in any output: a cold start, a
/// log write refused by the execution role, a retry run later. A check reads it after each step
/// and prints it in the trace of a failed check, so "the log is empty" comes with its reason.
public final class ServiceJournal: Sendable {
    /// One thing a service did.
    public struct Entry: Sendable, Equatable {
        /// `Lambda`, `CloudWatch Logs`, `IAM`…
        public var actor: String
        public var text: LocalizedText
        /// Lines shown under the entry.
        public var detail: [String]

        public init(actor: String, text: LocalizedText, detail: [String] = []) {
            self.actor = actor
            self.text = text
            self.detail = detail
        }
    }

    private let entries = Protected<[Entry]>([])

    public init() {}

    public func record(_ entry: Entry) {
        entries.withLock { $0.append(entry) }
    }

    public func record(_ actor: String, _ text: LocalizedText, detail: [String] = []) {
        record(Entry(actor: actor, text: text, detail: detail))
    }

    /// Everything recorded since the last call, in order.
    public func take() -> [Entry] {
        entries.withLock { entries in
            defer { entries = [] }
            return entries
        }
    }
}
