import Foundation
import SimKit

/// `package.json` dependencies resolved offline from the Node modules installed on the machine
/// (Debian's `node-*` packages), as `sam build`'s NpmInstall would fetch them from npm.
struct NodeDependencies {
    /// Where Debian and Node keep global modules.
    static let searchPaths = ["/usr/share/nodejs", "/usr/lib/nodejs", "/usr/local/lib/node_modules", "/usr/lib/node_modules"]

    struct Missing: Error, Equatable {
        let name: String
        let range: String
        let found: String?
    }

    /// The dependencies of `packageJSON` (name → range), in file order.
    static func dependencies(of packageJSON: JSON) -> [(name: String, range: String)] {
        (packageJSON["dependencies"]?.objectValue?.members ?? []).map { (name: $0.key, range: $0.value.stringValue ?? "*") }
    }

    /// Finds each dependency (and, recursively, its own dependencies) and returns the folders to
    /// copy into `node_modules`, by module name.
    static func resolve(_ wanted: [(name: String, range: String)], searchPaths: [String] = searchPaths) throws(Missing) -> [(name: String, folder: String)] {
        var resolved: [(name: String, folder: String)] = []
        var queue = wanted
        var seen = Set<String>()
        while !queue.isEmpty {
            let (name, range) = queue.removeFirst()
            guard seen.insert(name).inserted else { continue }
            var foundVersion: String?
            var match: String?
            for base in searchPaths {
                let folder = "\(base)/\(name)"
                guard let data = FileManager.default.contents(atPath: "\(folder)/package.json"),
                      let manifest = try? JSONParser.parse(bytes: Array(data)) else { continue }
                let version = manifest["version"]?.stringValue ?? "0.0.0"
                foundVersion = foundVersion ?? version
                if SemverRange(range).accepts(version) {
                    match = folder
                    queue += dependencies(of: manifest)
                    break
                }
            }
            guard let match else { throw Missing(name: name, range: range, found: foundVersion) }
            resolved.append((name: name, folder: match))
        }
        return resolved
    }
}

/// npm's version ranges, the common forms: `1.2.3`, `^1.2.3`, `~1.2.3`, `>=1.2.3`, `1.x`, `*`,
/// `latest`, and `a || b`. A form outside these accepts any version rather than refusing a
/// learner's working build.
struct SemverRange {
    let text: String
    init(_ text: String) { self.text = text.trimmingCharacters(in: .whitespaces) }

    func accepts(_ version: String) -> Bool {
        if text.contains("||") {
            return text.components(separatedBy: "||").contains { SemverRange($0).accepts(version) }
        }
        let v = Self.parts(version)
        if text.isEmpty || text == "*" || text == "latest" || text == "x" { return true }
        if text.hasPrefix("^") {
            let base = Self.parts(String(text.dropFirst()))
            guard v >= base else { return false }
            if base[0] > 0 { return v[0] == base[0] }
            if base[1] > 0 { return v[0] == 0 && v[1] == base[1] }
            return v[0] == 0 && v[1] == 0 && v[2] == base[2]
        }
        if text.hasPrefix("~") {
            let base = Self.parts(String(text.dropFirst()))
            return v >= base && v[0] == base[0] && v[1] == base[1]
        }
        if text.hasPrefix(">=") { return v >= Self.parts(String(text.dropFirst(2))) }
        if text.hasPrefix(">") { return v > Self.parts(String(text.dropFirst())) }
        if text.hasPrefix("<=") { return v <= Self.parts(String(text.dropFirst(2))) }
        if text.hasPrefix("<") { return v < Self.parts(String(text.dropFirst())) }
        let pieces = text.trimmingCharacters(in: CharacterSet(charactersIn: "=v")).split(separator: ".")
        for (index, piece) in pieces.enumerated() where index < 3 {
            if piece == "x" || piece == "*" { return true }
            if Int(piece) != v[index] { return false }
        }
        return true
    }

    static func parts(_ text: String) -> SemverVersion {
        let core = text.trimmingCharacters(in: CharacterSet(charactersIn: "=v ")).split(separator: "-").first.map(String.init) ?? ""
        var numbers = core.split(separator: ".").map { Int($0) ?? 0 }
        while numbers.count < 3 { numbers.append(0) }
        return SemverVersion(Array(numbers.prefix(3)))
    }
}

/// A `major.minor.patch` triple, ordered.
struct SemverVersion: Comparable {
    let parts: [Int]
    init(_ parts: [Int]) { self.parts = parts }
    subscript(i: Int) -> Int { parts[i] }
    static func < (a: SemverVersion, b: SemverVersion) -> Bool { a.parts.lexicographicallyPrecedes(b.parts) }
}
