/// Admits Pinterest and Google Business Profile in `variant.network`, as SQLite's V12 does: PostgreSQL
/// replaces the column's CHECK in place (and checks the rows already there against the new one).
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V11VariantNetworksPinterestGoogleBusiness: PostgresMigration {
    static let identifier = "v11-variant-networks-pinterest-google-business"

    static let statements = [
        """
        ALTER TABLE variant DROP CONSTRAINT variant_network_check,
            ADD CONSTRAINT variant_network_check CHECK (network IN (
                'x', 'bluesky', 'mastodon', 'threads', 'linkedin', 'facebook', 'instagram', 'youtube', 'tiktok',
                'pinterest', 'google_business'))
        """
    ]
}
