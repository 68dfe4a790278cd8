import Foundation
import SimKit

/// The learner folder a command acts on (DESIGN.md "CLI contract"): `--workspace DIR`, else the
/// nearest folder upwards holding `.workbook/` (as git finds `.git`), else the current directory.
public enum Workspace {
    public static func locate(explicit: String?, from currentDirectory: String) -> String {
        if let explicit {
            return explicit.hasPrefix("/") ? explicit : (currentDirectory as NSString).appendingPathComponent(explicit)
        }
        var folder = URL(fileURLWithPath: currentDirectory).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".workbook").path) { return folder.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return currentDirectory }
            folder = parent
        }
    }
}
