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
    public static func read(folder: String) throws -> CodeArchive {
        let fm = FileManager.default
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        var files: [File] = []
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey]) else {
            return CodeArchive(files: [])
        }
        for case let url as URL in walker {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values.isRegularFile == true, values.isSymbolicLink != true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            let attributes = try fm.attributesOfItem(atPath: url.path)
            let mode = (attributes[.posixPermissions] as? Int) ?? 0o644
            files.append(File(path: relative, executable: mode & 0o111 != 0, bytes: Array(try Data(contentsOf: url))))
        }
        return CodeArchive(files: files)
    }

    /// The archive's bytes.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
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
