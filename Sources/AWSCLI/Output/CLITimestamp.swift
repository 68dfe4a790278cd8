import Foundation
import SimKit

/// How timestamp members of a response are printed (`cli_timestamp_format`).
public enum TimestampFormat: String, Sendable {
    /// v2's default: ISO 8601 in the local zone, `2026-11-25T18:23:44.059000+00:00`.
    case iso8601
    /// As received on the wire: epoch seconds for the JSON protocols (v1's default).
    case none
}

/// Renders timestamp-shaped members as aws CLI v2 prints them; services call this when they
/// build a response so that `json`, `text`, `table` and `--query` all see the same value.
public enum CLITimestamp {
    /// The value of a timestamp member at `instant` for a zone `offsetSeconds` east of UTC
    /// (0 in deterministic mode).
    public static func value(_ instant: EpochMillis, offsetSeconds: Int = 0, format: TimestampFormat = .iso8601) -> JSON {
        switch format {
        case .iso8601:
            return .string(TimeFormat.cliISO(instant, offsetSeconds: offsetSeconds))
        case .none:
            if instant % 1000 == 0 { return .int(instant / 1000) }
            return .double(Double(instant) / 1000)
        }
    }

    /// The UTC offset of `zone` at `instant`, for the non-deterministic (local time) mode.
    public static func offsetSeconds(of zone: TimeZone, at instant: EpochMillis) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant) / 1000))
    }
}
