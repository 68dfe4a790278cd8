import GRDB
import SimKit

/// DynamoDB's control-plane table; items arrive with the data plane. Named, append-only.
public enum DynamoDBSchema {
    public static let migrations: [Migration] = [
        Migration("v1-dynamodb") { db in
            try db.execute(sql: """
                CREATE TABLE dynamodb_tables (
                    name TEXT PRIMARY KEY NOT NULL,
                    arn TEXT NOT NULL,
                    table_id TEXT NOT NULL,
                    key_schema TEXT NOT NULL,
                    attribute_definitions TEXT NOT NULL,
                    billing_mode TEXT NOT NULL,
                    provisioned_throughput TEXT NOT NULL,
                    tags TEXT NOT NULL DEFAULT '[]',
                    creation_time INTEGER NOT NULL
                );
                """)
        },
    ] + DynamoDBItemSchema.migrations
}
