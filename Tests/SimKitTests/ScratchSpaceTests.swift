import Foundation
import SimKit
import Testing

@Suite("Scratch space")
struct ScratchSpaceTests {
    @Test func anExplicitTMPDIRWins() {
        #expect(ScratchSpace.choose(environment: ["TMPDIR": "/var/tmp/"]) == "/var/tmp")
    }

    @Test func withoutTMPDIRARoomyDevShmIsPreferredElseTheSystemsFolder() {
        var stats = statvfs()
        let roomy = access("/dev/shm", W_OK | X_OK) == 0 && statvfs("/dev/shm", &stats) == 0
            && UInt64(stats.f_bavail) * UInt64(stats.f_frsize) >= 1 << 30
        let chosen = ScratchSpace.choose(environment: [:])
        #expect(roomy ? chosen == "/dev/shm" : !chosen.hasPrefix("/dev/shm"))
        #expect(!chosen.hasSuffix("/"))
    }
}
