/// Free text a person types in a form or on the command line (a rejection reason, a crisis pause's reason).
public enum TypedText {
    /// The first control character in `text` other than a tab or a line break, if any: a NUL, an escape or a
    /// backspace is never typed on purpose, and a NUL would cut the text where a reader stops at it.
    public static func control(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            scalar.properties.generalCategory == .control && !["\t", "\n", "\r"].contains(scalar)
        }
    }
}
