import GRDB
import SimKit

/// CloudWatch Logs' tables: log groups, then (v2) log streams and log events.
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
        // Events point at their stream by an integer id (not by two names) so that a million of
        // them stay small and the two indexes stay cheap to maintain at ingest rates.
        Migration("v2-logs-streams-events") { db in
            try db.execute(sql: """
                CREATE TABLE log_streams (
                    id INTEGER PRIMARY KEY,
                    group_name TEXT NOT NULL REFERENCES log_groups(name) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    creation_time INTEGER NOT NULL,
                    first_event_timestamp INTEGER,
                    last_event_timestamp INTEGER,
                    last_ingestion_time INTEGER,
                    upload_sequence INTEGER NOT NULL DEFAULT 0 CHECK (upload_sequence >= 0),
                    stored_bytes INTEGER NOT NULL DEFAULT 0 CHECK (stored_bytes >= 0),
                    UNIQUE (group_name, name)
                );
                CREATE TABLE log_events (
                    id INTEGER PRIMARY KEY,
                    stream_id INTEGER NOT NULL REFERENCES log_streams(id) ON DELETE CASCADE,
                    timestamp INTEGER NOT NULL,
                    ingestion_time INTEGER NOT NULL,
                    message TEXT NOT NULL
                );
                CREATE INDEX log_events_by_stream ON log_events(stream_id, timestamp);
                CREATE INDEX log_events_by_time ON log_events(timestamp);
                """)
        },
    ]
}
