/// The sign-in form.
enum LoginPage {
    static func render(csrf: String, email: String = "", error: String? = nil, next: String = "/") -> HTML {
        let message: HTML = error.map { "<p class=\"field-error\" role=\"alert\" id=\"login-error\">\($0)</p>" } ?? .empty
        return Layout.page(
            title: "Sign in", session: nil,
            """
            <h1>Sign in</h1>
            \(message)
            <form method="post" action="/login" class="card login">
            <input type="hidden" name="csrf" value="\(csrf)">
            \(next == "/" ? HTML.empty : "<input type=\"hidden\" name=\"next\" value=\"\(next)\">")
            <label for="email">E-mail</label>
            <input type="email" id="email" name="email" autocomplete="username" required value="\(email)">
            <label for="password">Password</label>
            <input type="password" id="password" name="password" autocomplete="current-password" required>
            <p><button type="submit" class="primary">Sign in</button></p>
            </form>
            """)
    }
}
