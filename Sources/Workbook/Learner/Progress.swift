import Foundation
import GRDB
import SimKit

/// Which lessons a learner passed, in `.workbook/progress.sqlite` (kept apart from the account
/// so resetting the simulated account never loses progress).
public struct Progress: Sendable {
    let store: Store

    static let migrations = [
        Migration("v1-progress") { db in
            try db.execute(sql: """
                CREATE TABLE progress (
                    lesson_id TEXT PRIMARY KEY NOT NULL,
                    passed INTEGER NOT NULL,
                    earned INTEGER NOT NULL,
                    possible INTEGER NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0
                );
                """)
        },
    ]

    public static func open(workspace: String) throws -> Progress {
        let folder = "\(workspace)/.workbook"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return Progress(store: try Store.open(path: "\(folder)/progress.sqlite", migrations: migrations))
    }

    /// The recorded checks of `workspace`, read without creating anything: none where no check
    /// ever ran. (Opening to read created `.workbook/`, which made any folder a `workbook list`
    /// ran in look like a learner folder from then on.)
    public static func entries(workspace: String) throws -> [String: Entry] {
        guard FileManager.default.fileExists(atPath: "\(workspace)/.workbook/progress.sqlite") else { return [:] }
        return try open(workspace: workspace).entries()
    }

    public struct Entry: Sendable, Equatable {
        public var passed: Bool
        public var earned: Int
        public var possible: Int
        public var attempts: Int
    }

    /// Records a check; a lesson once passed stays passed.
    public func record(_ result: LessonResult) throws {
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO progress (lesson_id, passed, earned, possible, attempts) VALUES (?, ?, ?, ?, 1)
                ON CONFLICT(lesson_id) DO UPDATE SET passed = max(passed, excluded.passed),
                    earned = max(earned, excluded.earned), possible = excluded.possible, attempts = attempts + 1
                """, arguments: [result.lessonId, result.passed, result.earned, result.possible])
        }
    }

    public func entries() throws -> [String: Entry] {
        try store.read { db in
            var out: [String: Entry] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM progress") {
                out[row["lesson_id"]] = Entry(passed: row["passed"], earned: row["earned"], possible: row["possible"], attempts: row["attempts"])
            }
            return out
        }
    }
}
