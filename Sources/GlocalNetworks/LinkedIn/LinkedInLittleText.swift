/// LinkedIn's "little text" format for `commentary`: reserved characters escaped, hashtags as templates.
public enum LinkedInLittleText {
    /// Characters that must be escaped, or LinkedIn silently truncates the post at them.
    static let reserved: Set<Character> = ["\\", "|", "{", "}", "@", "[", "]", "(", ")", "<", ">", "#", "*", "_", "~"]

    /// `text` as commentary: `#tag` at a word start becomes `{hashtag|#|tag}` (the documented template), every other
    /// reserved character gets a `\`.
    public static func commentary(for text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let atWordStart = index == text.startIndex || text[text.index(before: index)].isWhitespace
            if character == "#", atWordStart {
                var end = text.index(after: index)
                while end < text.endIndex, text[end].isLetter || text[end].isNumber || text[end] == "_" {
                    end = text.index(after: end)
                }
                let tag = text[text.index(after: index)..<end]
                if tag.contains(where: \.isLetter) {
                    result += "{hashtag|#|\(escape(String(tag)))}"
                    index = end
                    continue
                }
            }
            result += reserved.contains(character) ? "\\\(character)" : String(character)
            index = text.index(after: index)
        }
        return result
    }

    /// Every reserved character preceded by a backslash.
    public static func escape(_ text: String) -> String {
        text.map { reserved.contains($0) ? "\\\($0)" : String($0) }.joined()
    }
}
