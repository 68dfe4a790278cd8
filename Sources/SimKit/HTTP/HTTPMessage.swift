/// HTTP header fields in wire order, with case-insensitive lookup.
///
/// A plain list rather than a dictionary: AWS wire formats repeat some headers and tests compare
/// the order a response was written in.
public struct HTTPFields: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    /// The fields as sent or to be sent, names in their original case.
    public private(set) var fields: [HTTPField]

    /// An empty list.
    public init() { fields = [] }

    /// The given fields, in order.
    public init(_ fields: [(String, String)]) { self.fields = fields.map { HTTPField(name: $0.0, value: $0.1) } }

    /// `["Content-Type": "text/plain"]`.
    public init(dictionaryLiteral elements: (String, String)...) { self.init(elements) }

    /// `[("Server", "Server"), ("Content-Type", "text/plain")]`, in order, repeats allowed.
    public init(arrayLiteral elements: (String, String)...) { self.init(elements) }

    /// The first value of `name` (any case), or nil.
    public subscript(name: String) -> String? {
        if let field = fields.first(where: { Self.sameASCIIName($0.name, name) }) { return field.value }
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }

    /// Equal ignoring ASCII case, when both names are ASCII (as HTTP names are): a lookup per
    /// request that needs no lower-cased copies.
    static func sameASCIIName(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) {
            guard p < 0x80, q < 0x80 else { return false }
            if p != q && p | 0x20 != q | 0x20 { return false }
            if p != q && !((0x61...0x7A).contains(p | 0x20)) { return false }
        }
        return true
    }

    /// Every value of `name` (any case), in order.
    public func values(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// Appends a field, keeping any earlier one of the same name.
    public mutating func add(_ name: String, _ value: String) { fields.append(HTTPField(name: name, value: value)) }

    /// Replaces every field named `name` (any case) by one with `value`.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        add(name, value)
    }

    /// Removes every field named `name` (any case).
    public mutating func remove(_ name: String) {
        let wanted = name.lowercased()
        fields.removeAll { $0.name.lowercased() == wanted }
    }

    public func makeIterator() -> IndexingIterator<[HTTPField]> { fields.makeIterator() }
}

/// One header field.
public struct HTTPField: Sendable, Hashable {
    /// The name as written (HTTP names are case-insensitive).
    public var name: String
    /// The value, without surrounding whitespace.
    public var value: String

    /// A field named `name` with `value`.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A whole HTTP request as `LoopbackHTTPServer` received it (head and the complete body).
public struct HTTPRequest: Sendable, Hashable {
    /// `GET`, `POST`, … as sent.
    public var method: String
    /// The request target as sent: path and query, e.g. `/` or `/2015-03-31/functions?x=1`.
    public var path: String
    /// The header fields in wire order.
    public var headers: HTTPFields
    /// The body bytes (empty when there was none).
    public var body: [UInt8]

    /// A request; tests build these to call a handler without a socket.
    public init(method: String, path: String, headers: HTTPFields = [:], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// The body as UTF-8 text (invalid sequences replaced).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// A whole HTTP response for `LoopbackHTTPServer` to write.
///
/// `Content-Length` is added by the server from `body`; `Connection` by the server from the
/// request's keep-alive state. Anything else is written exactly as listed.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code, e.g. 200 or 400.
    public var status: Int
    /// The header fields in the order they are written.
    public var headers: HTTPFields
    /// The body bytes.
    public var body: [UInt8]

    /// A response with `status`, `headers` and `body`.
    public init(status: Int, headers: HTTPFields = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response whose body is `text` in UTF-8.
    public init(status: Int, headers: HTTPFields = [:], text: String) {
        self.init(status: status, headers: headers, body: Array(text.utf8))
    }

    /// The body as UTF-8 text (invalid sequences replaced).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
