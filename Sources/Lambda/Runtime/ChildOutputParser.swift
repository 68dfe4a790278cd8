import SimKit

/// Something the runtime process wrote on its (combined) stdout/stderr.
enum ChildOutputItem: Sendable, Equatable {
    /// One log event.
    case event(LambdaLogEvent)
    /// The end of the logs of an invocation (its request id) or of init (`init`).
    case marker(String)
}

/// Splits the runtime process's output into log events and markers.
///
/// The bootstrap frames what it writes like Lambda's telemetry log fd: a 16-byte header (type,
/// length, timestamp in µs, big-endian) and the bytes (Resources/runtime/node/output-frames.mjs).
/// Types `0xA55A00xx` are console events, `0xA55A1000` raw stdout/stderr writes (one event per
/// line, as Lambda splits raw output), `0xA55A2000` markers, `0xA55A3000` moves of the virtual
/// clock (deterministic mode). Bytes outside any frame (a native crash message, a grandchild
/// process) are raw lines too, and so is a header that is not one of ours.
struct ChildOutputParser {
    private var buffer: [UInt8] = []
    private var rawLine: [UInt8] = []
    private var rawLineTime: EpochMillis = 0
    /// The latest virtual instant a frame carried: in deterministic mode, how far the handler's
    /// clock got (its timers jump it; every frame is stamped with it).
    private(set) var latestFrameTime: EpochMillis?

    static let magic: (UInt8, UInt8) = (0xA5, 0x5A)
    static let rawType: UInt32 = 0xA55A_1000
    static let markerType: UInt32 = 0xA55A_2000
    static let clockType: UInt32 = 0xA55A_3000
    /// The longest event, as the bootstrap cuts console events (output-frames.mjs): 256 KB
    /// less CloudWatch Logs' 26 bytes of per-event overhead. Longer raw lines are split.
    static let maxEventBytes = 262_144 - 26
    /// No frame of ours is longer (console events are cut, raw writes sent in 64 KB pieces).
    private static let maxFrameBytes = 1 << 20

    /// Takes more output; returns what is complete. `now` stamps unframed bytes.
    mutating func feed(_ bytes: [UInt8], now: EpochMillis) -> [ChildOutputItem] {
        buffer += bytes
        var items: [ChildOutputItem] = []
        var i = 0
        while i < buffer.count {
            if buffer[i] == Self.magic.0 {
                guard i + 16 <= buffer.count else {
                    if i + 1 < buffer.count, buffer[i + 1] != Self.magic.1 { i = unframed(from: i, now: now, into: &items); continue }
                    break
                }
                let type = readUInt32(i), length = Int(readUInt32(i + 4))
                guard buffer[i + 1] == Self.magic.1, Self.isFrameType(type), length <= Self.maxFrameBytes else {
                    i = unframed(from: i, now: now, into: &items)
                    continue
                }
                guard i + 16 + length <= buffer.count else { break }
                let micros = Int64(bitPattern: UInt64(readUInt32(i + 8)) << 32 | UInt64(readUInt32(i + 12)))
                frame(type: type, body: Array(buffer[(i + 16)..<(i + 16 + length)]), at: micros / 1000, into: &items)
                i += 16 + length
            } else {
                i = unframed(from: i, now: now, into: &items)
            }
        }
        buffer.removeFirst(i)
        return items
    }

    /// The process closed its output: whatever is left becomes events.
    mutating func finish(now: EpochMillis) -> [ChildOutputItem] {
        var items: [ChildOutputItem] = []
        if !buffer.isEmpty { appendRaw(buffer, at: now, into: &items) }
        buffer = []
        flushRawLine(into: &items)
        return items
    }

    private static func isFrameType(_ type: UInt32) -> Bool {
        type & 0xFFFF_FF00 == 0xA55A_0000 || type == rawType || type == markerType || type == clockType
    }

    private func readUInt32(_ at: Int) -> UInt32 {
        buffer[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private mutating func frame(type: UInt32, body: [UInt8], at time: EpochMillis, into items: inout [ChildOutputItem]) {
        latestFrameTime = max(latestFrameTime ?? time, time)
        switch type {
        case Self.clockType:
            break
        case Self.rawType:
            appendRaw(body, at: time, into: &items)
        case Self.markerType:
            flushRawLine(into: &items)
            items.append(.marker(String(decoding: body, as: UTF8.self)))
        default:
            flushRawLine(into: &items)
            var text = String(decoding: body, as: UTF8.self)
            if text.hasSuffix("\n") { text.removeLast() }
            items.append(.event(LambdaLogEvent(timestamp: time, message: text)))
        }
    }

    /// Bytes up to the next possible frame start, taken as raw output.
    private mutating func unframed(from start: Int, now: EpochMillis, into items: inout [ChildOutputItem]) -> Int {
        var end = start + 1
        while end < buffer.count, buffer[end] != Self.magic.0 { end += 1 }
        appendRaw(Array(buffer[start..<end]), at: now, into: &items)
        return end
    }

    private mutating func appendRaw(_ bytes: [UInt8], at time: EpochMillis, into items: inout [ChildOutputItem]) {
        for byte in bytes {
            if rawLine.isEmpty { rawLineTime = time }
            if byte == UInt8(ascii: "\n") { flushRawLine(into: &items) } else { rawLine.append(byte) }
            if rawLine.count >= Self.maxEventBytes { flushRawLine(into: &items) }
        }
    }

    // Lambda skips empty lines of raw output.
    private mutating func flushRawLine(into items: inout [ChildOutputItem]) {
        guard !rawLine.isEmpty else { return }
        items.append(.event(LambdaLogEvent(timestamp: rawLineTime, message: String(decoding: rawLine, as: UTF8.self))))
        rawLine = []
    }
}
