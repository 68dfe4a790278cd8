import Foundation

/// Where the workbook puts short-lived files: an execution environment's code (re-extracted on
/// every cold start), a check's copy of the learner's folder.
///
/// Hundreds of small files are created and deleted per check, and on an ext4 /tmp that
/// churn is the slowest part of a check (inode allocation scans recently deleted inodes:
/// `workbook check 02` spent over half its time in openat; 0.75 s on tmpfs against 1.5–2 s on
/// ext4, same machine). So a RAM-backed /dev/shm is preferred when it has room; an explicit
/// TMPDIR always wins, and without /dev/shm the system's temporary folder is used.
public enum ScratchSpace {
    /// The folder to create scratch folders in (no trailing slash).
    public static let base: String = choose()

    /// Room /dev/shm must have free: a few environments' code and a check's copy need tens of
    /// megabytes; a container's default 64 MB /dev/shm is left alone.
    static let minimumFreeBytes: UInt64 = 1 << 30

    public static func choose(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["TMPDIR"], !explicit.isEmpty { return trimmed(explicit) }
        var stats = statvfs()
        if access("/dev/shm", W_OK | X_OK) == 0, statvfs("/dev/shm", &stats) == 0,
           UInt64(stats.f_bavail) * UInt64(stats.f_frsize) >= minimumFreeBytes {
            return "/dev/shm"
        }
        return trimmed(NSTemporaryDirectory())
    }

    private static func trimmed(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
