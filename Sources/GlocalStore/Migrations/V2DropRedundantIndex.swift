/// The id is `campaign/post/account` and already the primary key, so this unique index only
/// doubled the cost of every insert; a campaign's variants are the id range `campaign/…`.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V2DropRedundantIndex: StoreMigration {
    static let identifier = "v2-drop-redundant-index"

    static let sql = """
        DROP INDEX variant_on_campaign_post_account
        """
}
