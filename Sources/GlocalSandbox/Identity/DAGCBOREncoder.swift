import Foundation

/// DAG-CBOR, the atproto data model's canonical encoding, for JSON values as `JSONSerialization` reads them:
/// map keys sorted by length then bytes, shortest integer forms, `{"$link": cid}` as CID tag 42.
enum DAGCBOREncoder {
    /// The encoding of `value` (dictionaries, arrays, strings, numbers, booleans, `NSNull`).
    static func encode(_ value: Any) -> [UInt8] {
        var out: [UInt8] = []
        append(value, to: &out)
        return out
    }

    private static func header(_ major: UInt8, _ length: UInt64, to out: inout [UInt8]) {
        let type = major << 5
        switch length {
        case 0..<24: out.append(type | UInt8(length))
        case 24..<0x100: out += [type | 24, UInt8(length)]
        case 0x100..<0x10000: out += [type | 25] + (0..<2).reversed().map { UInt8((length >> (8 * UInt64($0))) & 0xff) }
        case 0x10000..<0x1_0000_0000: out += [type | 26] + (0..<4).reversed().map { UInt8((length >> (8 * UInt64($0))) & 0xff) }
        default: out += [type | 27] + (0..<8).reversed().map { UInt8((length >> (8 * UInt64($0))) & 0xff) }
        }
    }

    private static func append(_ value: Any, to out: inout [UInt8]) {
        switch value {
        case let map as [String: Any]:
            if map.count == 1, let link = map["$link"] as? String, let cid = SandboxCID.decode(link) {
                out.append(0xd8)
                out.append(42)
                header(2, UInt64(cid.count + 1), to: &out)
                out += [0x00] + cid
                return
            }
            header(5, UInt64(map.count), to: &out)
            let keys = map.keys.sorted { left, right in
                left.utf8.count != right.utf8.count
                    ? left.utf8.count < right.utf8.count : Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8))
            }
            for key in keys {
                append(key, to: &out)
                append(map[key]!, to: &out)
            }
        case let array as [Any]:
            header(4, UInt64(array.count), to: &out)
            for item in array { append(item, to: &out) }
        case let string as String:
            header(3, UInt64(string.utf8.count), to: &out)
            out += Array(string.utf8)
        case is NSNull: out.append(0xf6)
        case let bool as Bool where isBoolean(value): out.append(bool ? 0xf5 : 0xf4)
        case let number as NSNumber:
            let integer = number.int64Value
            if integer >= 0 { header(0, UInt64(integer), to: &out) } else { header(1, UInt64(-1 - integer), to: &out) }
        default: out.append(0xf6)
        }
    }

    /// Whether a value read by `JSONSerialization` is a JSON boolean rather than a number.
    private static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return value is Bool }
        let type = String(cString: number.objCType)
        return type == "c" || type == "B"
    }
}
