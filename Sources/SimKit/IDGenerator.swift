/// Seeded ids in AWS formats (DESIGN.md "Deterministic ids").
///
/// SplitMix64 over (seed, counter): the same seed and the same sequence of draws give the same
/// ids, so a check replayed in a fresh account prints the same bytes. The counter is persisted by
/// the account with each control-plane transaction.
public final class IDGenerator: Sendable {
    private let seed: UInt64
    private let counter: Protected<UInt64>

    public init(seed: UInt64, counter: UInt64 = 0) {
        self.seed = seed
        self.counter = Protected(counter)
    }

    /// How many draws have been made (to persist).
    public var drawn: UInt64 { counter.withLock { $0 } }

    /// The next 64 random bits.
    public func nextUInt64() -> UInt64 {
        let n = counter.withLock { c -> UInt64 in c += 1; return c }
        return IDGenerator.splitMix(seed &+ n &* 0x9E37_79B9_7F4A_7C15)
    }

    static func splitMix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` characters drawn from `alphabet`, which is ASCII (every id alphabet AWS uses is):
    /// drawn as bytes, character i being byte i.
    public func string(_ count: Int, from alphabet: String) -> String {
        let bytes = Array(alphabet.utf8)
        assert(bytes.allSatisfy { $0 < 0x80 }, "id alphabets are ASCII")
        var out = [UInt8](repeating: 0, count: count)
        for i in 0..<count { out[i] = bytes[Int(nextUInt64() % UInt64(bytes.count))] }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lowercase hex, e.g. log stream suffixes (32) or code hashes.
    public func hex(_ count: Int) -> String { string(count, from: "0123456789abcdef") }

    /// A version-4 UUID in lowercase, as AWS request ids are.
    public func uuid() -> String {
        let a = nextUInt64(), b = nextUInt64()
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: a >> (8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: b >> (8 * $0)) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { b in String(b, radix: 16).leftPadded(to: 2) }.joined()
        let h = Array(hex)
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-" + String(h[20..<32])
    }

    /// CloudFormation's physical-name suffix: 12 of `[A-Za-z0-9]` (`zOTrSe8aKxxx`).
    public func physicalSuffix() -> String { string(12, from: IDGenerator.alphanumeric) }

    /// DynamoDB tables get an upper-case suffix of 12–13 (`1VKHDFAO14BW3`).
    public func upperSuffix(_ count: Int = 13) -> String { string(count, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") }

    public static let alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
}

extension String {
    /// Pads on the left with `pad` up to `width` characters.
    public func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
    /// Pads on the right with spaces up to `width` characters (Python's `f"{s:<width}"`).
    public func rightPadded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
