import Foundation

/// Builds Graph API requests: bearer token in the header (never in a URL), form bodies.
struct GraphRequests: Sendable {
    let base: URL
    let version: String
    let token: String

    func get(_ path: String, _ query: [(String, String)] = []) -> HTTPRequest {
        HTTPRequest(
            method: "GET", url: FormEncoding.url(base, path: "/\(version)/\(path)", query: query),
            headers: ["Authorization": "Bearer \(token)"])
    }

    func post(_ path: String, _ form: [(String, String)]) -> HTTPRequest {
        HTTPRequest(
            method: "POST", url: FormEncoding.url(base, path: "/\(version)/\(path)"),
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/x-www-form-urlencoded"],
            body: Data(FormEncoding.encode(form).utf8))
    }

    /// A `multipart/form-data` POST: the text `fields`, then the file as part `fileField`.
    func upload(_ path: String, _ fields: [(String, String)], fileField: String, file: MediaFile, bytes: Data) -> HTTPRequest {
        var form = MultipartBody()
        for (name, value) in fields { form.addField(name, value) }
        form.addFile(fileField, fileName: file.fileName, mimeType: file.mimeType, bytes: bytes)
        return HTTPRequest(
            method: "POST", url: FormEncoding.url(base, path: "/\(version)/\(path)"),
            headers: ["Authorization": "Bearer \(token)", "Content-Type": form.contentType], body: form.finished)
    }
}
