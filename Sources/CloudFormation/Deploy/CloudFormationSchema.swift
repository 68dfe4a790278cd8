import GRDB
import SimKit

/// CloudFormation's tables: stacks, their resources, events and change sets.
///
/// Migrations are named and append-only: never edit a shipped one, add a new one (learners keep
/// `.workbook/account.sqlite` across workbook upgrades).
public enum CloudFormationSchema {
    public static let migrations: [Migration] = [
        Migration("v1-cloudformation") { db in
            try db.execute(sql: """
                CREATE TABLE stacks (
                    stack_id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    status TEXT NOT NULL,
                    status_reason TEXT,
                    description TEXT,
                    template TEXT NOT NULL,
                    parameters TEXT NOT NULL DEFAULT '[]',
                    outputs TEXT NOT NULL DEFAULT '[]',
                    capabilities TEXT NOT NULL DEFAULT '[]',
                    creation_time INTEGER NOT NULL,
                    last_updated_time INTEGER,
                    deletion_time INTEGER
                );
                CREATE INDEX stacks_by_name ON stacks(name);
                CREATE TABLE stack_resources (
                    stack_id TEXT NOT NULL REFERENCES stacks(stack_id) ON DELETE CASCADE,
                    logical_id TEXT NOT NULL,
                    physical_id TEXT,
                    type TEXT NOT NULL,
                    status TEXT NOT NULL,
                    status_reason TEXT,
                    properties TEXT NOT NULL DEFAULT '{}',
                    attributes TEXT NOT NULL DEFAULT '{}',
                    updated INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (stack_id, logical_id)
                );
                CREATE TABLE stack_events (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    stack_id TEXT NOT NULL REFERENCES stacks(stack_id) ON DELETE CASCADE,
                    event_id TEXT NOT NULL,
                    logical_id TEXT NOT NULL,
                    physical_id TEXT,
                    type TEXT NOT NULL,
                    status TEXT NOT NULL,
                    reason TEXT,
                    detailed_status TEXT,
                    timestamp INTEGER NOT NULL
                );
                """)
        },
    ]
}
