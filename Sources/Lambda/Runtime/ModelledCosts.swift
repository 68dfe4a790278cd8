import SimKit

/// The REPORT numbers of deterministic mode: modelled, never measured, so two runs of the same
/// invocations write the same bytes (DESIGN.md "Time").
///
/// - Duration: the virtual time the handler spent (its timers jump the clock) plus
///   `invokeOverheadMillis`; a timeout is exactly the function's Timeout (as Lambda's REPORT shows
///   `Duration: 3000.00 ms` for a 3 s timeout).
/// - Init Duration: the virtual time init spent plus `initMillis`.
/// - Max Memory Used: `memoryUsedMB`, at most MemorySize; MemorySize itself when the environment
///   was killed for memory.
/// - The account's clock moves by each Init Duration and Duration (rounded up to whole
///   milliseconds), so START comes after init and END after the handler: a cold invocation that
///   times out after 3 s ends `initMillis + 3000` ms after INIT_START.
enum ModelledCosts {
    /// A Node.js cold start (Lambda's are typically 100–300 ms for a small function).
    static let initMillis: EpochMillis = 150
    /// What the runtime adds around the handler on a warm invocation.
    static let invokeOverheadMillis: EpochMillis = 2
    /// Node.js with a small handler.
    static let memoryUsedMB = 72

    static func memoryUsed(memorySize: Int) -> Int { min(memorySize, memoryUsedMB) }
}
