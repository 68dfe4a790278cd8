import Dispatch
import Foundation
import SimKit

/// The one bridge from the synchronous command tree to async work (execution environments,
/// servers): a single top-level `Task` that the calling thread waits for, cancelled by SIGINT
/// or SIGTERM. Everything below it is structured, so child processes and listeners are gone
/// when `run` returns — also after Ctrl-C.
///
/// Call it only from a thread outside Swift's cooperative pool (the command's own thread): it
/// blocks that thread until the task ends.
public enum AsyncBridge {
    /// Runs `body` to the end and returns its value; a signal cancels it, and then `run`
    /// throws `CancellationError` once `body` has wound down.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        // Blocking a thread of Swift's cooperative pool while the work needs that pool can
        // deadlock (it has one thread per core). Commands run on their own thread; code that
        // calls them from a task must move them to a thread of their own first.
        guard !withUnsafeCurrentTask(body: { $0 != nil }) else {
            throw WorkbookError(LocalizedText(en: "internal error: a synchronous command that runs async work was called from a Swift task; "
                + "run it on a thread of its own (TestSupport's onThread does)"))
        }
        let finished = DispatchSemaphore(value: 0)
        let outcome = Protected<Result<T, any Error>?>(nil)
        let task = Task {
            let result: Result<T, any Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            finished.signal()
        }
        let interrupted = Protected(false)
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                interrupted.withLock { $0 = true }
                task.cancel()
            }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        finished.wait()
        // Interrupted work may still end "normally" (a killed handler is an invocation error):
        // what the learner asked for is to stop, so the command ends as interrupted.
        guard !interrupted.withLock({ $0 }), let result = outcome.withLock({ $0 }) else { throw CancellationError() }
        return try result.get()
    }
}
