import GlocalCore

/// The account a preview is posted from, as feeds name it: a display name, the bare handle and,
/// on Mastodon, its server.
struct PreviewAccount {
    /// The display name: the brand, then the account's city when it has one (`Lumière Paris`); the handle without a
    /// brand.
    var name: String
    /// The handle without `@`.
    var handle: String
    /// The Mastodon server's host, if any.
    var instance: String?

    init(name: String, handle: String, instance: String? = nil) {
        self.name = name
        self.handle = handle.hasPrefix("@") ? String(handle.dropFirst()) : handle
        self.instance = instance
    }

    /// The account `account` (or, unknown, the bare id) under the workspace's brand name (``PreviewDisplayName``:
    /// the handle when there is no brand).
    init(account: Account?, id: String, workspace: Workspace) {
        let host = account?.instance.map { instance -> String in
            var host = Substring(instance)
            for prefix in ["https://", "http://"] where host.hasPrefix(prefix) { host = host.dropFirst(prefix.count) }
            return String(host.prefix { $0 != "/" })
        }
        let handle = account?.handle ?? id
        self.init(
            name: PreviewDisplayName.name(brand: workspace.settings.brand, city: account?.city, handle: handle), handle: handle,
            instance: host)
    }

    /// The handle as `@handle`, with `@server` on Mastodon.
    var atHandle: String { "@" + handle + (instance.map { "@" + $0 } ?? "") }

    /// The first letter of the name, for the round avatar.
    var initial: String { name.first.map { String($0).uppercased() } ?? "?" }
}
