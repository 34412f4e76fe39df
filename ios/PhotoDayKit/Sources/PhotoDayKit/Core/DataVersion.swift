// Screens reload from the core when something changed it elsewhere (a bundle imported in a sheet,
// a log merged from a file opened in Files). Every change bumps this counter; screens reload with
// `.task(id: version.value)`.

import Foundation
import Observation

@MainActor
@Observable
public final class DataVersion {
    public private(set) var value = 0

    public init() {}

    public func bump() {
        value += 1
    }
}
