// swift-tools-version:5.9
// The uniffi-generated Swift (PhotoDayCore) tested over the real core, as tests/kotlin tests the
// generated Kotlin: student and door flows, every error kind as a typed PhotoDayError, a Rust
// panic caught at the boundary, calls from many threads. The app's own Swift (ios/PhotoDayKit)
// keeps only the tests of its screen models; what is tested here is the core's, seen from Swift.
//
// Where the core comes from:
//   Linux  Linux/PhotoDayCore (the generated PhotoDayCore.swift) over Linux/PhotoDayCoreFFI (the
//          generated C header with a module map that links libphotoday_ffi), both copied from
//          target/bindings/swift by tests/swift/run.sh and not committed; the host-built
//          libphotoday_ffi.so is found with -L/-rpath on the `swift test` command line;
//   Apple  the app's local package ios/PhotoDayCore (the xcframework and the Swift generated next
//          to it by ios/build-xcframework.sh), as ios/PhotoDayKit uses it.

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
let corePackage: [Package.Dependency] = [.package(path: "../../../ios/PhotoDayCore")]
#endif

let package = Package(
    name: "PhotoDayCoreBindingsTests",
    platforms: [.iOS(.v17), .macOS(.v14)],
    dependencies: corePackage,
    targets: coreTargets + [
        .testTarget(name: "BindingsTests", dependencies: [core]),
    ]
)
