// swift-tools-version:5.9
// PhotoDayCore: the Rust core as a local Swift package the app depends on.
//
// `PhotoDayCoreFFI` is the static library for device and simulator with its C header and module
// map, wrapped in an xcframework; `PhotoDayCore` is the Swift uniffi generates over it. Both are
// made by ../build-xcframework.sh from the current core and are not committed (see ../README.md).

import PackageDescription

let package = Package(
    name: "PhotoDayCore",
    platforms: [.iOS(.v17)],
    products: [
        .library(name: "PhotoDayCore", targets: ["PhotoDayCore"]),
    ],
    targets: [
        .binaryTarget(name: "PhotoDayCoreFFI", path: "PhotoDayCoreFFI.xcframework"),
        .target(
            name: "PhotoDayCore",
            dependencies: ["PhotoDayCoreFFI"],
            path: "Sources/PhotoDayCore",
            exclude: ["README.md"],
            // A static library does not carry its crates' link directives: chrono's time-zone
            // lookup (iana-time-zone) calls CoreFoundation, so the app links it explicitly.
            linkerSettings: [.linkedFramework("CoreFoundation")]
        ),
    ]
)
