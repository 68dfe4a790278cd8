import GRDB
import SimKit

/// CloudWatch Logs' tables: log groups (streams and events arrive with the data plane).
public enum LogsSchema {
    public static let migrations: [Migration] = [
        Migration("v1-logs") { db in
            try db.execute(sql: """
                CREATE TABLE log_groups (
                    name TEXT PRIMARY KEY NOT NULL,
                    arn TEXT NOT NULL,
                    creation_time INTEGER NOT NULL,
                    retention_days INTEGER,
                    tags TEXT NOT NULL DEFAULT '{}'
                );
                """)
        },
    ]
}
