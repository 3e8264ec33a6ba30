/// The queue's script (`/static/queue.js`), an enhancement only: Enter in "Reason for rejecting the selected" presses
/// *Reject selected*. Without it a browser presses the form's first button, *Approve selected*; the server refuses an
/// approval that carries a rejection reason, so without JavaScript Enter there approves nothing.
enum QueueScript {
    static let script = """
        document.addEventListener("DOMContentLoaded", function () {
          var reason = document.getElementById("bulk-reason");
          var reject = document.getElementById("bulk-reject");
          if (!reason || !reject || !reason.form) return;
          reason.addEventListener("keydown", function (event) {
            if (event.key !== "Enter" || event.isComposing) return;
            event.preventDefault();
            if (reason.form.requestSubmit) reason.form.requestSubmit(reject); else reject.click();
          });
        });
        """
}
