import Foundation
import Testing
import TestSupport

/// The course check the project requires on every `swift test` (Lessons/README.md "Starters,
/// solutions and mutants"): every starter fails, every solution passes, every mutant fails
/// exactly the check it names. Run through the binary, as an author runs it.
@Suite("workbook author check")
struct AuthorCheckTests {
    /// The lessons of the course: `NN-name/` folders holding a `lesson.yaml`.
    static var lessons: [String] {
        let root = "\(Repository.root)/Lessons"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { $0.first?.isNumber == true && Files.exists("\(root)/\($0)/lesson.yaml") }.sorted()
    }

    /// The mutant names a lesson declares in `lesson.yaml` (`- name: …` under `mutants:`).
    static func mutants(of lesson: String) throws -> [String] {
        let yaml = try Files.read("\(Repository.root)/Lessons/\(lesson)/lesson.yaml")
        guard let section = yaml.components(separatedBy: "\nmutants:").dropFirst().first?
            .components(separatedBy: "\nchecks:").first else { return [] }
        return section.matches(of: #/name:\s*([A-Za-z0-9_-]+)/#).map { String($0.1) }
    }

    @Test func theWholeCoursePasses() throws {
        let elsewhere = TempFolder("workbook-e2e-author")
        let run = try workbook(["author", "check"], in: elsewhere.path)
        #expect(run.exitCode == 0, "\(run.transcript)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.hasPrefix("ok "), "\(line)") }
        for lesson in Self.lessons {
            let mine = lines.filter { $0.contains(" \(lesson) ") }
            #expect(mine.contains { $0.contains("\(lesson) starter:") }, "\(lesson) starter is audited")
            #expect(mine.contains { $0.contains("\(lesson) solution:") }, "\(lesson) solution is audited")
            let mutants = try Self.mutants(of: lesson)
            #expect(!mutants.isEmpty, "\(lesson) declares mutants")
            for mutant in mutants {
                #expect(mine.contains { $0.hasPrefix("ok ") && $0.contains("\(lesson) mutant \(mutant):") },
                        "\(lesson) mutant \(mutant) fails exactly its check:\n\(run.stdout)")
            }
        }
        #expect(Self.lessons.contains("01-sam-deploy"))
        #expect(try Self.mutants(of: "01-sam-deploy").count >= 3, "issue 3: at least 3 mutants for lesson 01")
    }

    @Test func oneLesson() throws {
        let elsewhere = TempFolder("workbook-e2e-author")
        let run = try workbook(["author", "check", "01"], in: elsewhere.path)
        #expect(run.exitCode == 0, "\(run.transcript)")
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("ok ") }, "\(run.stdout)")
        #expect(run.stdout.contains("01-sam-deploy solution: passes every check"))
    }
}
