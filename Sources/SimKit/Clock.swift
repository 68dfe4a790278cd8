import Foundation

/// Milliseconds since the Unix epoch, UTC: every service's notion of "now".
public typealias EpochMillis = Int64

/// How the account's virtual clock moves (DESIGN.md "Time").
public enum ClockMode: String, Sendable, Codable {
    /// A stored anchor plus real elapsed time: `curl --repeat 300` meets a real rate limit.
    case interactive
    /// Frozen at the lesson's date; moves only by `clock` steps and modelled costs.
    case deterministic
}

/// The persisted state of a virtual clock.
public struct ClockState: Sendable, Equatable, Codable {
    public var mode: ClockMode
    /// The virtual instant at `wallAnchor`.
    public var anchor: EpochMillis
    /// The host instant when `anchor` was set (ignored in deterministic mode).
    public var wallAnchor: EpochMillis

    public init(mode: ClockMode, anchor: EpochMillis, wallAnchor: EpochMillis) {
        self.mode = mode
        self.anchor = anchor
        self.wallAnchor = wallAnchor
    }
}

/// Where the real time comes from; injected so tests drive it by hand.
public protocol WallClock: Sendable {
    func now() -> EpochMillis
}

/// The host's clock. Only the virtual clock reads it, never service logic.
public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> EpochMillis { EpochMillis((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}

/// The account's virtual clock. Reads are cheap; moves are persisted by the owner (`Account`).
public final class VirtualClock: Sendable {
    private let wall: any WallClock
    private let state: Protected<ClockState>

    public init(state: ClockState, wall: any WallClock = SystemWallClock()) {
        self.wall = wall
        self.state = Protected(state)
    }

    /// The current virtual instant.
    public func now() -> EpochMillis {
        state.withLock { s in
            switch s.mode {
            case .deterministic: s.anchor
            case .interactive: s.anchor + max(0, wall.now() - s.wallAnchor)
            }
        }
    }

    public var mode: ClockMode { state.withLock { $0.mode } }

    /// The state to persist.
    public var snapshot: ClockState {
        state.withLock { s in
            // Re-anchor so that persisting does not lose the real time elapsed so far.
            s.mode == .interactive ? ClockState(mode: s.mode, anchor: now(locked: s), wallAnchor: wall.now()) : s
        }
    }

    private func now(locked s: ClockState) -> EpochMillis {
        s.mode == .deterministic ? s.anchor : s.anchor + max(0, wall.now() - s.wallAnchor)
    }

    /// Moves the clock forward by `millis`.
    public func advance(by millis: EpochMillis) {
        state.withLock { s in
            s.anchor = now(locked: s) + millis
            s.wallAnchor = wall.now()
        }
    }

    /// Switches between interactive and deterministic, keeping the current virtual instant.
    public func setMode(_ mode: ClockMode) {
        state.withLock { s in
            let current = now(locked: s)
            s = ClockState(mode: mode, anchor: current, wallAnchor: wall.now())
        }
    }

    /// Sets the virtual instant.
    public func set(to instant: EpochMillis) {
        state.withLock { s in
            s.anchor = instant
            s.wallAnchor = wall.now()
        }
    }
}
