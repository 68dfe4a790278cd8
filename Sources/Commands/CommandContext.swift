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
        if let openedAccount { return openedAccount }
        let account = try Account.open(folder: workspace, deterministic: deterministic)
        openedAccount = account
        try runDueWork()
        return account
    }

    /// Runs the account's work that is due at its virtual now (DESIGN.md "Time": work that
    /// falls due later runs whenever a command finds the clock past it). The CLI also calls it
    /// when the command ends, for work a `clock` step made due.
    ///
    /// Only from the command's own thread (it waits on the async work); elsewhere it leaves the
    /// work to the end of the command.
    public func runDueWork() throws {
        guard Thread.isMainThread, let account = openedAccount, try account.hasDueLambdaWork() else { return }
        try AsyncBridge.run { try await account.runDueLambdaWork() }
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
