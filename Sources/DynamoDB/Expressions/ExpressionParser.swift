import SimKit

/// What every expression grammar shares: paths, placeholders, and DynamoDB's error precedence.
///
/// Syntax errors stop parsing at once. Every other problem is recorded in a named slot (first
/// occurrence wins) and reported after the whole text parsed, in a fixed order per expression kind,
/// as DynamoDB does (dynalite `db/*.pegjs` `checkErrors`, whose orders were fitted to DynamoDB).
struct ExpressionParser {
    var tokens: TokenStream
    var attributes: ExpressionAttributes
    /// Words of the grammar that can never be attribute names without a placeholder.
    let keywords: Set<String>
    /// Slot names for undefined `#name` and `:value` placeholders.
    let nameSlot: String
    let valueSlot: String
    private(set) var deferred: [String: String] = [:]

    init(_ text: String, attributes: ExpressionAttributes, keywords: Set<String>, nameSlot: String, valueSlot: String) {
        tokens = TokenStream(text)
        self.attributes = attributes
        self.keywords = keywords
        self.nameSlot = nameSlot
        self.valueSlot = valueSlot
    }

    /// Records a problem in `slot` unless one is already there.
    mutating func note(_ slot: String, _ message: String) {
        if deferred[slot] == nil { deferred[slot] = message }
    }

    /// The deferred problem that DynamoDB reports first, given its slot order.
    func firstDeferred(order: [String]) -> ExpressionFailure? {
        order.lazy.compactMap { deferred[$0] }.first.map(ExpressionFailure.semantic)
    }

    /// True when the next token starts a path element (an identifier that is not a grammar word, or `#name`).
    func atPathStart() -> Bool {
        guard let token = tokens.peek else { return false }
        if token.kind == .namePlaceholder { return true }
        return token.kind == .identifier && !keywords.contains(token.text.uppercased())
    }

    /// `a.b[0].#c`: reserved words and undefined names are deferred, anything else malformed is a syntax error.
    mutating func parsePath() throws(ExpressionFailure) -> DocumentPath {
        var elements = [try parsePathName()]
        while true {
            if tokens.accept(".") {
                elements.append(try parsePathName())
            } else if tokens.accept("[") {
                guard let token = tokens.peek, token.kind == .number else { throw tokens.syntaxError() }
                _ = tokens.advance()
                // An index too large for Int is beyond any list, which can never hold that many elements.
                elements.append(.index(Int(token.text) ?? Int.max))
                try tokens.expect("]")
            } else {
                return DocumentPath(elements)
            }
        }
    }

    private mutating func parsePathName() throws(ExpressionFailure) -> PathElement {
        guard atPathStart(), let token = tokens.advance() else { throw tokens.syntaxError() }
        if token.kind == .namePlaceholder {
            guard let name = attributes.name(token.text) else {
                note(nameSlot, "An expression attribute name used in the document path is not defined; attribute name: \(token.text)")
                return .name(token.text)
            }
            return .name(name)
        }
        if ReservedWords.contains(token.text) {
            note("reserved", "Attribute name is a reserved keyword; reserved keyword: \(token.text)")
        }
        return .name(token.text)
    }

    /// `:value`; an undefined one is deferred and stands in as NULL.
    mutating func parseValue() throws(ExpressionFailure) -> AttributeValue {
        guard let token = tokens.peek, token.kind == .valuePlaceholder else { throw tokens.syntaxError() }
        _ = tokens.advance()
        guard let value = attributes.value(token.text) else {
            note(valueSlot, "An expression attribute value used in expression is not defined; attribute value: \(token.text)")
            return .null
        }
        return value
    }

    /// The whole text must be consumed.
    func expectEnd() throws(ExpressionFailure) {
        if !tokens.atEnd { throw tokens.syntaxError() }
    }

    /// Runs `body`; on a syntax error restores everything and returns nil, remembering the furthest error.
    mutating func attempt<T>(_ body: (inout ExpressionParser) throws(ExpressionFailure) -> T) -> T? {
        let saved = self
        do {
            return try body(&self)
        } catch {
            let furthest = tokens.furthest
            self = saved
            if case .syntax(_, let position) = error, position >= (furthest?.position ?? -1) {
                tokens.furthest = (position, error)
            } else {
                tokens.furthest = furthest
            }
            return nil
        }
    }

    /// The furthest syntax error recorded by failed attempts, else one at the current token.
    func bestSyntaxError() -> ExpressionFailure {
        let here = tokens.syntaxError()
        guard let furthest = tokens.furthest, furthest.position > tokens.position else { return here }
        return furthest.error
    }
}

extension ExpressionKind {
    /// Parses `text` with `body`, mapping an empty text and every failure to DynamoDB's message.
    func parse<T>(_ text: String, _ body: () throws(ExpressionFailure) -> T) throws(AWSError) -> T {
        if text.isEmpty { throw error(.semantic("The expression can not be empty;")) }
        do {
            return try body()
        } catch {
            throw self.error(error)
        }
    }
}
