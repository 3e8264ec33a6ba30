/// Checks the `{variables}` of every translated string and link once, where they are written.
struct TemplateChecker {
    func check(_ workspace: Workspace, into diagnostics: inout [Diagnostic]) {
        for id in workspace.locales.keys.sorted() {
            let locale = workspace.locales[id]!
            for key in locale.strings.keys.sorted() {
                check(locale.strings[key]!, what: "string '\(DiagnosticText.cut(key))'", allowLink: true, into: &diagnostics)
            }
        }
        for campaign in workspace.campaigns {
            var links = [campaign.link].compactMap { $0 }
            for post in campaign.posts { links += [post.link].compactMap { $0 } + post.overrides.compactMap(\.link) }
            for link in links {
                let string = LocalizedString(
                    text: link.value, location: link.location, keyLocation: link.location, isColumnExact: false)
                check(string, what: "link", allowLink: false, into: &diagnostics)
            }
        }
    }

    private func check(_ string: LocalizedString, what: String, allowLink: Bool, into diagnostics: inout [Diagnostic]) {
        guard string.text.containsASCII("{") || string.text.containsASCII("}") else { return }
        let (names, problems) = TemplateRenderer.scan(string.text)
        var candidates = TemplateRenderer.variables
        if !allowLink { candidates.removeAll { $0 == "link" } }
        for problem in problems {
            let location = string.location(atScalarOffset: problem.offset, length: problem.length)
            switch problem.kind {
            case let .unknownVariable(name):
                diagnostics.append(
                    Diagnostic(
                        .error, .templateUnknown, "unknown template variable {\(name)} in \(what)", at: location,
                        notes: Suggestion.notes(for: name, in: candidates) + [
                            "variables: " + candidates.map { "{\($0)}" }.joined(separator: " ")
                        ]))
            case .unbalanced:
                diagnostics.append(
                    Diagnostic(
                        .error, .templateSyntax, "unbalanced brace in \(what)", at: location,
                        notes: ["write {{ or }} for a literal brace"]))
            case .missingValue:
                break
            }
        }
        if !allowLink, let link = names.first(where: { $0.0 == "link" }) {
            diagnostics.append(
                Diagnostic(
                    .error, .templateUnknown, "{link} cannot be used inside a link",
                    at: string.location(atScalarOffset: link.1, length: link.2)))
        }
    }
}
