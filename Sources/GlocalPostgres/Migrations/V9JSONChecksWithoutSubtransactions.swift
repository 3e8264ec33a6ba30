/// Makes the JSON checks cheap: `glocal_json_type` becomes one SQL expression the planner inlines into each
/// CHECK, instead of a plpgsql function whose exception handler opened a subtransaction for every value
/// checked (two thirds of the server's time inserting variants).
///
/// The CHECKs (variant.media and explanation, audit_event.before and after, publication.pending and extra,
/// metric_sample.counters) stay as they are and keep refusing what they refused: text that is not JSON now
/// fails the cast (SQLSTATE 22P02, "invalid input syntax for type json") rather than the CHECK, and valid
/// JSON of another type still fails the CHECK (23514). Replacing the function is enough: the CHECKs call it
/// by reference, no row is checked again (none could change its answer) and no table is locked long.
///
/// Names are schema-qualified because an inlined body is resolved with the caller's search path.
///
/// Shipped: never edited; a change to the schema is a new migration.
enum V9JSONChecksWithoutSubtransactions: PostgresMigration {
    static let identifier = "v9-json-checks-without-subtransactions"

    static let statements = [
        """
        CREATE OR REPLACE FUNCTION glocal_json_type(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT
        AS $$ SELECT pg_catalog.json_typeof(value::pg_catalog.json) $$
        """
    ]
}
