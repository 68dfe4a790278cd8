import SimKit

/// `--output text`: the rules of `awscli/text.py`.
///
/// Scalars of a dict are printed on one line, tab-separated, in key order (sorted); nested
/// lists and dicts follow on their own lines, prefixed by their upper-cased key. A list of
/// dicts prints one line per dict with the union of the scalar keys as columns.
enum TextFormatter {
    static func format(_ value: JSON) -> String {
        var out = ""
        formatValue(value, identifier: nil, scalarKeys: nil, into: &out)
        return out
    }

    private static func formatValue(_ value: JSON, identifier: String?, scalarKeys: [String]?, into out: inout String) {
        switch value {
        case .object(let object): formatDict(object, identifier: identifier, scalarKeys: scalarKeys, into: &out)
        case .array(let items): formatList(items, identifier: identifier, into: &out)
        default: out += PythonText.str(value) + "\n"
        }
    }

    private static func formatList(_ items: [JSON], identifier: String?, into out: inout String) {
        guard !items.isEmpty else { return }
        if items.contains(where: { $0.objectValue != nil }) {
            let keys = allScalarKeys(items)
            for element in items { formatValue(element, identifier: identifier, scalarKeys: keys, into: &out) }
        } else if items.contains(where: { $0.arrayValue != nil }) {
            let scalars = items.filter(PythonText.isScalar)
            if !scalars.isEmpty { formatScalarList(scalars, identifier: identifier, into: &out) }
            for element in items where !PythonText.isScalar(element) {
                formatValue(element, identifier: identifier, scalarKeys: nil, into: &out)
            }
        } else {
            formatScalarList(items, identifier: identifier, into: &out)
        }
    }

    private static func formatScalarList(_ items: [JSON], identifier: String?, into out: inout String) {
        if let identifier {
            for item in items { out += identifier.uppercased() + "\t" + PythonText.str(item) + "\n" }
        } else {
            out += items.map(PythonText.str).joined(separator: "\t") + "\n"
        }
    }

    private static func formatDict(_ object: JSONObject, identifier: String?, scalarKeys: [String]?, into out: inout String) {
        var scalars: [String] = []
        var nested: [(String, JSON)] = []
        if let scalarKeys {
            scalars = scalarKeys.map { object[$0].map(PythonText.str) ?? "" }
            let remaining = Set(object.keys).subtracting(scalarKeys).sorted(by: PythonText.codePointLess)
            nested = remaining.compactMap { key in object[key].map { (key, $0) } }
        } else {
            for member in object.members.sorted(by: { PythonText.codePointLess($0.key, $1.key) }) {
                if PythonText.isScalar(member.value) {
                    scalars.append(PythonText.str(member.value))
                } else {
                    nested.append((member.key, member.value))
                }
            }
        }
        if !scalars.isEmpty {
            if let identifier { scalars.insert(identifier.uppercased(), at: 0) }
            out += scalars.joined(separator: "\t") + "\n"
        }
        for (key, value) in nested { formatValue(value, identifier: key, scalarKeys: nil, into: &out) }
    }

    /// The sorted union of keys whose value is a scalar in at least one dict of the list.
    private static func allScalarKeys(_ items: [JSON]) -> [String] {
        var seen = Set<String>()
        for item in items {
            guard let object = item.objectValue else { continue }
            for member in object.members where PythonText.isScalar(member.value) { seen.insert(member.key) }
        }
        return seen.sorted(by: PythonText.codePointLess)
    }
}
