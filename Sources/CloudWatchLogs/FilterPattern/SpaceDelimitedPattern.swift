/// A space-delimited filter pattern, `[ip, user, ..., status_code = 4* && bytes > 1000, bytes]`.
///
/// Fields are named (or left empty) and separated by commas; `...` stands for any number of
/// fields. A field may carry conditions joined by `&&` and `||` (`&&` binds tighter); each
/// condition names a field of the pattern, usually its own.
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html#matching-term-space-delimited-log-events
struct SpaceDelimitedPattern: Sendable, Equatable {
    enum Slot: Sendable, Equatable {
        case ellipsis
        /// A named or unnamed (`""`) field taking one value of the event.
        case field(String)
    }

    /// Conditions in or-of-and form; `field` is an index into `slots`.
    indirect enum Condition: Sendable, Equatable {
        case all([Condition])
        case any([Condition])
        case compare(field: Int, ValueComparison)
    }

    let slots: [Slot]
    let conditions: [Condition]

    /// Parses from the opening `[` to the closing `]`, which must end the pattern.
    init(parsing cursor: inout PatternCursor) throws(FilterPatternError) {
        var parser = SpaceDelimitedParser(cursor: cursor)
        parser.cursor.advance()
        try parser.parseSlots()
        parser.cursor.skipSpaces()
        guard parser.cursor.isAtEnd else { throw .expected(.endOfPattern, at: parser.cursor.column) }
        slots = parser.slots
        conditions = try parser.pending.map { condition throws(FilterPatternError) in try parser.resolve(condition) }
        cursor = parser.cursor
    }
}

/// A condition before field names are resolved to slots (a condition may name a later field).
private indirect enum PendingCondition {
    case all([PendingCondition])
    case any([PendingCondition])
    case compare(name: String, column: Int, ValueComparison)
}

private struct SpaceDelimitedParser {
    var cursor: PatternCursor
    var slots: [SpaceDelimitedPattern.Slot] = []
    var pending: [PendingCondition] = []
    var regexCount = 0

    mutating func parseSlots() throws(FilterPatternError) {
        while true {
            try parseSlot()
            cursor.skipSpaces()
            if cursor.consume("]") { return }
            guard cursor.consume(",") else {
                throw .expected(cursor.startsWith("&&") || cursor.startsWith("||") ? .conjunction : .commaOrBracket, at: cursor.column)
            }
        }
    }

    /// One slot: `...`, a name with optional conditions, or nothing (an unnamed field, as in
    /// the docs' trailing comma in `[..., request=*.html*, status_code=4*,]`).
    mutating func parseSlot() throws(FilterPatternError) {
        cursor.skipSpaces()
        if cursor.consume("...") {
            slots.append(.ellipsis)
            return
        }
        if cursor.current == "," || cursor.current == "]" {
            // `[]` has no field at all: that is no pattern, not an unnamed field.
            if cursor.current == "]", slots.isEmpty { throw .expected(.fieldName, at: cursor.column) }
            slots.append(.field(""))
            return
        }
        let start = cursor.column
        let name = cursor.read(while: \.isPatternWordCharacter)
        guard !name.isEmpty else { throw .expected(.fieldName, at: cursor.isAtEnd ? start : cursor.column) }
        slots.append(.field(name))
        cursor.skipSpaces()
        if let op = cursor.readOperator() {
            pending.append(try parseOr(first: (name, start, op)))
        }
    }

    mutating func parseOr(first: (String, Int, ValueComparison.Operator)?) throws(FilterPatternError) -> PendingCondition {
        var terms = [try parseAnd(first: first)]
        while skipAndConsume("||") { terms.append(try parseAnd(first: nil)) }
        return terms.count == 1 ? terms[0] : .any(terms)
    }

    mutating func parseAnd(first: (String, Int, ValueComparison.Operator)?) throws(FilterPatternError) -> PendingCondition {
        var terms = [try parseComparison(first)]
        while skipAndConsume("&&") { terms.append(try parseComparison(nil)) }
        return terms.count == 1 ? terms[0] : .all(terms)
    }

    mutating func skipAndConsume(_ literal: String) -> Bool {
        cursor.skipSpaces()
        return cursor.consume(literal)
    }

    /// `name op value`; for the slot's own first condition, name and operator are already read.
    mutating func parseComparison(_ head: (String, Int, ValueComparison.Operator)?) throws(FilterPatternError) -> PendingCondition {
        var head = head
        if head == nil {
            cursor.skipSpaces()
            let start = cursor.column
            let name = cursor.read(while: \.isPatternWordCharacter)
            guard !name.isEmpty else { throw .expected(.fieldName, at: start) }
            cursor.skipSpaces()
            guard let op = cursor.readOperator() else { throw .expected(.comparison, at: cursor.column) }
            head = (name, start, op)
        }
        guard let (name, column, op) = head else { throw .expected(.fieldName, at: cursor.column) }
        let value = try cursor.readValue(for: op, regexCount: &regexCount)
        return .compare(name: name, column: column, ValueComparison(op: op, value: value))
    }

    /// Binds names to slots: exactly, else ignoring case, since the docs themselves write
    /// `[w1=ERROR || W1=WARNING, w2]`.
    func resolve(_ condition: PendingCondition) throws(FilterPatternError) -> SpaceDelimitedPattern.Condition {
        switch condition {
        case .all(let terms): return .all(try terms.map { term throws(FilterPatternError) in try resolve(term) })
        case .any(let terms): return .any(try terms.map { term throws(FilterPatternError) in try resolve(term) })
        case .compare(let name, let column, let comparison):
            let index = slots.firstIndex(of: .field(name))
                ?? slots.firstIndex { if case .field(let other) = $0 { other.lowercased() == name.lowercased() } else { false } }
            guard let index else { throw .unknownField(name, at: column) }
            return .compare(field: index, comparison)
        }
    }
}
