import CCrypto

/// SHA-256 and MD5 over bytes. Lambda's `CodeSha256` is base64(SHA-256) of the code archive;
/// SAM names uploaded artifacts by the MD5 of the file.
///
/// Both come from the system's libcrypto: a deploy hashes a multi-megabyte `node_modules`
/// archive, and libcrypto's SHA-extension code is about ten times faster than portable Swift
/// (measured by `workbook bench`).
public enum Digest {
    /// SHA-256 (FIPS 180-4).
    public static func sha256(_ data: [UInt8]) -> [UInt8] { digest(data, EVP_sha256(), length: 32) }

    /// MD5 (RFC 1321): only as a content name, never for security.
    public static func md5(_ data: [UInt8]) -> [UInt8] { digest(data, EVP_md5(), length: 16) }

    private static func digest(_ data: [UInt8], _ algorithm: OpaquePointer?, length: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        let ok = data.withUnsafeBytes { input in
            out.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, nil, algorithm, nil)
            }
        }
        // EVP_Digest fails only when libcrypto cannot allocate a context: nothing to recover.
        precondition(ok == 1, "libcrypto EVP_Digest failed")
        return out
    }

    /// Lowercase hex of bytes.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
