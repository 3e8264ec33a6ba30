extension DiagnosticRule {
    /// A version in `api_versions:` that is not a version of that network.
    public static let apiVersionInvalid = DiagnosticRule(
        "api-version.invalid", "A pinned API version is malformed, unknown, or for a network that cannot be pinned.")
    /// The API version glocal would speak to a network is past its sunset.
    public static let apiVersionSunset = DiagnosticRule(
        "api-version.sunset", "An API version in use is past its sunset: the network refuses every call.")
    /// A post is dated after the sunset of the API version it would be published with.
    public static let apiVersionSunsetsDuringCampaign = DiagnosticRule(
        "api-version.sunsets-during-campaign", "A post falls after the sunset of the API version it would be sent with.")
}
