import CloudFormation
import CloudWatchLogs
import DynamoDB
import Foundation
import GRDB
import IAM
import Lambda
import SimKit

/// One simulated AWS account: its database, virtual clock and id generator, and the services.
///
/// Built once per command (or per check, in a fresh temporary folder) and passed down; never a
/// singleton. Every control-plane action runs in one `write` transaction, which also persists
/// the clock and the id counter, so a crash never leaves half an action behind.
public final class Account: Sendable {
    public let store: Store
    public let clock: VirtualClock
    public let ids: IDGenerator
    public let region: String
    public let accountId: String
    /// The seed of `ids`, which also seeds what handlers draw (`Math.random`) in deterministic mode.
    public let seed: UInt64

    public let functions: FunctionStore
    public let tables: TableStore
    public let logGroups: LogGroupStore
    public let logStreams: LogStreamStore
    public let stacks = StackStore()
    public let roles: RoleStore
    public let objects = ObjectStore()
    public let managedPolicies: ManagedPolicyCatalogue
    /// What the services did out of the learner's sight, for check traces.
    public let journal = ServiceJournal()
    /// The id counter and clock as last committed, so a transaction that moved neither (every
    /// GetItem, most item writes) skips saving them.
    let persisted: Protected<PersistedState>
    /// The log sink, made on first use (`Account+Logs.swift`).
    let logSinkSlot = Protected<LogSink?>(nil)

    /// Every migration of every service, in a fixed order.
    /// The blob table comes first: later steps of the services move their bodies into it.
    public static let migrations: [Migration] =
        BlobStore.migrations + AccountSchema.migrations + CloudFormationSchema.migrations + LambdaSchema.migrations
        + DynamoDBSchema.migrations + LogsSchema.migrations

    init(store: Store, settings: AccountSettings, wall: any WallClock) throws {
        self.store = store
        self.region = settings.region
        self.accountId = settings.accountId
        self.seed = settings.seed
        self.clock = VirtualClock(state: settings.clock, wall: wall)
        self.ids = IDGenerator(seed: settings.seed, counter: settings.idsDrawn)
        self.persisted = Protected(PersistedState(idsDrawn: settings.idsDrawn, clock: settings.clock))
        self.functions = FunctionStore(region: region, account: accountId)
        self.tables = TableStore(region: region, account: accountId)
        self.logGroups = LogGroupStore(region: region, account: accountId)
        self.logStreams = LogStreamStore(region: region, account: accountId)
        self.roles = RoleStore(account: accountId)
        self.managedPolicies = try ManagedPolicyCatalogue.awsManaged()
    }

    /// Opens (creating if needed) the database in `folder/.workbook/account.sqlite`.
    ///
    /// A new account is interactive: its clock anchored at the host's now and its seed drawn from
    /// the host (DESIGN.md "Time"). `deterministic` makes the account deterministic and keeps it
    /// so: a new one starts at `deterministicStart` with seed 1 (so the same commands print the
    /// same bytes in any fresh folder); an interactive one is frozen at its current virtual time.
    /// From then on the clock moves only with `clock` commands (`clock mode interactive` undoes it).
    public static func open(folder: String, deterministic: Bool = false, wall: any WallClock = SystemWallClock()) throws -> Account {
        let directory = (folder as NSString).appendingPathComponent(".workbook")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try Store.open(path: (directory as NSString).appendingPathComponent("account.sqlite"), migrations: migrations)
        let fresh = deterministic
            ? AccountSettings(region: "ap-northeast-2", accountId: "123456789012", seed: 1, idsDrawn: 0,
                              clock: ClockState(mode: .deterministic, anchor: deterministicStart, wallAnchor: 0))
            : AccountSettings(region: "ap-northeast-2", accountId: "123456789012", seed: UInt64.random(in: 1...UInt64.max),
                              idsDrawn: 0, clock: ClockState(mode: .interactive, anchor: wall.now(), wallAnchor: wall.now()))
        let settings = try store.write { db in
            var settings = try AccountSettings.loadOrCreate(fresh, in: db)
            if deterministic, settings.clock.mode == .interactive {
                settings.clock = ClockState(mode: .deterministic, anchor: VirtualClock(state: settings.clock, wall: wall).now(), wallAnchor: 0)
                try settings.save(in: db)
            }
            return settings
        }
        return try Account(store: store, settings: settings, wall: wall)
    }

    /// Where a new deterministic account's clock starts: the course's date (lesson 01's).
    public static let deterministicStart = TimeFormat.instant(year: 2026, month: 11, day: 1)

    /// A new account for a check: deterministic clock frozen at `date`, ids from `seed`. On disk
    /// at `path` (a temporary folder) or in memory when `path` is nil.
    public static func fresh(at path: String?, date: EpochMillis, seed: UInt64, region: String = "ap-northeast-2",
                             accountId: String = "123456789012") throws -> Account {
        let store = try path.map { try Store.open(path: $0, migrations: migrations) } ?? Store.inMemory(migrations: migrations)
        let settings = AccountSettings(region: region, accountId: accountId, seed: seed, idsDrawn: 0,
                                       clock: ClockState(mode: .deterministic, anchor: date, wallAnchor: 0))
        try store.write { db in try settings.save(in: db) }
        return try Account(store: store, settings: settings, wall: SystemWallClock())
    }

    /// One transaction that also persists the clock and the id counter.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        var saved: PersistedState?
        let result = try store.write { db in
            let result = try body(db)
            saved = try persistState(db)
            return result
        }
        // Remembered only once committed: a rolled-back save must be made again next time.
        if let saved { persisted.withLock { $0 = saved } }
        return result
    }

    /// A consistent read. (Log reads go through `readLogs`, which commits buffered events
    /// first; doing that here would nest a write inside any read made within a write.)
    public func read<T>(_ body: (Database) throws -> T) throws -> T { try store.read(body) }

    /// Whether the clock and the id counter are as last saved: a write that moves neither has
    /// nothing to save with it.
    var stateIsSaved: Bool {
        let state = currentState
        return persisted.withLock { $0.isSame(as: state) }
    }

    /// The clock and the id counter as they are now.
    private var currentState: PersistedState { PersistedState(idsDrawn: ids.drawn, clock: clock.snapshot) }

    /// Region, account id and seed never change after creation: only the clock and the id
    /// counter are written back, and only when they moved. Returns what it saved.
    func persistState(_ db: Database) throws -> PersistedState? {
        let state = currentState
        guard !persisted.withLock({ $0.isSame(as: state) }) else { return nil }
        try AccountSettings.saveMoving(idsDrawn: state.idsDrawn, clock: state.clock, in: db)
        return state
    }

    struct PersistedState: Equatable, Sendable {
        var idsDrawn: UInt64
        var clock: ClockState

        /// Nothing to save: the same count of ids and the same clock. An interactive clock's
        /// snapshot is re-anchored at the wall's now on every call, so the anchors always differ;
        /// it is the same clock while `anchor - wallAnchor` (virtual minus wall time) is. Comparing
        /// the anchors made every transaction of an interactive account (each wire request of
        /// `dynamodb-endpoint`) write the meta row again.
        func isSame(as other: PersistedState) -> Bool {
            guard idsDrawn == other.idsDrawn, clock.mode == other.clock.mode else { return false }
            return switch clock.mode {
            case .deterministic: clock == other.clock
            case .interactive: clock.anchor - clock.wallAnchor == other.clock.anchor - other.clock.wallAnchor
            }
        }
    }

    /// The virtual now.
    public func now() -> EpochMillis { clock.now() }
}
