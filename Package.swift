// swift-tools-version: 6.0
import PackageDescription

// Warnings are errors in CI (`.ci/run` passes -Xswiftc -warnings-as-errors); the package itself
// stays buildable with a plain `swift build` so newcomers are never blocked by a new warning.
let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "ServerlessSprintWorkbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "workbook", targets: ["workbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // SimKit is optimised in debug builds too: its JSON, archives and stores sit on every
        // path, and tests and checks run in debug.
        // The system's libcrypto (libssl-dev, installed by .ci/setup) for SHA-256 and MD5.
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // The system's zlib (zlib1g-dev), to read the .zip files learners upload to Lambda.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "SimKit", dependencies: ["CCrypto", "CZlib", .product(name: "GRDB", package: "GRDB.swift"),
                                              .product(name: "GRDBSQLite", package: "GRDB.swift"),
                                              .product(name: "NIOCore", package: "swift-nio"),
                                              .product(name: "NIOPosix", package: "swift-nio"),
                                              .product(name: "NIOHTTP1", package: "swift-nio")],
                swiftSettings: swift6 + [.unsafeFlags(["-O"])]),
        .target(name: "IAM", dependencies: ["SimKit"], swiftSettings: swift6),
        .target(name: "CloudFormation", dependencies: ["SimKit", "Yams", .product(name: "GRDB", package: "GRDB.swift")],
                resources: [.copy("Resources/cfn-resource-types.txt")], swiftSettings: swift6),
        // The Runtime API server and the Node bootstrap run every handler in a child process
        // group (swift-subprocess: process groups, reaping); the bootstrap ships as a resource.
        .target(name: "Lambda", dependencies: ["SimKit", .product(name: "GRDB", package: "GRDB.swift"),
                                              .product(name: "Subprocess", package: "swift-subprocess")],
                resources: [.copy("Resources/lambda-runtime-lifecycle.json"), .copy("Resources/runtime")],
                swiftSettings: swift6),
        .target(name: "DynamoDB", dependencies: ["SimKit", .product(name: "GRDB", package: "GRDB.swift"),
                                                .product(name: "GRDBSQLite", package: "GRDB.swift")], swiftSettings: swift6),
        .target(name: "CloudWatchLogs", dependencies: ["SimKit", .product(name: "GRDB", package: "GRDB.swift"),
                                                      .product(name: "GRDBSQLite", package: "GRDB.swift")], swiftSettings: swift6),
        .target(name: "AWSCLI", dependencies: ["SimKit"], swiftSettings: swift6),
        .target(name: "SAMCLI", dependencies: ["SimKit"], swiftSettings: swift6),
        .target(name: "Account",
                dependencies: ["SimKit", "IAM", "CloudFormation", "Lambda", "DynamoDB", "CloudWatchLogs", "AWSCLI", "SAMCLI", .product(name: "GRDB", package: "GRDB.swift")],
                swiftSettings: swift6),
        .target(name: "Commands",
                dependencies: ["SimKit", "Account", "CloudFormation", "Lambda", "DynamoDB", "CloudWatchLogs", "AWSCLI", "SAMCLI", "IAM", "Yams",
                               .product(name: "GRDB", package: "GRDB.swift")],
                swiftSettings: swift6),
        .target(name: "Workbook", dependencies: ["SimKit", "Account", "Commands", "CloudFormation", "Yams"],
                swiftSettings: swift6),
        .target(name: "CLI",
                dependencies: ["Workbook", "Commands", "SimKit",
                               .product(name: "ArgumentParser", package: "swift-argument-parser")],
                swiftSettings: swift6),
        .executableTarget(name: "workbook", dependencies: ["CLI", "Commands"], swiftSettings: swift6),
        .target(name: "TestSupport", dependencies: ["SimKit", .product(name: "GRDB", package: "GRDB.swift")], path: "Tests/TestSupport",
                swiftSettings: swift6),
        .testTarget(name: "SimKitTests", dependencies: ["SimKit", "TestSupport"], swiftSettings: swift6),
        .testTarget(name: "IAMTests", dependencies: ["IAM", "SimKit"], swiftSettings: swift6),
        .testTarget(name: "CloudFormationTests", dependencies: ["CloudFormation", "SimKit", "TestSupport"], exclude: ["Fixtures"],
                    swiftSettings: swift6),
        // DynamoDB: the SDK shim tests serve the simulated DynamoDB to real Node processes.
        .testTarget(name: "LambdaTests", dependencies: ["Lambda", "SimKit", "DynamoDB"], exclude: ["Fixtures"], swiftSettings: swift6),
        .testTarget(name: "DynamoDBTests", dependencies: ["DynamoDB", "SimKit"], swiftSettings: swift6),
        .testTarget(name: "CloudWatchLogsTests", dependencies: ["CloudWatchLogs", "SimKit"], swiftSettings: swift6),
        .testTarget(name: "AWSCLITests", dependencies: ["AWSCLI", "SimKit"], swiftSettings: swift6),
        .testTarget(name: "SAMCLITests", dependencies: ["SAMCLI", "SimKit"], swiftSettings: swift6),
        .testTarget(name: "AccountTests", dependencies: ["Account", "SimKit", "TestSupport"], swiftSettings: swift6),
        .testTarget(name: "CommandsTests", dependencies: ["Commands", "Account", "SimKit", "TestSupport"], swiftSettings: swift6),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook", "CLI", "Account", "TestSupport"], swiftSettings: swift6),
        // Depends on the executable so `swift test` always builds the binary these tests run.
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "SimKit", "workbook"], exclude: ["Fixtures"], swiftSettings: swift6),
    ]
)
