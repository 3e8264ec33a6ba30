/// glocal's version, as `glocal --version` and SARIF output name it.
public enum GlocalVersion {
    /// The current version.
    public static let current = "0.1.0"
}
