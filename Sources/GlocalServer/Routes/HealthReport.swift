import GlocalCore

/// `/healthz` as JSON (`{"api_version_warnings":[…],"healthy":true,"node":"node-a","status":"dispatcher: last round …"}`)
/// and the node's line of `/metrics`.
enum HealthReport {
    /// The JSON text of a health answer with its API version warnings and, when known, the node's id.
    static func json(healthy: Bool, status: String, _ warnings: [String], node: String? = nil) -> String {
        var json = JSONText(capacity: 128)
        json.raw("{\"api_version_warnings\":")
        json.array(warnings)
        json.raw(",\"healthy\":\(healthy)")
        if let node {
            json.raw(",\"node\":")
            json.string(node)
        }
        json.raw(",\"status\":")
        json.string(status)
        json.raw("}")
        return json.text
    }

    /// `glocal_node_info{node="…"} 1` with its HELP and TYPE lines, the label value escaped as the Prometheus text
    /// format wants (backslash, double quote, line feed).
    static func nodeInfoMetric(_ node: String) -> String {
        var label = ""
        for character in node {
            switch character {
            case "\\": label += "\\\\"
            case "\"": label += "\\\""
            case "\n": label += "\\n"
            default: label.append(character)
            }
        }
        return """
            # HELP glocal_node_info This node's id among the nodes sharing the store (--node-id).
            # TYPE glocal_node_info gauge
            glocal_node_info{node="\(label)"} 1

            """
    }

    /// `glocal_store_reachable 1` (or 0 while the store cannot be read, e.g. the PostgreSQL server is down) with its
    /// HELP and TYPE lines: `/metrics` still answers then, with the process's own counters and without the queue depth.
    static func storeReachableMetric(_ reachable: Bool) -> String {
        """
        # HELP glocal_store_reachable Whether this node could read the store for this scrape (0: the queue depth is missing).
        # TYPE glocal_store_reachable gauge
        glocal_store_reachable \(reachable ? 1 : 0)

        """
    }
}
