/// CRC-32 (IEEE 802.3, the zlib/`binascii.crc32` polynomial, reflected 0xEDB88320): the value
/// DynamoDB sends in `x-amz-crc32` and botocore checks against the response body.
public enum CRC32 {
    /// The checksum of `bytes`, continuing from `initial` (the checksum of what came before).
    public static func checksum<Bytes: Sequence>(_ bytes: Bytes, initial: UInt32 = 0) -> UInt32 where Bytes.Element == UInt8 {
        var crc = ~initial
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return ~crc
    }

    /// The checksum of `text` in UTF-8.
    public static func checksum(_ text: String) -> UInt32 { checksum(text.utf8) }

    /// One entry per byte value, built once.
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }
}
