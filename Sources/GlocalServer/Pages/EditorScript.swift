/// The edit form's progressive enhancement, served as /static/editor.js: as the manager types (debounced),
/// it posts the text to the variant's count endpoint and shows the count as the network counts it and the
/// problems next to the field; and Approve with an unsaved edit stops and says so. Without it the form works as
/// before: problems appear after saving.
enum EditorScript {
    static let source = #"""
        "use strict";
        (function () {
          var field = document.getElementById("text");
          var out = document.getElementById("live-count");
          if (!field || !out || !field.form || !field.dataset.countUrl || !window.fetch) return;
          var form = field.form, timer = null, sequence = 0, typed = false;
          function element(tag, className, text) {
            var node = document.createElement(tag);
            if (className) node.className = className;
            if (text !== undefined) node.textContent = text;
            return node;
          }
          function show(answer) {
            var over = answer.count > answer.limit || (answer.byte_limit != null && answer.bytes > answer.byte_limit);
            var line = answer.count + " / " + answer.limit;
            if (answer.byte_limit != null) line += " · " + answer.bytes + " / " + answer.byte_limit + " bytes";
            var counter = element("p", "live-counter" + (over ? " over" : ""));
            counter.id = "live-counter";
            counter.appendChild(element("strong", "counter", line));
            counter.appendChild(document.createTextNode(" " + answer.method));
            var list = element("ul", "live-problems");
            list.id = "live-problems";
            answer.problems.forEach(function (problem) {
              var item = element("li", "problem problem-" + problem.severity);
              var prefix = problem.severity === "error" ? "" : "Warning: ";
              item.appendChild(element("span", "problem-text", prefix + problem.message));
              var details = element("details");
              details.appendChild(element("summary", "", "Rule " + problem.rule));
              details.appendChild(element("code", "", problem.severity + "[" + problem.rule + "]: " + problem.detail));
              item.appendChild(details);
              list.appendChild(item);
            });
            out.replaceChildren(counter);
            out.hidden = false;
            // The preview's counter follows.
            var preview = document.getElementById("counter");
            if (preview) {
              preview.textContent = answer.count + " / " + answer.limit;
              preview.classList.toggle("over", answer.count > answer.limit);
            }
            // Until the manager types, the errors of the last save (if any) stay as the server wrote them.
            var saved = document.getElementById("text-errors");
            if (saved && !typed) return;
            if (saved) saved.remove();
            if (answer.problems.length) out.appendChild(list);
            var errors = answer.problems.some(function (problem) { return problem.severity === "error"; });
            if (errors) field.setAttribute("aria-invalid", "true"); else field.removeAttribute("aria-invalid");
          }
          function count() {
            var mine = ++sequence;
            var body = new URLSearchParams();
            body.set("csrf", form.elements.csrf.value);
            body.set("text", field.value);
            if (form.elements.link_placement) body.set("link_placement", form.elements.link_placement.value);
            fetch(field.dataset.countUrl, { method: "POST", body: body, credentials: "same-origin" })
              .then(function (response) { return response.ok ? response.json() : null; })
              .then(function (answer) { if (answer && mine === sequence) show(answer); })
              .catch(function () { /* offline: the form still checks the text when it is saved */ });
          }
          function schedule() {
            typed = true;
            clearTimeout(timer);
            timer = setTimeout(count, 250);
          }
          // Approve approves the saved text: with an edit typed and not saved, it stops and says so, rather than
          // approve a text other than the one on screen.
          var approve = document.getElementById("approve");
          var placement = form.elements.link_placement;
          if (approve && approve.form) {
            approve.form.addEventListener("submit", function (event) {
              var unsaved = field.value !== field.defaultValue ||
                (placement && placement.selectedOptions[0] && !placement.selectedOptions[0].defaultSelected);
              if (!unsaved) return;
              event.preventDefault();
              var note = document.getElementById("unsaved-edit");
              if (!note) {
                note = element("p", "field-error");
                note.id = "unsaved-edit";
                note.setAttribute("role", "alert");
                approve.form.appendChild(note);
              }
              note.textContent = "Nothing was approved: your edit is not saved, and Approve approves the saved text. " +
                "Press “Check and save” first, or reload the page to drop the edit.";
            });
          }
          field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " live-count").trim());
          field.addEventListener("input", schedule);
          if (form.elements.link_placement) form.elements.link_placement.addEventListener("change", schedule);
          count();
        })();
        """#
}
