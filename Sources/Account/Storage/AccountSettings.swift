import GRDB
import SimKit

/// What the `meta` table holds: region, account id, seed, id counter, clock.
struct AccountSettings: Sendable, Equatable {
    var region: String
    var accountId: String
    var seed: UInt64
    var idsDrawn: UInt64
    var clock: ClockState

    static func load(in db: Database) throws -> AccountSettings? {
        let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM meta")
        var values: [String: String] = [:]
        for row in rows { values[row["key"]] = row["value"] }
        guard let region = values["region"], let accountId = values["account_id"], let seed = values["seed"].flatMap(UInt64.init),
              let mode = values["clock_mode"].flatMap(ClockMode.init(rawValue:)),
              let anchor = values["clock_anchor"].flatMap(EpochMillis.init),
              let wallAnchor = values["clock_wall_anchor"].flatMap(EpochMillis.init) else { return nil }
        return AccountSettings(region: region, accountId: accountId, seed: seed, idsDrawn: values["ids_drawn"].flatMap(UInt64.init) ?? 0,
                               clock: ClockState(mode: mode, anchor: anchor, wallAnchor: wallAnchor))
    }

    static func loadOrCreate(_ fresh: AccountSettings, in db: Database) throws -> AccountSettings {
        if let existing = try load(in: db) { return existing }
        try fresh.save(in: db)
        return fresh
    }

    func save(in db: Database) throws {
        try Self.put([("region", region), ("account_id", accountId), ("seed", String(seed))], in: db)
        try Self.saveMoving(idsDrawn: idsDrawn, clock: clock, in: db)
    }

    /// The settings that move during a command: the id counter and the clock.
    static func saveMoving(idsDrawn: UInt64, clock: ClockState, in db: Database) throws {
        try put([("ids_drawn", String(idsDrawn)), ("clock_mode", clock.mode.rawValue), ("clock_anchor", String(clock.anchor)),
                 ("clock_wall_anchor", String(clock.wallAnchor))], in: db)
    }

    static func put(_ pairs: [(String, String)], in db: Database) throws {
        // One cached statement: this runs in every transaction of the account, and preparing cost
        // more than running. An unchanged value is not rewritten, so a transaction that moved
        // neither the clock nor the ids leaves the page alone (one WAL frame less per commit).
        let rows = Array(repeating: "(?, ?)", count: pairs.count).joined(separator: ", ")
        let statement = try db.cachedStatement(sql: """
            INSERT INTO meta (key, value) VALUES \(rows)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value
            """)
        let values: [String] = pairs.flatMap { [$0.0, $0.1] }
        let arguments: StatementArguments = StatementArguments(values)  // typed, so not the `[Any]` init that casts each value
        try statement.execute(arguments: arguments)
    }
}
