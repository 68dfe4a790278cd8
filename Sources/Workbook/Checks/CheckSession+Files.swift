import CloudFormation
import Foundation
import SimKit

/// Steps that read the learner's own files: steps.sh, the template, answers.yaml.
extension CheckSession {
    /// Replays `steps.sh` line by line; a line that is not a workbook/sam/aws command fails the check.
    mutating func replay(file: String, name: String) throws -> CheckResult.Miss? {
        guard let text = try? String(contentsOfFile: "\(scratch.work)/\(file)", encoding: .utf8) else {
            return missing(file)
        }
        var commands: [JSON] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words: [String]
            do {
                words = try ShellWords.split(line)
            } catch {
                return unreplayable(file: file, line: index + 1, text: line)
            }
            guard let first = words.first else { continue }
            let arguments: [String]
            switch first {
            case "workbook": arguments = Array(words.dropFirst())
            case "sam", "aws": arguments = words
            default: return unreplayable(file: file, line: index + 1, text: line)
            }
            var result = runCommand(arguments)
            result["line"] = .int(Int64(index + 1))
            result["command"] = .string(line)
            commands.append(result)
        }
        let failed = commands.filter { $0["exit"] != .int(0) }.count
        let output = commands.map { ($0["stdout"]?.stringValue ?? "") + ($0["stderr"]?.stringValue ?? "") }.joined()
        observations[name] = ["commands": .array(commands), "count": .int(Int64(commands.count)),
                              "exit": commands.last?["exit"] ?? .null, "failed": .int(Int64(failed)), "output": .string(output)]
        return nil
    }

    func missing(_ file: String) -> CheckResult.Miss {
        CheckResult.Miss(says: LocalizedText(en: "\(file) exists in your lesson folder", ko: "레슨 폴더에 \(file) 파일이 있어야 합니다"),
                         expected: file, got: language == .ko ? "파일 없음" : "no such file")
    }

    func unreplayable(file: String, line: Int, text: String) -> CheckResult.Miss {
        CheckResult.Miss(
            says: LocalizedText(en: "\(file):\(line) is a workbook command the check can replay (workbook …, sam …, aws …; no pipes, variables or redirections)",
                                ko: "\(file):\(line)은(는) 검사가 재실행할 수 있는 workbook 명령이어야 합니다 (workbook …, sam …, aws …; 파이프·변수·리다이렉션 불가)"),
            expected: "workbook …", got: text)
    }

    /// Parses the learner's template (without deploying it) into the observations.
    mutating func readTemplate(file: String, name: String) throws -> CheckResult.Miss? {
        guard let text = try? String(contentsOfFile: "\(scratch.work)/\(file)", encoding: .utf8) else { return missing(file) }
        do {
            let node = try TemplateLoader.load(text, file: file)
            observations[name] = node.json
            trace.append(TraceLine(actor: "workbook", text: "read \(file)"))
            return nil
        } catch {
            return CheckResult.Miss(says: LocalizedText(en: "\(file) is a template the workbook can read", ko: "\(file)은(는) 읽을 수 있는 템플릿이어야 합니다"),
                                    expected: "valid YAML", got: error.rendered(language))
        }
    }

    /// Parses `answers.yaml` into the observations.
    mutating func readAnswers(file: String, name: String) throws -> CheckResult.Miss? {
        guard let text = try? String(contentsOfFile: "\(scratch.work)/\(file)", encoding: .utf8) else { return missing(file) }
        do {
            observations[name] = try TemplateLoader.load(text, file: file).json
            trace.append(TraceLine(actor: "workbook", text: "read \(file)"))
            return nil
        } catch {
            return CheckResult.Miss(says: LocalizedText(en: "\(file) is valid YAML", ko: "\(file)은(는) 올바른 YAML이어야 합니다"),
                                    expected: "valid YAML", got: error.rendered(language))
        }
    }
}
