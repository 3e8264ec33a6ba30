/// The report's one script, served at `/static/report.js` (progressive enhancement: the form works
/// without it).
enum ReportScript {
    /// Choosing a date switches the period to "Custom dates", which is what the reader means.
    static let source = """
        document.addEventListener("DOMContentLoaded", function () {
          var period = document.getElementById("period");
          ["from", "to"].forEach(function (id) {
            var input = document.getElementById(id);
            if (!period || !input) return;
            ["input", "change"].forEach(function (event) {
              input.addEventListener(event, function () { period.value = "custom"; });
            });
          });
        });
        """
}
