// swift-tools-version:5.9
// PhotoDayKit: everything of the iOS app that does not draw — PageModel (the back stack of the
// core's pages, each loaded off the main actor, every tap handed back to the core and its outcome
// applied), the reminder glue, file locations and the QR raster. Foundation and Observation only,
// so the same code compiles and is tested on Linux (tests/swift/run.sh) as on a Mac.
// Its tests are of PageModel over the real core; the generated bindings are tested in
// tests/swift/Bindings.
//
// Where the core comes from:
//   Apple  the local package ../PhotoDayCore (the xcframework and the Swift generated next to it,
//          both made by ../build-xcframework.sh);
//   Linux  Linux/PhotoDayCore (the generated PhotoDayCore.swift) over Linux/PhotoDayCoreFFI (the
//          generated C header with a module map that links libphotoday_ffi), both copied from
//          target/bindings/swift by tests/swift/run.sh and not committed; the host-built
//          libphotoday_ffi.so is found with -L/-rpath on the `swift test` command line.

import PackageDescription

#if os(Linux)
let coreTargets: [Target] = [
    .systemLibrary(name: "PhotoDayCoreFFI", path: "Linux/PhotoDayCoreFFI"),
    .target(name: "PhotoDayCore", dependencies: ["PhotoDayCoreFFI"], path: "Linux/PhotoDayCore"),
]
let core: Target.Dependency = "PhotoDayCore"
let corePackage: [Package.Dependency] = []
#else
let coreTargets: [Target] = []
let core: Target.Dependency = .product(name: "PhotoDayCore", package: "PhotoDayCore")
let corePackage: [Package.Dependency] = [.package(path: "../PhotoDayCore")]
#endif

let package = Package(
    name: "PhotoDayKit",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: [
        .library(name: "PhotoDayKit", targets: ["PhotoDayKit"]),
    ],
    dependencies: corePackage,
    targets: coreTargets + [
        .target(name: "PhotoDayKit", dependencies: [core]),
        // Only what is this package's own: PageModel driven as the renderer drives it, over a real
        // core. The generated Swift's own tests are the package ../../tests/swift/Bindings.
        .testTarget(name: "PhotoDayKitTests", dependencies: ["PhotoDayKit", core]),
    ]
)
