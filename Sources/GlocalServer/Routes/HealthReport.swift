import GlocalCore

/// `/healthz` as JSON: `{"api_version_warnings":[…],"healthy":true,"status":"dispatcher: last round …"}`.
enum HealthReport {
    /// The JSON text of a health answer with its API version warnings.
    static func json(healthy: Bool, status: String, _ warnings: [String]) -> String {
        var json = JSONText(capacity: 128)
        json.raw("{\"api_version_warnings\":")
        json.array(warnings)
        json.raw(",\"healthy\":\(healthy),\"status\":")
        json.string(status)
        json.raw("}")
        return json.text
    }
}
