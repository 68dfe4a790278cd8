import Account
import Foundation
import SimKit

/// Everything a simulated-tool command needs: where to print, which folder, which account.
public final class CommandContext: @unchecked Sendable {
    // @unchecked: one context per command; `openedAccount` is set once, from that command.
    public let console: Console
    public let workspace: String
    public let deterministic: Bool
    public let json: Bool
    private var openedAccount: Account?
    /// Whether this command already looked for due work when it opened the account.
    private var dueWorkChecked = false

    /// A context over the learner's workspace; the account opens on first use.
    public init(console: Console, workspace: String, deterministic: Bool = false, json: Bool = false) {
        self.console = console
        self.workspace = workspace
        self.deterministic = deterministic
        self.json = json
    }

    /// A context bound to an account that already exists (a check's fresh account).
    public init(console: Console, account: Account, workspace: String) {
        self.console = console
        self.workspace = workspace
        self.deterministic = true
        self.json = false
        self.openedAccount = account
    }

    public var language: Language { console.language }

    /// The workspace's account, opened (and created) on first use. Work that fell due on its
    /// clock (Event retries) runs first, so what the command reads already includes it.
    public func account() throws -> Account {
        let account = try openedAccount ?? Account.open(folder: workspace, deterministic: deterministic)
        openedAccount = account
        if !dueWorkChecked {
            dueWorkChecked = true
            try runDueWork()
        }
        return account
    }

    /// Runs the account's work that is due at its virtual now (DESIGN.md "Time": work that
    /// falls due later runs whenever a command finds the clock past it). The CLI also calls it
    /// when the command ends, for work a `clock` step made due.
    ///
    /// Work that fails is reported as a warning: it must not fail the command that found it.
    /// Throws only `CancellationError` (Ctrl-C).
    public func runDueWork() throws {
        guard let account = openedAccount else { return }
        do {
            try DueWork.run(account)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            let text = (error as? WorkbookError)?.rendered(language) ?? "\(error)"
            console.err(LocalizedText(en: "warning: Lambda work due on the account's clock could not run: ",
                                      ko: "경고: 계정 시계에 따라 실행할 Lambda 작업을 실행하지 못했습니다: ").text(language) + text + "\n")
        }
    }

    /// The account if the command opened or was given one, without opening it (the CLI
    /// commits its buffered log events before exiting).
    public var accountIfOpened: Account? { openedAccount }

    /// The UTC offset the aws CLI prints timestamps in: the host zone interactively, UTC when
    /// deterministic (which pins `TZ=UTC`).
    public func timeZoneOffset(at instant: EpochMillis) -> Int {
        if deterministic || (try? account().clock.mode) == .deterministic { return 0 }
        return TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant) / 1000))
    }
}

/// Work that falls due on an account's virtual clock (Event retries), run where a command or a
/// check step finds it.
public enum DueWork {
    /// Runs what is due now. Outside a Swift task only (it blocks its thread on the work, see
    /// `AsyncBridge`); inside one it leaves the work for the next command.
    public static func run(_ account: Account) throws {
        guard withUnsafeCurrentTask(body: { $0 == nil }), try account.hasDueLambdaWork() else { return }
        try AsyncBridge.run { try await account.runDueLambdaWork() }
    }
}
