import Foundation

/// A function's code: the files of a folder, in a deterministic byte format.
///
/// Stored whole in SQLite (all state lives in the account file) and hashed for `CodeSha256`.
/// Format: for each file in path order, `path NUL mode NUL size NUL bytes`.
public struct CodeArchive: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var path: String
        public var executable: Bool
        public var bytes: [UInt8]
        public init(path: String, executable: Bool, bytes: [UInt8]) {
            self.path = path
            self.executable = executable
            self.bytes = bytes
        }
    }

    public var files: [File]

    public init(files: [File]) { self.files = files.sorted { $0.path < $1.path } }

    /// Reads every regular file below `folder` (symbolic links are skipped, so a learner's link
    /// can never pull in a file from outside the folder).
    ///
    /// POSIX calls rather than `FileManager`'s enumerator: a built `node_modules` has hundreds of
    /// files and this runs on every deploy, where Foundation's per-file URL and attribute work
    /// cost more than reading the bytes.
    public static func read(folder: String) throws -> CodeArchive {
        var files: [File] = []
        try walk(URL(fileURLWithPath: folder).standardizedFileURL.path, relative: "", into: &files)
        return CodeArchive(files: files)
    }

    private static func walk(_ directory: String, relative: String, into files: inout [File]) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { throw readError(path) }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: try walk(path, relative: relativePath, into: &files)
            case S_IFREG:
                files.append(File(path: relativePath, executable: info.st_mode & 0o111 != 0, bytes: try contents(of: path, size: Int(info.st_size))))
            default: continue  // symbolic links, sockets, devices
            }
        }
    }

    /// A file's bytes, read straight into the array (no `Data` in between).
    private static func contents(of path: String, size: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw readError(path) }
        defer { close(fd) }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let n = Foundation.read(fd, buffer.baseAddress! + count, size - count)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { failed = n < 0; break }
                count += n
            }
        }
        guard !failed else { throw readError(path) }
        return bytes
    }

    private static func readError(_ path: String) -> WorkbookError {
        WorkbookError(LocalizedText(en: "cannot read \(path): \(String(cString: strerror(errno)))",
                                    ko: "\(path)을(를) 읽을 수 없습니다: \(String(cString: strerror(errno)))"))
    }

    /// The archive's bytes.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(files.reduce(0) { $0 + $1.path.utf8.count + $1.bytes.count + 32 })
        for file in files {
            out += Array(file.path.utf8) + [0] + Array((file.executable ? "755" : "644").utf8) + [0]
            out += Array(String(file.bytes.count).utf8) + [0] + file.bytes
        }
        return out
    }

    /// Parses bytes written by `bytes`; nil when they are not an archive.
    public init?(bytes: [UInt8]) {
        var files: [File] = []
        var i = 0
        func field() -> String? {
            guard let end = bytes[i...].firstIndex(of: 0) else { return nil }
            defer { i = end + 1 }
            return String(decoding: bytes[i..<end], as: UTF8.self)
        }
        while i < bytes.count {
            guard let path = field(), let mode = field(), let sizeText = field(), let size = Int(sizeText),
                  i + size <= bytes.count else { return nil }
            files.append(File(path: path, executable: mode == "755", bytes: Array(bytes[i..<i + size])))
            i += size
        }
        self.files = files
    }

    /// Whether `bytes` is a well-formed archive, checked by walking its headers without copying
    /// any file content.
    public static func isArchive(_ bytes: [UInt8]) -> Bool {
        var i = 0
        func field() -> [UInt8].SubSequence? {
            guard let end = bytes[i...].firstIndex(of: 0) else { return nil }
            defer { i = end + 1 }
            return bytes[i..<end]
        }
        while i < bytes.count {
            guard field() != nil, field() != nil, let sizeText = field(),
                  let size = Int(String(decoding: sizeText, as: UTF8.self)), size >= 0, i + size <= bytes.count else { return false }
            i += size
        }
        return true
    }

    /// Writes the files below `folder` (which must exist); paths escaping the folder are refused.
    public func extract(to folder: String) throws {
        let fm = FileManager.default
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        for file in files {
            let target = root.appendingPathComponent(file.path).standardizedFileURL
            guard target.path.hasPrefix(root.path + "/") else {
                throw WorkbookError(LocalizedText(en: "code archive path '\(file.path)' escapes its folder"))
            }
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: target)
            try fm.setAttributes([.posixPermissions: file.executable ? 0o755 : 0o644], ofItemAtPath: target.path)
        }
    }

    /// Total size of the file contents.
    public var size: Int { files.reduce(0) { $0 + $1.bytes.count } }
}
