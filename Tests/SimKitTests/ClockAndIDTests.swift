import SimKit
import Testing

/// A wall clock moved by hand.
final class ManualWall: WallClock, @unchecked Sendable {
    // @unchecked: tests touch it from one task.
    var millis: EpochMillis
    init(_ millis: EpochMillis) { self.millis = millis }
    func now() -> EpochMillis { millis }
}

@Suite struct ClockTests {
    @Test func interactiveClockFollowsRealTimeFromItsAnchor() {
        let wall = ManualWall(1_000_000)
        let clock = VirtualClock(state: ClockState(mode: .interactive, anchor: 5_000, wallAnchor: 1_000_000), wall: wall)
        #expect(clock.now() == 5_000)
        wall.millis += 2_500
        #expect(clock.now() == 7_500)
        clock.advance(by: 86_400_000)
        #expect(clock.now() == 7_500 + 86_400_000)
        wall.millis += 10
        #expect(clock.now() == 7_510 + 86_400_000)
    }

    @Test func deterministicClockIsFrozenUntilMoved() {
        let wall = ManualWall(0)
        let clock = VirtualClock(state: ClockState(mode: .deterministic, anchor: 42, wallAnchor: 0), wall: wall)
        wall.millis = 99_999
        #expect(clock.now() == 42)
        clock.advance(by: 3_000)
        #expect(clock.now() == 3_042)
        clock.set(to: 7)
        #expect(clock.now() == 7)
    }

    @Test func snapshotKeepsElapsedTime() {
        let wall = ManualWall(100)
        let clock = VirtualClock(state: ClockState(mode: .interactive, anchor: 0, wallAnchor: 100), wall: wall)
        wall.millis = 600
        let restored = VirtualClock(state: clock.snapshot, wall: wall)
        #expect(restored.now() == 500)
    }
}

@Suite struct IDGeneratorTests {
    @Test func sameSeedSameIds() {
        let a = IDGenerator(seed: 7), b = IDGenerator(seed: 7)
        #expect((0..<5).map { _ in a.uuid() } == (0..<5).map { _ in b.uuid() })
        #expect(IDGenerator(seed: 8).uuid() != IDGenerator(seed: 7).uuid())
    }

    @Test func resumesFromAPersistedCounter() {
        let a = IDGenerator(seed: 3)
        _ = a.hex(32)
        let b = IDGenerator(seed: 3, counter: a.drawn)
        #expect(a.physicalSuffix() == b.physicalSuffix())
    }

    @Test func formatsAreAWSs() {
        let ids = IDGenerator(seed: 1)
        let uuid = ids.uuid()
        #expect(uuid.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", options: .regularExpression) != nil)
        #expect(ids.physicalSuffix().range(of: "^[A-Za-z0-9]{12}$", options: .regularExpression) != nil)
        #expect(ids.upperSuffix().range(of: "^[A-Z0-9]{13}$", options: .regularExpression) != nil)
    }
}

@Suite struct TimeFormatTests {
    @Test func roundTripsCivilDates() {
        let t = TimeFormat.instant(year: 2026, month: 11, day: 25, hour: 18, minute: 23, second: 44, millisecond: 59)
        #expect(TimeFormat.isoMillisZ(t) == "2026-11-25T18:23:44.059Z")
        #expect(TimeFormat.cliISO(t) == "2026-11-25T18:23:44.059000+00:00")
        #expect(TimeFormat.cliISO(t, offsetSeconds: 9 * 3600) == "2026-11-26T03:23:44.059000+09:00")
        #expect(TimeFormat.cliISO(TimeFormat.instant(year: 2026, month: 11, day: 25, hour: 18, minute: 25, second: 27)) == "2026-11-25T18:25:27+00:00")
        #expect(TimeFormat.sqlStyle(t) == "2026-11-25 18:23:44")
        #expect(TimeFormat.instant(year: 1970, month: 1, day: 1) == 0)
        #expect(TimeFormat.instant(year: 2000, month: 2, day: 29) == 951_782_400_000)
    }

    @Test func parsesWhatLearnersType() {
        #expect(TimeFormat.parseISO("2023-05-10") == TimeFormat.instant(year: 2023, month: 5, day: 10))
        #expect(TimeFormat.parseISO("2023-05-10T09:00:00+09:00") == TimeFormat.instant(year: 2023, month: 5, day: 10))
        #expect(TimeFormat.parseISO("2023-05-10T00:00:00.5Z") == TimeFormat.instant(year: 2023, month: 5, day: 10) + 500)
        #expect(TimeFormat.parseISO("yesterday") == nil)
        #expect(TimeFormat.parseISO("2023-13-01") == nil)
        #expect(TimeFormat.parseDuration("1h30m") == 5_400_000)
        #expect(TimeFormat.parseDuration("4m") == 240_000)
        #expect(TimeFormat.parseDuration("500ms") == 500)
        #expect(TimeFormat.parseDuration("1d") == 86_400_000)
        #expect(TimeFormat.parseDuration("10") == nil)
        #expect(TimeFormat.parseDuration("3x") == nil)
    }
}
