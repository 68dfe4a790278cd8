import CZlib

/// Reading a real `.zip` (what `aws lambda update-function-code --zip-file fileb://x.zip`
/// uploads) into a `CodeArchive`.
///
/// The subset Lambda deployment packages use: one disk, entries stored (method 0) or deflated
/// (method 8), no encryption, no Zip64 (packages over 4 GB are far beyond Lambda's 250 MB
/// limit). Directory entries and symbolic links are skipped, as `CodeArchive.read(folder:)`
/// skips them. Layout: PKWARE APPNOTE.TXT §4.3 (end of central directory, central directory
/// headers, local file headers).
extension CodeArchive {
    /// Whether `bytes` start like a zip file (a local file header, or the end record of an
    /// empty zip).
    public static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 22 && bytes[0] == 0x50 && bytes[1] == 0x4B
            && ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6))
    }

    /// The files of a zip; nil when `zip` is not one this reader can unpack (Lambda's
    /// "Could not unzip uploaded file").
    /// Code as the account stores it: the uploaded zip kept as it was, or a `CodeArchive`.
    public init?(stored bytes: [UInt8]) {
        if Self.isZip(bytes) { self.init(zip: bytes) } else { self.init(bytes: bytes) }
    }

    public init?(zip: [UInt8]) {
        guard Self.isZip(zip), let end = ZipReader.endRecord(zip) else { return nil }
        var files: [File] = []
        var offset = end.directoryOffset
        for _ in 0..<end.entries {
            guard let entry = ZipReader.entry(zip, at: offset) else { return nil }
            offset = entry.next
            guard !entry.isDirectory, !entry.isSymbolicLink else { continue }
            guard let bytes = ZipReader.contents(zip, of: entry) else { return nil }
            files.append(File(path: entry.path, executable: entry.isExecutable, bytes: bytes))
        }
        self.init(files: files)
    }
}

/// The zip structures `CodeArchive(zip:)` walks.
enum ZipReader {
    struct EndRecord {
        var entries: Int
        var directoryOffset: Int
    }

    struct Entry {
        var path: String
        var method: Int
        var flags: Int
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var unixMode: UInt32?
        var localHeader: Int
        /// Where the next central directory header starts.
        var next: Int

        var isDirectory: Bool { path.hasSuffix("/") }
        var isSymbolicLink: Bool { unixMode.map { $0 & 0o170000 == 0o120000 } ?? false }
        var isExecutable: Bool { unixMode.map { $0 & 0o111 != 0 } ?? false }
    }

    static func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    /// The end of central directory record: searched backwards over a comment of up to 64 KB.
    static func endRecord(_ b: [UInt8]) -> EndRecord? {
        var i = b.count - 22
        let lowest = max(0, b.count - 22 - 0xFFFF)
        while i >= lowest {
            if u32(b, i) == 0x0605_4B50 {
                let entries = u16(b, i + 10), offset = Int(u32(b, i + 16))
                // 0xFFFF / 0xFFFFFFFF mark a Zip64 archive.
                guard entries != 0xFFFF, offset != 0xFFFF_FFFF, offset <= i else { return nil }
                return EndRecord(entries: entries, directoryOffset: offset)
            }
            i -= 1
        }
        return nil
    }

    /// The central directory header at `i`.
    static func entry(_ b: [UInt8], at i: Int) -> Entry? {
        guard i + 46 <= b.count, u32(b, i) == 0x0201_4B50 else { return nil }
        let nameLength = u16(b, i + 28), extraLength = u16(b, i + 30), commentLength = u16(b, i + 32)
        guard i + 46 + nameLength <= b.count else { return nil }
        let madeByUnix = b[i + 5] == 3
        let external = u32(b, i + 38)
        let entry = Entry(path: String(decoding: b[(i + 46)..<(i + 46 + nameLength)], as: UTF8.self), method: u16(b, i + 10),
                          flags: u16(b, i + 8), crc: u32(b, i + 16), compressedSize: Int(u32(b, i + 20)),
                          size: Int(u32(b, i + 24)), unixMode: madeByUnix ? external >> 16 : nil,
                          localHeader: Int(u32(b, i + 42)), next: i + 46 + nameLength + extraLength + commentLength)
        guard entry.compressedSize != 0xFFFF_FFFF, entry.size != 0xFFFF_FFFF, entry.localHeader != 0xFFFF_FFFF else { return nil }
        return entry
    }

    /// The entry's bytes, inflated and checked against its CRC-32.
    static func contents(_ b: [UInt8], of entry: Entry) -> [UInt8]? {
        let h = entry.localHeader
        guard entry.flags & 1 == 0, h + 30 <= b.count, u32(b, h) == 0x0403_4B50 else { return nil }
        let start = h + 30 + u16(b, h + 26) + u16(b, h + 28)
        guard start + entry.compressedSize <= b.count else { return nil }
        let data = Array(b[start..<(start + entry.compressedSize)])
        let bytes: [UInt8]?
        switch entry.method {
        case 0: bytes = data
        case 8: bytes = inflate(data, size: entry.size)
        default: bytes = nil
        }
        guard let bytes, bytes.count == entry.size, CRC32.checksum(bytes) == entry.crc else { return nil }
        return bytes
    }

    /// Raw DEFLATE (RFC 1951, no zlib header: window bits -15) into exactly `size` bytes.
    static func inflate(_ input: [UInt8], size: Int) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: max(size, 1))
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == size else { return nil }
        return Array(output.prefix(size))
    }
}
