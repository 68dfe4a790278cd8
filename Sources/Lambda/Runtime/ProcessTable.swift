import Foundation

/// The processes of one process group, read from /proc: what the resource watch needs, without
/// spawning `ps`.
struct ProcessGroupSample: Equatable {
    /// Members, zombies included (they still hold a process slot).
    var pids: [Int32] = []
    /// The group's memory: the leader's resident memory, plus what the other members hold of
    /// their own (resident less shared pages: the `node` or `sh` binary and libraries they map
    /// are counted once, as Lambda's per-environment accounting counts them, not once per process).
    var residentBytes = 0
}

enum ProcessTable {
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// The members of each of `groups`, in one pass over /proc (groups without members are absent).
    static func sample(groups: Set<Int32>) -> [Int32: ProcessGroupSample] {
        var samples: [Int32: ProcessGroupSample] = [:]
        guard !groups.isEmpty, let directory = opendir("/proc") else { return samples }
        defer { closedir(directory) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        while let entry = readdir(directory) {
            guard let pid = processID(entry), let group = processGroup(of: pid, buffer: &buffer), groups.contains(group) else { continue }
            samples[group, default: ProcessGroupSample()].pids.append(pid)
            guard let memory = residentPages(of: pid, buffer: &buffer) else { continue }
            let own = pid == group ? memory.resident : max(0, memory.resident - memory.shared)
            samples[group, default: ProcessGroupSample()].residentBytes += own * pageSize
        }
        return samples
    }

    /// SIGKILL to every member of `group` still alive: for members left once the group's leader
    /// was reaped (an orphaned grandchild), whose group id can no longer be signalled safely.
    static func killMembers(of group: Int32) {
        guard group > 0 else { return }
        for pid in sample(groups: [group])[group]?.pids ?? [] where pid != group { _ = kill(pid, SIGKILL) }
    }

    /// A /proc entry's name as a process id (other entries are not all digits).
    private static func processID(_ entry: UnsafeMutablePointer<dirent>) -> Int32? {
        withUnsafeBytes(of: entry.pointee.d_name) { name -> Int32? in
            var pid: Int32 = 0
            for byte in name {
                if byte == 0 { break }
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), pid < Int32.max / 10 - 9 else { return nil }
                pid = pid * 10 + Int32(byte - UInt8(ascii: "0"))
            }
            return pid > 0 ? pid : nil
        }
    }

    /// `pgrp` from /proc/<pid>/stat (field 5; the name in parentheses may hold spaces, so fields
    /// are counted after its closing parenthesis).
    private static func processGroup(of pid: Int32, buffer: inout [UInt8]) -> Int32? {
        guard let bytes = contents("/proc/\(pid)/stat", into: &buffer), let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "), maxSplits: 4)
        guard fields.count > 3 else { return nil }
        return Int32(String(decoding: fields[2], as: UTF8.self))
    }

    /// `resident` and `shared` pages from /proc/<pid>/statm (fields 2 and 3).
    private static func residentPages(of pid: Int32, buffer: inout [UInt8]) -> (resident: Int, shared: Int)? {
        guard let bytes = contents("/proc/\(pid)/statm", into: &buffer) else { return nil }
        let fields = bytes.split(separator: UInt8(ascii: " "), maxSplits: 3)
        guard fields.count > 2, let resident = Int(String(decoding: fields[1], as: UTF8.self)),
              let shared = Int(String(decoding: fields[2], as: UTF8.self)) else { return nil }
        return (resident, shared)
    }

    /// A small /proc file's bytes (one read: these files are generated whole).
    private static func contents(_ path: String, into buffer: inout [UInt8]) -> ArraySlice<UInt8>? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return count > 0 ? buffer[..<count] : nil
    }
}
