/// The queue's own stylesheet (`/static/queue.css`): cards that stack on a 390 px phone without scrolling
/// sideways, network badges with white text on colours dark enough to read (WCAG AA).
enum QueueStylesheet {
    static let css = """
        .q-filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.25rem 1rem;align-items:end}
        .q-filter-box summary{cursor:pointer;font-weight:600;padding:.2rem 0}.q-filter-box[open] summary{margin-bottom:.5rem}
        .q-field label{margin:.2rem 0}.q-search{grid-column:1/-1}
        .q-filters input[type=search]{font:inherit;width:100%;padding:.4rem;border:1px solid #666;border-radius:.3rem}
        .q-check{display:flex;gap:.4rem;align-items:center}.q-check label{display:inline;margin:0}
        .q-buttons{display:flex;gap:1rem;align-items:center;padding:.3rem 0}
        .q-summary{font-variant-numeric:tabular-nums;color:#3f3f46}
        .q-list{list-style:none;margin:0 0 1rem;padding:0}
        .q-item{display:grid;grid-template-columns:1.5rem 72px minmax(0,1fr);gap:.75rem;align-items:start;background:#fff;
          border:1px solid #ddd;border-radius:.5rem;padding:.75rem;margin:0 0 .6rem}
        .q-item input[type=checkbox]{width:1.25rem;height:1.25rem;margin:.2rem 0}
        .q-thumbs{position:relative;display:block;width:72px;height:72px}
        .q-thumb{display:block;width:72px;height:72px;object-fit:cover;border-radius:.4rem;border:1px solid #ccc;
          background:#f4f4f5}
        .q-none{border-style:dashed}
        .q-video{display:flex;align-items:center;justify-content:center;font-size:1.5rem;color:#3f3f46}
        .q-more{position:absolute;right:2px;bottom:2px;background:#1b1b1f;color:#fff;font-size:.75rem;padding:0 .3rem;
          border-radius:.3rem}
        .q-body{min-width:0}.q-body p{margin:0 0 .3rem}
        .q-head{display:flex;flex-wrap:wrap;gap:.2rem .5rem;align-items:center;font-size:.9rem}
        .q-account{font-weight:600}.q-campaign{color:#52525b;overflow-wrap:anywhere}
        .q-text{overflow-wrap:anywhere}.q-text mark{background:#fef08a;color:inherit}
        .q-text a{color:#1b1b1f;text-decoration:none}.q-text a:hover{text-decoration:underline}
        .q-when{display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.9rem;color:#3f3f46}
        .q-rel{color:#52525b}.q-soon{color:#92400e;font-weight:600}
        html{scroll-padding-bottom:5rem}
        .q-actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;position:sticky;bottom:0;padding:.6rem 1rem;
          box-shadow:0 -2px 6px rgba(0,0,0,.08)}
        .q-actions p,.q-actions label{margin:0}.q-actions input{flex:1 1 14rem;min-width:0}
        .q-pager{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:center;margin:1rem 0}
        .net{display:inline-flex;align-items:center;justify-content:center;min-width:1.6rem;height:1.6rem;padding:0 .3rem;
          border-radius:.4rem;color:#fff;font-weight:700;font-size:.85rem;line-height:1}
        .net-x,.net-threads,.net-tiktok{background:#000}.net-bluesky{background:#0b5cad}.net-mastodon{background:#563acc}
        .net-linkedin{background:#0a66c2}.net-facebook{background:#1554c0}.net-instagram{background:#b0286f}
        .net-youtube{background:#c00}.net-pinterest{background:#b60018}.net-google_business{background:#1a73e8}
        @media (max-width:40rem){.q-item{grid-template-columns:1.5rem 56px minmax(0,1fr);gap:.5rem;padding:.5rem}
          .q-thumbs,.q-thumb{width:56px;height:56px}.q-filters{grid-template-columns:1fr}.q-actions{position:static}}
        """
}
