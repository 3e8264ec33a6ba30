import GlocalCore

/// The warning the accounts page shows when an API version glocal speaks sunsets within 60 days (or has): after
/// that day the network refuses every call made with it.
enum APIVersionWarning {
    /// The warning for `notices` (empty when there are none).
    static func render(_ notices: [APIVersionNotice]) -> HTML {
        guard !notices.isEmpty else { return .empty }
        let items = notices.map { notice -> HTML in "<li>\(notice.text)</li>" }
        let headline = notices.count == 1 ? "1 API version needs moving." : "\(notices.count) API versions need moving."
        return """
            <div class="hold-warning" role="status" id="api-version-warning"><strong>\(headline)</strong>
            After its sunset a network refuses every call made with the version: posts on it fail.
            <ul>\(items)</ul></div>
            """
    }
}
