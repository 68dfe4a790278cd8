import Foundation
import SimKit
import Testing

/// `CodeArchive(zip:)` on zips written by Python's `zipfile` (what `zip -r` and most tools write).
@Suite struct CodeArchiveZipTests {
    /// `app.js` deflated (mode 644), `bin/run.sh` stored (mode 755).
    static let zip = [UInt8](Data(base64Encoded: "UEsDBBQAAAAIAABIYV29cIXsVwAAAAUBAAAGAAAAYXBwLmpzS60oyC8qKdbLSMxLyUktUrBVSCyuzEtW0EgtS80r0VSwtVPQqFYoLkksKS12zk9JtVIwMjDQUUjKT6m0UvAK9vfTKy4pysxLz0yrhGmp1bTmSh1SxgIAUEsDBBQAAAAAAABIYV0vOtrpEgAAABIAAAAKAAAAYmluL3J1bi5zaCMhL2Jpbi9zaAplY2hvIGhpClBLAQIUAxQAAAAIAABIYV29cIXsVwAAAAUBAAAGAAAAAAAAAAAAAACkgQAAAABhcHAuanNQSwECFAMUAAAAAAAASGFdLzra6RIAAAASAAAACgAAAAAAAAAAAAAA7YF7AAAAYmluL3J1bi5zaFBLBQYAAAAAAgACAGwAAAC1AAAAAAA=")!)

    @Test func readsDeflatedAndStoredEntriesWithTheirModes() throws {
        #expect(CodeArchive.isZip(Self.zip))
        let archive = try #require(CodeArchive(zip: Self.zip))
        #expect(archive.files.map(\.path) == ["app.js", "bin/run.sh"])
        #expect(archive.files.map(\.executable) == [false, true])
        let handler = "exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });\n"
        #expect(String(decoding: archive.files[0].bytes, as: UTF8.self) == String(repeating: handler, count: 3))
        #expect(String(decoding: archive.files[1].bytes, as: UTF8.self) == "#!/bin/sh\necho hi\n")
    }

    @Test func refusesWhatIsNotAReadableZip() {
        #expect(CodeArchive(zip: Array("plain text".utf8)) == nil)
        #expect(!CodeArchive.isZip(CodeArchive(files: [.init(path: "a", executable: false, bytes: [1])]).bytes))
        var corrupt = Self.zip
        corrupt[40] ^= 0xFF  // inside app.js's deflated data: inflate or the CRC-32 check fails
        #expect(CodeArchive(zip: corrupt) == nil)
        #expect(CodeArchive(zip: Array(Self.zip.prefix(200))) == nil, "truncated: no end record")
        let empty = [UInt8](Data(base64Encoded: "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==")!)
        #expect(CodeArchive(zip: empty)?.files == [])
    }
}
