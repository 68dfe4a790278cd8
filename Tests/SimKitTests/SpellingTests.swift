import SimKit
import Testing

@Suite struct SpellingTests {
    static let commands = ["init", "list", "show", "check", "hint", "reset", "next", "solution", "clock", "author", "bench", "help"]

    @Test(arguments: [("checkk", "check"), ("chekc", "check"), ("shwo", "show"), ("Reset", "reset"), ("hintt", "hint"), ("solutoin", "solution")])
    func aSlipFindsTheCommand(word: String, expected: String) {
        #expect(Spelling.nearest(word, in: Self.commands) == expected)
    }

    @Test(arguments: ["frobnicate", "deploy", "cloudformation", ""])
    func aDifferentWordFindsNothing(word: String) {
        #expect(Spelling.nearest(word, in: Self.commands) == nil)
    }
}
