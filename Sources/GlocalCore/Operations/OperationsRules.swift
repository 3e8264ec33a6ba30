extension DiagnosticRule {
    // MARK: Operator files (glocal-service.yaml, accounts CSV); not workspace rules, so not in `all`.
    /// A service setting whose value is not allowed (a port out of range, a URL without http(s), an unknown level).
    public static let configValueInvalid = DiagnosticRule(
        "config.value-invalid", "A service setting has a value outside its allowed set or range.")
    /// The configuration names an environment variable that is not set.
    public static let configEnvironmentMissing = DiagnosticRule(
        "config.env-missing", "The service configuration names an environment variable that is not set.")
    /// Settings that only make sense together, given apart (an SMTP host without a sender).
    public static let configIncomplete = DiagnosticRule(
        "config.incomplete", "A service setting needs another one that is not given.")
    /// A CSV file that is not RFC 4180 (an unterminated quote, a stray quote in a field).
    public static let csvSyntax = DiagnosticRule("csv.syntax", "The CSV file is not well-formed (RFC 4180).")
    /// A CSV header without a required column, or with an unknown one.
    public static let csvHeader = DiagnosticRule("csv.header", "The CSV header lacks a required column or has an unknown one.")
    /// A CSV row whose cell count differs from the header's.
    public static let csvRowWidth = DiagnosticRule("csv.row-width", "A CSV row has more or fewer cells than the header.")
}
