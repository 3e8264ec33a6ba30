/// The calendar's own stylesheet and its drag-and-drop script, served by glocal (no CDN).
/// The script only enhances: without it every post still has its "Move" form.
enum CalendarAssets {
    /// `/static/calendar.css`: the grids, the state colours (always with the state in words) and,
    /// below 700 px, a list of the days that have posts instead of seven columns.
    static let css = """
        main:has(.cal-month),main:has(.cal-week){max-width:96rem}
        .cal-controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}
        .cal-controls label{margin:0;min-width:0;max-width:100%}.cal-controls select,.cal-controls input{width:auto;max-width:100%}
        .cal-nav{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;margin:.5rem 0}
        .cal-nav h2{margin:0;font-size:1.3rem}
        .cal-zone,.cal-help{font-size:.9rem;color:#3f3f46;margin:.3rem 0}
        .cal-legend{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0;margin:.3rem 0}
        .cal-head{display:grid;grid-template-columns:repeat(7,minmax(0,1fr));gap:2px;font-weight:600;text-align:center}
        .cal-days{display:grid;grid-template-columns:repeat(7,minmax(0,1fr));gap:2px;list-style:none;padding:0;margin:0}
        .cal-day{background:#fff;border:1px solid #d4d4d8;border-radius:.3rem;padding:.25rem;min-width:0;min-height:6rem}
        .cal-week .cal-day{min-height:20rem}
        .cal-out{background:#f4f4f5}.cal-today{border:2px solid #1d4ed8}
        .cal-drop{outline:3px dashed #1d4ed8;outline-offset:-3px}
        .cal-date{font-size:.85rem;margin:0 0 .2rem;font-weight:600}
        .cal-wd,.cal-month-name{display:none}.cal-count{font-weight:400;color:#52525b;font-size:.75rem}
        .cal-posts{list-style:none;padding:0;margin:0;display:flex;flex-direction:column;gap:2px}
        .cal-post{font-size:.78rem;line-height:1.3;border-radius:.25rem;padding:.1rem .25rem;border-left:4px solid #71717a;
          background:#f4f4f5;color:#18181b;overflow-wrap:anywhere;min-width:0}
        .cal-post[draggable=true]{cursor:grab}
        .cal-link{color:#18181b;text-decoration:none;display:block}.cal-link:hover{text-decoration:underline}
        .cal-month .cal-what{display:block;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
        .cal-time{font-weight:700;font-variant-numeric:tabular-nums}.cal-own{font-weight:400;color:#3f3f46}
        .cal-state{font-size:.72rem;text-transform:uppercase;letter-spacing:.02em}
        .cal-move{font-size:.75rem;color:#1e3a8a}
        .cal-more a{font-size:.75rem}
        .cal-s-pending_approval{background:#fef9c3;border-left-color:#a16207}
        .cal-s-approved{background:#dcfce7;border-left-color:#15803d}
        .cal-s-scheduled{background:#dbeafe;border-left-color:#1d4ed8}
        .cal-s-publishing,.cal-s-unknown{background:#ede9fe;border-left-color:#6d28d9}
        .cal-s-published{background:#e0e7ff;border-left-color:#3730a3}
        .cal-s-rejected,.cal-s-failed{background:#fee2e2;border-left-color:#b91c1c}
        .cal-s-missed{background:#ffedd5;border-left-color:#c2410c}
        .cal-s-cancelled,.cal-s-draft{background:#f4f4f5;border-left-color:#71717a}
        .cal-s-cancelled .cal-what{text-decoration:line-through}
        .cal-refused{border:2px solid #991b1b;background:#fef2f2}
        .cal-move-form input[type=date],.cal-move-form input[type=time]{font:inherit;padding:.3rem}
        @media (max-width:700px){
          .cal-head{display:none}
          .cal-days{display:block}
          .cal-day{min-height:0;margin:0 0 .4rem}
          .cal-week .cal-day{min-height:0}
          .cal-empty,.cal-month .cal-out{display:none}
          .cal-wd,.cal-month-name{display:inline}
          .cal-date{font-size:1rem}
          .cal-post{font-size:.9rem}
          .cal-month .cal-what{white-space:normal}
        }
        """

    /// `/static/calendar.js`: drag a post onto another day of the grid to move it there at the same
    /// time of day (in the account's own zone); it submits the move form the server also renders.
    static let script = """
        (function () {
          var grid = document.querySelector('[data-calendar]');
          if (!grid) return;
          var dragged = null;
          function day(target) { return target && target.closest ? target.closest('.cal-day[data-date]') : null; }
          function shift(date, days) {
            var d = new Date(date + 'T00:00:00Z');
            d.setUTCDate(d.getUTCDate() + days);
            return d.toISOString().slice(0, 10);
          }
          grid.addEventListener('dragstart', function (event) {
            var post = event.target.closest && event.target.closest('.cal-post[draggable=true]');
            if (!post) return;
            dragged = post;
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', post.getAttribute('data-move'));
          });
          grid.addEventListener('dragend', function () { dragged = null; });
          grid.addEventListener('dragover', function (event) {
            var cell = day(event.target);
            if (!cell || !dragged) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            cell.classList.add('cal-drop');
          });
          grid.addEventListener('dragleave', function (event) {
            var cell = day(event.target);
            if (cell && !cell.contains(event.relatedTarget)) cell.classList.remove('cal-drop');
          });
          grid.addEventListener('drop', function (event) {
            var cell = day(event.target);
            if (!cell || !dragged) return;
            event.preventDefault();
            cell.classList.remove('cal-drop');
            var from = dragged.getAttribute('data-day'), to = cell.getAttribute('data-date');
            if (from === to) return;
            var days = Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86400000);
            var fields = {
              csrf: grid.getAttribute('data-csrf'), back: grid.getAttribute('data-back'),
              revision: dragged.getAttribute('data-revision'), slot: dragged.getAttribute('data-slot'),
              date: shift(dragged.getAttribute('data-local-date'), days), time: dragged.getAttribute('data-time'),
              note: 'dragged in the calendar'
            };
            var form = document.createElement('form');
            form.method = 'post';
            form.action = dragged.getAttribute('data-move');
            Object.keys(fields).forEach(function (name) {
              var input = document.createElement('input');
              input.type = 'hidden';
              input.name = name;
              input.value = fields[name];
              form.appendChild(input);
            });
            document.body.appendChild(form);
            form.submit();
          });
        })();
        """
}
