import Foundation

/// A small lock-protected box. Named apart from `Synchronization.Mutex` (macOS 15+) so the two never clash.
public final class Protected<Value>: @unchecked Sendable {
    // @unchecked: every access to `value` goes through `lock`.
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
