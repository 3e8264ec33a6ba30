import GlocalCore

/// A cheap look at a YAML text's bytes for flow collections (`[`, `{`) nested deeper than
/// ``YAMLEventScan/maxDepth``, made before libyaml sees the text.
///
/// libyaml scans ahead across a whole run of opening brackets before it emits the first event (each could
/// start a key), and then reports only "Maximum nesting level reached" near the first one; this pass points
/// at the bracket where the limit is crossed instead. Quoted text and comments are skipped; a bracket counts
/// only where a flow collection can start (after `:`, `-`, `,`, `?`, another bracket, or at a line's start).
enum FlowNestingScan {
    /// The line and column (in scalars) of the first bracket nested deeper than `limit`, if any.
    static func firstTooDeep(in text: String, limit: Int = YAMLEventScan.maxDepth) -> (line: Int, column: Int)? {
        var depth = 0
        var offset = -1
        var last: UInt8 = 0, beforeLast: UInt8 = 0  // the raw bytes before this one, for NEL, LS and PS
        var quote: UInt8?
        var inComment = false
        var previous: UInt8 = 0x0A  // The last byte that was not a space: a line start counts as a break.
        var escaped = false
        var afterSpace = false
        for byte in text.utf8 {
            offset += 1
            defer { (beforeLast, last) = (last, byte) }
            // A line break as YAML reads it (``YAMLLineCounter``): LF, CR, and the last byte of NEL, LS or PS.
            if byte == 0x0A || byte == 0x0D || (byte == 0x85 && last == 0xC2)
                || ((byte == 0xA8 || byte == 0xA9) && last == 0x80 && beforeLast == 0xE2)
            {
                inComment = false
                afterSpace = false
                previous = 0x0A
                continue
            }
            if inComment { continue }
            if let open = quote {
                if escaped {
                    escaped = false
                } else if open == 0x22, byte == 0x5C {
                    escaped = true
                } else if byte == open {
                    quote = nil
                    previous = byte
                }
                continue
            }
            if byte == 0x20 || byte == 0x09 {
                afterSpace = true
                continue
            }
            defer { afterSpace = false }
            switch byte {
            case 0x23 where afterSpace || previous == 0x0A:  // '#'
                inComment = true
                continue
            case 0x22 where opensValue(after: previous), 0x27 where opensValue(after: previous):  // '"', '\''
                quote = byte
            case 0x5B where opensValue(after: previous), 0x7B where opensValue(after: previous):  // '[', '{'
                depth += 1
                if depth > limit { return YAMLLineCounter.position(ofUTF8Offset: offset, in: text) }
            case 0x5D where depth > 0, 0x7D where depth > 0:  // ']', '}'
                depth -= 1
            default:
                break
            }
            previous = byte
        }
        return nil
    }

    /// Whether a value can start after `byte`: a line start, `:`, `-`, `,`, `?`, `[` or `{`.
    private static func opensValue(after byte: UInt8) -> Bool {
        [0x0A, 0x3A, 0x2D, 0x2C, 0x3F, 0x5B, 0x7B].contains(byte)
    }
}
