#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level helpers for matching events straight from SQLite's buffers.
enum ByteSearch {
    /// Whether `needle` occurs in `haystack`: byte-wise and case-sensitive. libc's `memchr`
    /// finds each candidate first byte (`memmem` is a GNU extension Swift's Glibc hides).
    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count, let hay = haystack.baseAddress, let pin = needle.baseAddress else { return false }
        let first = Int32(needle[0])
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            guard let found = memchr(hay + start, first, last - start + 1) else { return false }
            start = UnsafeRawPointer(found) - hay
            if memcmp(found, pin, needle.count) == 0 { return true }
            start += 1
        }
        return false
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBytes { contains(haystack, $0) }
    }

    /// Whether `needle`'s UTF-8 occurs in `haystack`.
    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { contains(haystack, UnsafeRawBufferPointer($0)) }
    }

    /// True when every byte is ASCII and none is `\`: then a JSON key or string is spelt in the
    /// bytes exactly as written, and Swift's string equality on it is byte equality.
    static func isPlainASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where byte >= 0x80 || byte == UInt8(ascii: "\\") { return false }
        return true
    }
}
