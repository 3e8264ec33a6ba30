/// A check of the caller's (scope, deadline) on a variant as a store reads it inside its write
/// transaction; throws (an `ApprovalError`) to refuse, and the store then writes nothing.
public typealias ApprovalCheck = (StoredVariant) throws -> Void
