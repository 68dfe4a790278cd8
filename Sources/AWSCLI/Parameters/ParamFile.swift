import Foundation
import SimKit

/// `file://` and `fileb://` parameter values (`awscli/paramfile.py` `get_paramfile`).
enum ParamFile {
    /// What a paramfile URI loaded.
    enum Content: Equatable {
        case text(String)
        case bytes([UInt8])
    }

    /// The content `value` refers to, or nil when it is not a `file://`/`fileb://` URI.
    ///
    /// Errors carry the CLI's `ResourceLoadingError` text, e.g.
    /// `Unable to load paramfile file://x.json: [Errno 2] No such file or directory: 'x.json'`.
    static func load(_ value: String, currentDirectory: String, environment: [String: String]) throws(ParamFileError) -> Content? {
        let binary: Bool
        let rest: Substring
        if value.hasPrefix("fileb://") {
            binary = true
            rest = value.dropFirst("fileb://".count)
        } else if value.hasPrefix("file://") {
            binary = false
            rest = value.dropFirst("file://".count)
        } else {
            return nil
        }
        let path = expand(String(rest), environment: environment)
        let bytes = try read(path, uri: value, currentDirectory: currentDirectory)
        if binary { return .bytes(bytes) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ParamFileError(message: "Unable to load paramfile (\(path)), text contents could not be decoded.  "
                + "If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.")
        }
        return .text(text)
    }

    /// `os.path.expandvars(os.path.expanduser(path))` for `~`, `$NAME` and `${NAME}`.
    static func expand(_ path: String, environment: [String: String]) -> String {
        var path = path
        if path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] {
            path = home + path.dropFirst()
        }
        var out = ""
        var rest = Substring(path)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            let braced = after.hasPrefix("{")
            let nameStart = braced ? after.dropFirst() : after
            let name = nameStart.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            let closes = !braced || nameStart.dropFirst(name.count).hasPrefix("}")
            if !name.isEmpty, closes, let value = environment[String(name)] {
                out += value
                rest = nameStart.dropFirst(name.count + (braced ? 1 : 0))
            } else {
                out += "$"
                rest = after
            }
        }
        return out + rest
    }

    private static func read(_ path: String, uri: String, currentDirectory: String) throws(ParamFileError) -> [UInt8] {
        let absolute = path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        let manager = FileManager.default
        func failure(_ errno: Int, _ reason: String) -> ParamFileError {
            ParamFileError(message: "Unable to load paramfile \(uri): [Errno \(errno)] \(reason): \(PythonText.reprString(path))")
        }
        guard manager.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            throw failure(2, "No such file or directory")
        }
        if isDirectory.boolValue { throw failure(21, "Is a directory") }
        guard let data = manager.contents(atPath: absolute) else { throw failure(13, "Permission denied") }
        return [UInt8](data)
    }
}

/// A paramfile that could not be read; `message` is the CLI's text.
struct ParamFileError: Error, Equatable {
    let message: String
}
