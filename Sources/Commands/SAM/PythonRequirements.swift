import Foundation

/// `requirements.txt` as `sam build`'s ResolveDependencies reads it (through pip), the forms the
/// workbook's offline build supports: one `name[extras]` per line with optional version
/// specifiers (`==`, `!=`, `>=`, `<=`, `>`, `<`, `~=`, comma-separated), comments and blank
/// lines. pip options (`-r`, `-e`, `--index-url`…), URLs, local paths and environment markers
/// are refused with the line that holds them: the build has no network and no other file.
struct PythonRequirements {
    /// One requested distribution.
    struct Requirement: Equatable {
        var name: String
        /// PEP 440 specifiers as written, e.g. `>=1.16,<2`; empty for any version.
        var specifier: String
        var line: Int
    }

    /// A line the offline build cannot honour.
    struct Unsupported: Error, Equatable {
        var line: Int
        var text: String
        var reason: String
    }

    let requirements: [Requirement]

    init(parsing text: String) throws(Unsupported) {
        var found: [Requirement] = []
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = Self.strippingComment(raw).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            found.append(try Self.requirement(line, number: index + 1))
        }
        requirements = found
    }

    private static func requirement(_ line: String, number: Int) throws(Unsupported) -> Requirement {
        func refuse(_ reason: String) -> Unsupported { Unsupported(line: number, text: line, reason: reason) }
        if line.hasPrefix("-") {
            throw refuse("pip options (-r, -c, -e, --index-url, …) are not supported: list each package on its own line instead")
        }
        if line.contains("://") || line.contains(" @ ") || line.hasPrefix(".") || line.hasPrefix("/") || line.hasSuffix("\\") {
            throw refuse("URLs, local paths and continued lines are not supported: the workbook builds offline from this machine's packages; name the package (e.g. `requests==2.31.0`)")
        }
        if line.contains(";") {
            throw refuse("environment markers (`; python_version …`) are not supported: remove the marker")
        }
        let nameEnd = line.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") } ?? line.endIndex
        let name = String(line[..<nameEnd])
        var rest = line[nameEnd...].trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("[") {
            // Extras only add optional dependencies, which the offline build does not install.
            guard let close = rest.firstIndex(of: "]") else { throw refuse("an unclosed `[` in the package name") }
            rest = rest[rest.index(after: close)...].trimmingCharacters(in: .whitespaces)
        }
        guard let first = name.first, first.isLetter || first.isNumber else { throw refuse("not a package name") }
        let specifier = rest.replacingOccurrences(of: " ", with: "")
        let clauses = specifier.split(separator: ",", omittingEmptySubsequences: false)
        let operators = ["===", "==", "!=", "~=", ">=", "<=", ">", "<"]
        if !specifier.isEmpty {
            for clause in clauses {
                guard let op = operators.first(where: { clause.hasPrefix($0) }), clause.count > op.count, op != "===" else {
                    throw refuse("`\(rest)` is not a version specifier the workbook understands (==, !=, >=, <=, >, <, ~=)")
                }
            }
        }
        return Requirement(name: name, specifier: specifier, line: number)
    }

    // pip: a `#` at the start of a line or after whitespace starts a comment.
    private static func strippingComment(_ line: String) -> String {
        var previous: Character = " "
        for index in line.indices {
            if line[index] == "#", previous.isWhitespace { return String(line[..<index]) }
            previous = line[index]
        }
        return line
    }
}
