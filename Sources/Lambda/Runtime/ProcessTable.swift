import Foundation

/// The processes of one execution environment, read from /proc: what the resource watch needs,
/// without spawning `ps`.
struct ProcessGroupSample: Equatable {
    /// The runtime and every process it started, zombies included (they still hold a slot).
    var pids: [Int32] = []
    /// Their memory: the runtime's resident memory, plus what the others hold of their own
    /// (resident less shared pages: the `node` or `sh` binary and libraries they map are counted
    /// once, as Lambda's per-environment accounting counts them, not once per process).
    var residentBytes = 0
}

enum ProcessTable {
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// The runtime `root`, its descendants (through /proc/<pid>/task/<tid>/children: a few small
    /// reads, cheap enough for every poll) and `alsoMembers` (the group's members found by a full
    /// scan, which catches orphans the tree no longer holds), with their memory.
    static func sample(root: Int32, alsoMembers: [Int32] = []) -> ProcessGroupSample {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var seen = Set<Int32>()
        var sample = ProcessGroupSample()
        var pending = [root] + alsoMembers
        while let pid = pending.popLast() {
            guard pid > 0, seen.insert(pid).inserted else { continue }
            sample.pids.append(pid)
            if let memory = residentPages(of: pid, buffer: &buffer) {
                sample.residentBytes += (pid == root ? memory.resident : max(0, memory.resident - memory.shared)) * pageSize
            }
            pending += children(of: pid, buffer: &buffer)
        }
        return sample
    }

    /// The members of each of `groups`, in one pass over every process in /proc.
    static func members(of groups: Set<Int32>) -> [Int32: [Int32]] {
        var members: [Int32: [Int32]] = [:]
        let groups = groups.filter { $0 > 0 }  // 0 is the kernel's threads, never an environment
        guard !groups.isEmpty, let directory = opendir("/proc") else { return members }
        defer { closedir(directory) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        while let entry = readdir(directory) {
            guard let pid = processID(entry), let group = processGroup(of: pid, buffer: &buffer), groups.contains(group) else { continue }
            members[group, default: []].append(pid)
        }
        return members
    }

    /// SIGKILL to every member of `group` still alive: for members left once the group's leader
    /// was reaped (an orphaned grandchild), whose group id can no longer be signalled safely.
    static func killMembers(of group: Int32) {
        guard group > 0 else { return }
        for pid in members(of: [group])[group] ?? [] where pid != group { _ = kill(pid, SIGKILL) }
    }

    /// Children of every thread of `pid` (a child belongs to the thread that forked it).
    private static func children(of pid: Int32, buffer: inout [UInt8]) -> [Int32] {
        guard let directory = opendir("/proc/\(pid)/task") else { return [] }
        defer { closedir(directory) }
        var children: [Int32] = []
        while let entry = readdir(directory) {
            guard let thread = processID(entry), let bytes = contents("/proc/\(pid)/task/\(thread)/children", into: &buffer) else { continue }
            children += bytes.split(separator: UInt8(ascii: " ")).compactMap { Int32(String(decoding: $0, as: UTF8.self)) }
        }
        return children
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

    /// Peak resident memory of `pid` in kB (`VmHWM` of /proc/<pid>/status), scanned as bytes:
    /// it is read after every invocation, where splitting the file into strings showed up in
    /// profiles of warm invokes.
    static func peakResidentKB(of pid: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        guard let bytes = contents("/proc/\(pid)/status", into: &buffer) else { return nil }
        let key = Array("VmHWM:".utf8)
        guard let start = bytes.indices.first(where: { i in
            (i == bytes.startIndex || bytes[i - 1] == UInt8(ascii: "\n")) && bytes[i...].starts(with: key)
        }) else { return nil }
        var value = 0
        var sawDigit = false
        for byte in bytes[(start + key.count)...] {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                sawDigit = true
            } else if sawDigit || byte == UInt8(ascii: "\n") {
                break
            }
        }
        return sawDigit ? value : nil
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
