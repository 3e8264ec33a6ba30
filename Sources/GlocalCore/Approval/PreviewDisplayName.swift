/// The name a preview shows above a post: the brand and the account's city (`Lumière Paris`), as the variants'
/// `{brand}` reads `brand` in glocal.yaml.
///
/// Without `brand` there is no name to show, so the preview shows the bare handle, as a feed does for an account
/// with no display name. Never the workspace id: it is an internal slug that no account posts under, and
/// `{brand}` is an error rather than that id.
public enum PreviewDisplayName {
    /// The name for the account with `handle` (with or without `@`) and `city`, under `brand`.
    public static func name(brand: String?, city: String?, handle: String) -> String {
        guard let brand else { return handle.hasPrefix("@") ? String(handle.dropFirst()) : handle }
        return brand + (city.map { " " + $0 } ?? "")
    }
}
