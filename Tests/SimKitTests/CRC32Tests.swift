import SimKit
import Testing

/// CRC-32 as botocore checks `x-amz-crc32` (zlib's polynomial). The DynamoDB vectors are the
/// header values mhart/dynalite's connection tests recorded from AWS for these exact bodies.
@Suite struct CRC32Tests {
    @Test(arguments: [
        ("", UInt32(0)),
        ("123456789", 0xCBF4_3926),
        ("{}", 2_745_614_147),
        (#"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#, 1_368_724_161),
        (#"{"__type":"com.amazon.coral.service#SerializationException"}"#, 3_948_637_019),
        ("<UnknownOperationException/>\n", 3_552_371_480),
    ])
    func knownChecksums(text: String, expected: UInt32) {
        #expect(CRC32.checksum(text) == expected)
    }

    @Test func continuesFromAnEarlierChecksum() {
        let whole = CRC32.checksum("hello, world")
        let split = CRC32.checksum(Array(", world".utf8), initial: CRC32.checksum("hello"))
        #expect(split == whole)
    }

    @Test func bytesAndTextAgree() {
        let text = "한국어 ✓ bytes"
        #expect(CRC32.checksum(text) == CRC32.checksum(Array(text.utf8)))
    }
}
