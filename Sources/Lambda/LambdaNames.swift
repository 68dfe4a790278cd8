/// The character rules Lambda's API patterns share (botocore's `FunctionName`, `Qualifier`,
/// `StatementId` patterns; account ids).
enum LambdaNames {
    /// Only `[a-zA-Z0-9-_]` (and `.` when `allowingDot`), at least one character.
    static func isWord(_ text: String, allowingDot: Bool = false) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
                || (allowingDot && b == 0x2E)
        }
    }

    /// Twelve ASCII digits.
    static func isAccountID(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
