@testable import Lambda
import SimKit
import Testing

/// The framing between the bootstrap and the Swift side, without a process.
@Suite struct ChildOutputParserTests {
    func frame(_ type: UInt32, _ text: String, micros: UInt64 = 5_000) -> [UInt8] {
        let body = Array(text.utf8)
        func be32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (24 - 8 * $0)) } }
        return be32(type) + be32(UInt32(body.count)) + be32(UInt32(micros >> 32)) + be32(UInt32(micros & 0xFFFF_FFFF)) + body
    }

    @Test func framesSplitAcrossReadsAreReassembled() {
        var parser = ChildOutputParser()
        let bytes = frame(0xA55A_000F, "a\tb\tINFO\tone\ntwo\n") + frame(ChildOutputParser.markerType, "req")
        var items: [ChildOutputItem] = []
        for byte in bytes { items += parser.feed([byte], now: 1) }
        #expect(items == [.event(LambdaLogEvent(timestamp: 5, message: "a\tb\tINFO\tone\ntwo")), .marker("req")])
    }

    @Test func rawWritesBecomeOneEventPerLine() {
        var parser = ChildOutputParser()
        var items = parser.feed(frame(ChildOutputParser.rawType, "x\ny") + frame(ChildOutputParser.rawType, "z\n\n"), now: 1)
        items += parser.feed(Array("native crash\n".utf8), now: 9)
        items += parser.finish(now: 9)
        #expect(items.map { if case .event(let e) = $0 { e.message } else { "" } } == ["x", "yz", "native crash"])
    }
}
