/// Exact decimal `+` and `-` for UpdateExpression's `SET a = a + :n` and `ADD`.
extension DynamoNumber {
    /// The exact sum; the caller checks `checkLimits()` on the result, as DynamoDB does on write.
    public static func + (lhs: DynamoNumber, rhs: DynamoNumber) -> DynamoNumber {
        if lhs.digits.isEmpty { return rhs }
        if rhs.digits.isEmpty { return lhs }
        let exponent = min(lhs.exponent, rhs.exponent)
        let a = lhs.digits + Array(repeating: 0, count: lhs.exponent - exponent)
        let b = rhs.digits + Array(repeating: 0, count: rhs.exponent - exponent)
        if lhs.isNegative == rhs.isNegative {
            return DynamoNumber(isNegative: lhs.isNegative, digits: addDigits(a, b), exponent: exponent)
        }
        let order = compareDigits(a, b)
        if order == 0 { return .zero }
        let (big, small, negative) = order > 0 ? (a, b, lhs.isNegative) : (b, a, rhs.isNegative)
        return DynamoNumber(isNegative: negative, digits: subtractDigits(big, small), exponent: exponent)
    }

    /// The exact difference.
    public static func - (lhs: DynamoNumber, rhs: DynamoNumber) -> DynamoNumber {
        lhs + rhs.negated
    }

    /// The value with its sign flipped.
    public var negated: DynamoNumber {
        DynamoNumber(isNegative: !isNegative, digits: digits, exponent: exponent)
    }

    private static func compareDigits(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let a = Array(a.drop(while: { $0 == 0 }))
        let b = Array(b.drop(while: { $0 == 0 }))
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return 0
    }

    private static func addDigits(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var carry: UInt8 = 0
        var i = a.count - 1
        var j = b.count - 1
        while i >= 0 || j >= 0 || carry > 0 {
            let sum = (i >= 0 ? a[i] : 0) + (j >= 0 ? b[j] : 0) + carry
            result.append(sum % 10)
            carry = sum / 10
            i -= 1
            j -= 1
        }
        return result.reversed()
    }

    /// `a - b` for `a >= b`.
    private static func subtractDigits(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var borrow: Int = 0
        var j = b.count - 1
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            var difference = Int(a[i]) - borrow - (j >= 0 ? Int(b[j]) : 0)
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 10 }
            result.append(UInt8(difference))
            j -= 1
        }
        return result.reversed()
    }
}
