import Foundation

/// Reads and checks an accounts CSV (`glocal accounts import`): every row, every cell, reported like a
/// compiler (`FILE.csv:LINE:COL: error[rule]: …` with a caret under the cell). The records are only
/// good to write when there is no error.
///
/// Checks: the header (required columns present, no unknown or repeated one), each row's width, ids
/// (lowercase slugs, once each), known networks, non-empty handles, locales the workspace has, real IANA
/// time zones, tags as slugs, teams that exist and whose account patterns cover the row's id, instance URLs,
/// `max_characters` in range, `boards` cells (``PinterestBoardsCell``) and `location` names only on their network,
/// `unaudited` as `true` or `false`, and the boards or location a new Pinterest or Google Business Profile account needs.
public struct AccountsCSVReader: Sendable {
    /// The file's path as diagnostics print it.
    public var path: String
    /// The workspace's locale ids.
    public var locales: Set<String>
    /// The workspace's teams: id and account patterns.
    public var teams: [String: [String]]
    /// The ids accounts.yaml has already (a new Pinterest or Google Business Profile account needs its boards or location).
    public var existing: Set<String>

    /// Creates a reader checking against the workspace's locales, teams and existing account ids.
    public init(path: String, locales: Set<String>, teams: [String: [String]], existing: Set<String> = []) {
        self.path = path
        self.locales = locales
        self.teams = teams
        self.existing = existing
    }

    /// The records of `text` and what is wrong with them.
    public func read(_ text: String) -> (records: [AccountRecord], diagnostics: [Diagnostic]) {
        let table = CSVTable(parsing: text)
        if let error = table.syntaxError {
            return (
                [],
                [
                    Diagnostic(
                        .error, .csvSyntax, error.message, at: SourceLocation(file: path, line: error.line, column: error.column))
                ]
            )
        }
        guard let header = table.records.first else {
            return (
                [],
                [
                    Diagnostic(
                        .error, .csvHeader, "\(path) is empty: it needs a header line",
                        at: SourceLocation(file: path, line: 1, column: 1),
                        notes: ["columns: \(AccountRecord.columns.joined(separator: ","))"])
                ]
            )
        }
        var diagnostics: [Diagnostic] = []
        var columns: [String: Int] = [:]
        for (index, cell) in header.enumerated() {
            let name = cell.text.trimmingCharacters(in: .whitespaces).lowercased()
            if !AccountRecord.columns.contains(name) {
                diagnostics.append(
                    error(
                        .csvHeader, "unknown column '\(cell.text)'", cell,
                        notes: Suggestion.notes(for: name, in: AccountRecord.columns) + [
                            "columns: \(AccountRecord.columns.joined(separator: ","))"
                        ]))
            } else if columns[name] != nil {
                diagnostics.append(error(.csvHeader, "column '\(name)' appears twice", cell))
            } else {
                columns[name] = index
            }
        }
        let missing = AccountRecord.requiredColumns.filter { columns[$0] == nil }
        if !missing.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .error, .csvHeader,
                    "the header lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))",
                    at: SourceLocation(file: path, line: header[0].line, column: 1, length: 1),
                    notes: ["columns: \(AccountRecord.columns.joined(separator: ","))"]))
        }
        guard diagnostics.isEmpty else { return ([], diagnostics) }
        var records: [AccountRecord] = []
        var seen: [String: Int] = [:]
        for row in table.records.dropFirst() {
            guard row.count == header.count else {
                diagnostics.append(
                    Diagnostic(
                        .error, .csvRowWidth,
                        "this row has \(row.count) cell\(row.count == 1 ? "" : "s"), the header \(header.count)",
                        at: SourceLocation(file: path, line: row[0].line, column: 1, length: 1)))
                continue
            }
            if let record = self.record(row, columns: columns, seen: &seen, into: &diagnostics) { records.append(record) }
        }
        return (records, diagnostics)
    }

    /// One row's record, or `nil` with its errors.
    private func record(
        _ row: [CSVTable.Cell], columns: [String: Int], seen: inout [String: Int], into diagnostics: inout [Diagnostic]
    )
        -> AccountRecord?
    {
        let before = diagnostics.count
        func cell(_ name: String) -> CSVTable.Cell? { columns[name].map { row[$0] } }
        func value(_ name: String) -> String { Self.undefused(cell(name)?.text.trimmingCharacters(in: .whitespaces) ?? "") }
        let idCell = cell("id")!
        let id = value("id")
        if !Self.isSlug(id) {
            diagnostics.append(
                error(.idInvalid, "account id '\(id)' must be lowercase letters, digits and dashes", idCell))
        } else if let line = seen[id] {
            diagnostics.append(
                error(.idDuplicate, "account id '\(id)' appears twice", idCell, notes: ["first on line \(line)"]))
        } else {
            seen[id] = idCell.line
        }
        let networkName = value("network").lowercased()
        let network = Network(rawValue: networkName)
        if network == nil {
            diagnostics.append(
                error(
                    .networkUnknown, "unknown network '\(value("network"))'", cell("network")!,
                    notes: Suggestion.notes(for: networkName, in: Network.allCases.map(\.rawValue))))
        }
        if value("handle").isEmpty { diagnostics.append(error(.valueInvalid, "the handle is empty", cell("handle")!)) }
        let locale = value("locale")
        if !locales.contains(locale) {
            diagnostics.append(
                error(
                    .localeUnknown, "locale '\(locale)' has no file under locales/", cell("locale")!,
                    notes: Suggestion.notes(for: locale, in: locales)))
        }
        let timeZone = value("timezone")
        if !timeZone.isEmpty, TimeZone(identifier: timeZone) == nil {
            diagnostics.append(
                error(
                    .timezoneUnknown, "'\(timeZone)' is not an IANA time zone", cell("timezone")!,
                    notes: Suggestion.notes(for: timeZone, in: TimeZone.knownTimeZoneIdentifiers)))
        }
        let tags = Self.words(value("tags"))
        for tag in tags where !Self.isSlug(tag) {
            diagnostics.append(error(.idInvalid, "tag '\(tag)' must be lowercase letters, digits and dashes", cell("tags")!))
        }
        let teamIDs = Self.words(value("team"))
        for team in teamIDs {
            guard let patterns = teams[team] else {
                diagnostics.append(
                    error(
                        .valueInvalid, "no team '\(team)' in glocal.yaml", cell("team")!,
                        notes: Suggestion.notes(for: team, in: teams.keys)))
                continue
            }
            if Self.isSlug(id), !patterns.contains(where: { GlobPattern.matches($0, id) }) {
                diagnostics.append(
                    error(
                        .valueInvalid, "team '\(team)' does not cover account '\(id)'", cell("team")!,
                        notes: [
                            "its accounts are \(patterns.joined(separator: ", ")) (glocal.yaml)",
                            "import does not edit glocal.yaml: add the id or a pattern to the team's accounts there first",
                        ]))
            }
        }
        let extra = networkFields(cell: cell, value: value, network: network, id: id, into: &diagnostics)
        guard diagnostics.count == before, let network else { return nil }
        func optional(_ name: String) -> String? { value(name).isEmpty ? nil : value(name) }
        return AccountRecord(
            id: id, network: network, handle: value("handle"), locale: locale, timeZone: timeZone.isEmpty ? nil : timeZone,
            tags: tags, teams: teamIDs, city: optional("city"), country: optional("country"),
            credentials: optional("credentials"), instance: optional("instance"), maxCharacters: extra.maxCharacters,
            boards: extra.boards, location: optional("location"), unaudited: extra.unaudited)
    }

    /// Checks `instance`, `max_characters`, `boards`, `location` and `unaudited`; the values that are not plain text.
    private func networkFields(
        cell: (String) -> CSVTable.Cell?, value: (String) -> String, network: Network?, id: String,
        into diagnostics: inout [Diagnostic]
    ) -> (maxCharacters: Int?, boards: [PinterestBoard], unaudited: Bool?) {
        let instance = value("instance")
        if !instance.isEmpty, !LinkChecks.isAbsoluteHTTPURL(instance), let instanceCell = cell("instance") {
            diagnostics.append(
                error(
                    .linkInvalid,
                    "instance '\(DiagnosticText.cut(instance))' must be an absolute URL (https://, or http:// for a local server)",
                    instanceCell,
                    notes: ["for example https://mastodon.social"]))
        }
        var maxCharacters: Int?
        let limit = value("max_characters")
        if !limit.isEmpty, let limitCell = cell("max_characters") {
            if let number = Int(limit), NumberRanges.maxCharacters.contains(number) {
                maxCharacters = number
            } else {
                diagnostics.append(
                    error(
                        .valueInvalid,
                        "max_characters '\(limit)' must be a whole number from 1 to \(NumberRanges.maxCharacters.upperBound)",
                        limitCell,
                        notes: ["the account's own text limit, e.g. 5000 on a Mastodon instance that allows longer posts"]))
            }
        }
        var boards: [PinterestBoard] = []
        if let boardsCell = cell("boards"), !boardsCell.text.trimmingCharacters(in: .whitespaces).isEmpty {
            if let network, network != .pinterest {
                diagnostics.append(onlyFor("boards", of: .pinterest, on: network, boardsCell))
            } else {
                let parsed = PinterestBoardsCell.parse(boardsCell.text)
                boards = parsed.boards
                for problem in parsed.problems {
                    diagnostics.append(
                        Diagnostic(
                            .error, .valueInvalid, problem.message,
                            at: place(of: problem.offset, length: problem.length, in: boardsCell), notes: problem.notes))
                }
            }
        } else if network == .pinterest, !existing.contains(id) {
            diagnostics.append(
                error(
                    .keyMissing, "new Pinterest account '\(id)' has no boards", cell("boards") ?? cell("network")!,
                    notes: ["pins are created on a board: add a boards column, e.g. \(PinterestBoardsCell.example)"]))
        }
        let location = value("location")
        if !location.isEmpty, let locationCell = cell("location") {
            if let network, network != .googleBusiness {
                diagnostics.append(onlyFor("location", of: .googleBusiness, on: network, locationCell))
            } else if !AccountRecord.isLocationName(location) {
                diagnostics.append(
                    error(
                        .valueInvalid, "location '\(DiagnosticText.cut(location))' is not a Business Profile location name",
                        locationCell,
                        notes: [
                            "write it as accounts/{account id}/locations/{location id}, e.g. accounts/1098765432101234567/locations/4567890123456789012"
                        ]))
            }
        } else if network == .googleBusiness, !existing.contains(id) {
            diagnostics.append(
                error(
                    .keyMissing, "new Google Business Profile account '\(id)' has no location",
                    cell("location") ?? cell("network")!,
                    notes: ["posts go to one location: add a location column, accounts/{account id}/locations/{location id}"]))
        }
        var unaudited: Bool?
        let flag = value("unaudited").lowercased()
        if !flag.isEmpty, let flagCell = cell("unaudited") {
            if flag == "true" || flag == "false" {
                unaudited = flag == "true"
            } else {
                diagnostics.append(
                    error(.valueInvalid, "unaudited '\(value("unaudited"))' must be true or false (or empty)", flagCell))
            }
        }
        return (maxCharacters, boards, unaudited)
    }

    private func onlyFor(_ column: String, of owner: Network, on network: Network, _ cell: CSVTable.Cell) -> Diagnostic {
        error(
            .valueInvalid, "'\(column)' is only for \(owner.displayName) accounts, this one is on \(network.displayName)",
            cell, notes: ["leave the \(column) cell empty, or set the network to \(owner.rawValue)"])
    }

    /// Where `offset` (characters into `cell`'s text) is in the file: exact when the cell is on one line and has no
    /// `""`, else the cell itself.
    private func place(of offset: Int, length: Int, in cell: CSVTable.Cell) -> SourceLocation {
        let count = cell.text.count
        let quoted = cell.length == count + 2
        guard !cell.text.contains(where: \.isNewline), quoted || cell.length == count || (count == 0 && cell.length == 1) else {
            return SourceLocation(file: path, line: cell.line, column: cell.column, length: cell.length)
        }
        return SourceLocation(file: path, line: cell.line, column: cell.column + (quoted ? 1 : 0) + offset, length: length)
    }

    /// A cell without the `'` that export put before a formula-like start (`'@handle` → `@handle`).
    static func undefused(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars.prefix(2))
        guard scalars.count == 2, scalars[0] == "'", ["=", "+", "-", "@"].contains(scalars[1]) else { return text }
        return String(text.dropFirst())
    }

    /// A cell's words (tags, teams): separated by spaces or semicolons.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == ";" }).map(String.init)
    }

    /// Lowercase letters and digits, then dashes too.
    static func isSlug(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first) else {
            return false
        }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private func error(_ rule: DiagnosticRule, _ message: String, _ cell: CSVTable.Cell, notes: [String] = []) -> Diagnostic {
        Diagnostic(
            .error, rule, message, at: SourceLocation(file: path, line: cell.line, column: cell.column, length: cell.length),
            notes: notes)
    }
}
