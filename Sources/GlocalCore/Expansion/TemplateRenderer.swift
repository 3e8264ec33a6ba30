/// Fills `{variables}` in texts and links. `{{` and `}}` are literal braces.
public enum TemplateRenderer {
    /// The variables a text may use.
    public static let variables = [
        "brand", "handle", "city", "country", "locale", "language", "region", "account", "network", "campaign", "post",
        "link",
    ]

    /// Variables that may be empty: `{region}` of a locale without a region, such as `en`.
    public static let optionalVariables: Set<String> = ["region"]

    /// A problem in a template, at a scalar offset inside it.
    public struct Problem: Sendable, Equatable {
        /// What kind of problem.
        public enum Kind: Sendable, Equatable {
            /// `{name}` that no variable has.
            case unknownVariable(String)
            /// A variable this account has no value for.
            case missingValue(String)
            /// `{` without `}`, or a lone `}`.
            case unbalanced
        }
        /// The problem.
        public var kind: Kind
        /// Offset in Unicode scalars from the start of the template.
        public var offset: Int
        /// Length in Unicode scalars.
        public var length: Int
    }

    /// The variable names a template uses, with their offsets, and its syntax problems.
    public static func scan(_ template: String) -> (names: [(String, Int, Int)], problems: [Problem]) {
        var names: [(String, Int, Int)] = []
        var problems: [Problem] = []
        let scalars = Array(template.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "{" {
                if i + 1 < scalars.count, scalars[i + 1] == "{" { i += 2; continue }
                var j = i + 1
                while j < scalars.count, scalars[j] != "}", scalars[j] != "{", scalars[j] != "\n" { j += 1 }
                guard j < scalars.count, scalars[j] == "}" else {
                    problems.append(Problem(kind: .unbalanced, offset: i, length: 1))
                    i += 1
                    continue
                }
                let name = String(String.UnicodeScalarView(scalars[(i + 1)..<j])).trimmingSpaces()
                names.append((name, i, j - i + 1))
                if !variables.contains(name) {
                    problems.append(Problem(kind: .unknownVariable(name), offset: i, length: j - i + 1))
                }
                i = j + 1
            } else if c == "}" {
                if i + 1 < scalars.count, scalars[i + 1] == "}" { i += 2; continue }
                problems.append(Problem(kind: .unbalanced, offset: i, length: 1))
                i += 1
            } else {
                i += 1
            }
        }
        return (names, problems)
    }

}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
