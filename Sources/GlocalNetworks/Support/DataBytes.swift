import Foundation
import GlocalCore

/// A ``ByteSource`` over bytes already loaded (a video about to be uploaded), read in place without a copy.
struct DataBytes: ByteSource {
    let data: Data

    var count: Int { data.count }

    func bytes(at offset: Int, count length: Int) -> [UInt8] {
        guard offset >= 0, length > 0, offset < data.count else { return [] }
        let start = data.startIndex + offset
        return Array(data[start..<(start + min(length, data.count - offset))])
    }
}
