import Foundation
import SimKit

/// The learner folder a command acts on (DESIGN.md "CLI contract"): `--workspace DIR`, else the
/// nearest folder upwards holding `.workbook/` (as git finds `.git`), else the current directory.
public enum Workspace {
    /// Like `GIT_CEILING_DIRECTORIES`: colon-separated folders the upward search never looks in
    /// (nor above). Tests set it to the temp folder, so a stray `/tmp/.workbook` left by some other
    /// run can never become their workspace.
    public static let ceilingVariable = "WORKBOOK_CEILING_DIRECTORIES"

    /// Whether `path` is a learner folder: it holds `.workbook/`, as `workbook init` makes it.
    public static func isLearnerFolder(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/.workbook")
    }

    public static func locate(explicit: String?, from currentDirectory: String, environment: [String: String] = [:]) -> String {
        if let explicit {
            return explicit.hasPrefix("/") ? explicit : (currentDirectory as NSString).appendingPathComponent(explicit)
        }
        let ceilings = Set((environment[ceilingVariable] ?? "").split(separator: ":").map {
            URL(fileURLWithPath: String($0)).standardizedFileURL.path
        })
        var folder = URL(fileURLWithPath: currentDirectory).standardizedFileURL
        while !ceilings.contains(folder.path) {
            if isLearnerFolder(folder.path) { return folder.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return currentDirectory
    }
}
