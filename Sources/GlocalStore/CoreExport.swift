// The store's API is written in the core's values (variants, audit events, users, jobs…): whoever
// imports the store sees them, as before they moved to the core.
@_exported import GlocalCore
