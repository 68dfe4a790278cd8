import Commands
import Foundation
import Testing
import TestSupport

/// The upward search for `.workbook/`, and the ceiling that stops it.
@Suite struct WorkspaceTests {
    @Test func theNearestFolderUpwardsWithDotWorkbookIsTheWorkspace() throws {
        let root = TempFolder("workspace")
        try FileManager.default.createDirectory(atPath: "\(root.path)/.workbook", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(root.path)/a/b", withIntermediateDirectories: true)
        #expect(Workspace.locate(explicit: nil, from: "\(root.path)/a/b") == URL(fileURLWithPath: root.path).standardizedFileURL.path)
        #expect(Workspace.locate(explicit: "x", from: "\(root.path)/a") == "\(root.path)/a/x")
    }

    @Test func theSearchNeverLooksInOrAboveACeiling() throws {
        let root = TempFolder("workspace")
        try FileManager.default.createDirectory(atPath: "\(root.path)/.workbook", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(root.path)/a/b", withIntermediateDirectories: true)
        let here = "\(root.path)/a/b"
        #expect(Workspace.locate(explicit: nil, from: here, environment: [Workspace.ceilingVariable: root.path]) == here)
        #expect(Workspace.locate(explicit: nil, from: here, environment: [Workspace.ceilingVariable: "/nowhere:\(root.path)/a"]) == here)
        #expect(Workspace.locate(explicit: nil, from: here, environment: [Workspace.ceilingVariable: "/nowhere"])
                == URL(fileURLWithPath: root.path).standardizedFileURL.path)
    }
}
