/// The previews' and live counter's stylesheet, served as /static/previews.css (apart from the shared
/// app.css): each network's look, crops as `aspect-ratio` with `object-fit: cover`, nothing wider than a phone.
enum PreviewStylesheet {
    static let css = """
        .preview-frame{max-width:36rem;margin:0 0 1rem}
        .pv{background:#fff;color:#0f1419;border:1px solid #cfd9de;border-radius:.75rem;padding:.75rem 1rem;
        overflow-wrap:anywhere}
        .pv p{margin:.2rem 0}
        .pv-head{display:flex;gap:.6rem;align-items:center;margin-bottom:.3rem}
        .pv-who{margin:0;line-height:1.25}
        .pv-avatar{flex:0 0 2.5rem;width:2.5rem;height:2.5rem;border-radius:50%;background:#20223a;color:#fff;display:flex;
        align-items:center;justify-content:center;font-weight:700}
        .pv-handle{color:#536471}
        .pv-text{white-space:normal;margin:.3rem 0}
        .pv .hashtag,.pv .mention,.pv .link{color:#0b5fad}
        .pv-more{display:inline}.pv-more summary{display:inline;cursor:pointer;color:#536471;font-weight:600;list-style:none}
        .pv-more summary::-webkit-details-marker{display:none}.pv-more[open] summary{display:none}
        .pv-media{margin:.5rem 0;border-radius:.75rem;overflow:hidden}
        .pv-media img,.pv-video{display:block;width:100%;height:auto;object-fit:cover;background:#e5e7eb}
        .pv-grid{display:grid;gap:2px;grid-template-columns:1fr 1fr}.pv-grid.pv-n1{grid-template-columns:1fr}
        .pv-grid.pv-n3>:first-child{grid-row:span 2;aspect-ratio:auto;height:100%}
        .pv-carousel{display:flex;gap:4px;overflow-x:auto;scroll-snap-type:x mandatory}
        .pv-carousel>*{flex:0 0 100%;scroll-snap-align:start}
        .pv-dots{text-align:center;color:#0b5fad;letter-spacing:.1rem;margin:0}
        .pv-video{display:flex;align-items:center;justify-content:center;gap:.4rem;background:#111;color:#fff;padding:.5rem}
        .pv-video span{font-size:2rem}
        .ar-16x9{aspect-ratio:16/9}.ar-4x3{aspect-ratio:4/3}.ar-1x1{aspect-ratio:1/1}.ar-4x5{aspect-ratio:4/5}
        .ar-1_91x1{aspect-ratio:1.91/1}.ar-9x16{aspect-ratio:9/16}.ar-2x3{aspect-ratio:2/3}
        .pv-card{border:1px solid #cfd9de;border-radius:.75rem;overflow:hidden;margin:.5rem 0}
        .pv-card-image{aspect-ratio:1.91/1;background:linear-gradient(135deg,#e5e7eb,#cbd5e1)}
        .pv-card p{margin:0;padding:.1rem .75rem}.pv-card-host{color:#536471;font-size:.85rem;padding-top:.4rem}
        .pv-card-title{font-weight:600;padding-bottom:.5rem}
        .pv-actions{color:#536471;font-size:.9rem;margin-top:.4rem}
        .pv-reply,.pv-comment{display:flex;gap:.6rem;max-width:36rem;margin:.25rem 0 0 1.25rem;padding:.6rem .8rem;
        border-left:2px solid #cfd9de;background:#fff;overflow-wrap:anywhere}
        .pv-comment p{background:#f2f3f5;border-radius:.6rem;padding:.4rem .6rem;margin:0}
        .pv-reply-to{color:#536471;font-size:.9rem}
        .pv-reply .link,.pv-comment .link{color:#0b5fad}
        .pv-x{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}.pv-x .pv-grid{border-radius:1rem}
        .pv-bluesky .hashtag,.pv-bluesky .mention,.pv-bluesky .link{color:#0a5cc2}
        .pv-mastodon{border-radius:.5rem}.pv-mastodon .hashtag,.pv-mastodon .mention,.pv-mastodon .link{color:#4e35c2}
        .pv-threads{border:0;border-bottom:1px solid #dbdbdb;border-radius:0}.pv-threads .pv-carousel>*{flex-basis:70%}
        .pv-threads .pv-media{border-radius:.5rem}
        .pv-linkedin{border-radius:.5rem;border-color:#d9d9d9}
        .pv-linkedin .hashtag,.pv-linkedin .mention,.pv-linkedin .link{color:#0a66c2;font-weight:600}
        .pv-linkedin .pv-media,.pv-facebook .pv-media{margin:.5rem -1rem;border-radius:0}
        .pv-facebook{border-radius:.5rem;border-color:#ced0d4}
        .pv-facebook .hashtag,.pv-facebook .mention,.pv-facebook .link{color:#1560c8}
        .pv-facebook .pv-card{margin:.5rem -1rem;border-radius:0;border-left:0;border-right:0;background:#f0f2f5}
        .pv-facebook .pv-card-host{text-transform:uppercase}
        .pv-instagram{border-color:#dbdbdb;border-radius:.5rem;padding:0 0 .75rem}.pv-instagram .pv-head{padding:.6rem .75rem 0}
        .pv-instagram .pv-media{border-radius:0}.pv-instagram .pv-actions,.pv-instagram .pv-caption{padding:0 .75rem}
        .pv-instagram .hashtag,.pv-instagram .mention{color:#00376b}.pv-caption .pv-text{display:inline}
        .pv-youtube{border:0;padding:0;background:transparent}.pv-youtube .pv-title{font-size:1.15rem;margin:.5rem 0}
        .pv-youtube .pv-description{background:#f2f2f2;border-radius:.75rem;padding:.6rem .8rem;margin-top:.5rem}
        .pv-missing{color:#991b1b}
        .pv-pinterest{max-width:20rem;border-radius:1rem;border-color:#e9e9e9}.pv-pinterest .pv-media{border-radius:1rem}
        .pv-pinterest .pv-title{font-size:1.05rem;margin:.5rem 0 .25rem}
        .pv-google_business{border-radius:.5rem;border-color:#dadce0}.pv-google_business .pv-cta{color:#1a73e8;font-weight:600}
        .pv-tiktok{position:relative;max-width:20rem;background:#000;color:#fff;border:0;padding:0;overflow:hidden}
        .pv-tiktok .pv-media{margin:0;border-radius:0}
        .pv-tiktok .pv-overlay{position:absolute;left:0;right:0;bottom:0;padding:.75rem;
        background:linear-gradient(transparent,rgba(0,0,0,.85))}
        .pv-tiktok .pv-overlay:first-child{position:static}
        .pv-tiktok .hashtag,.pv-tiktok .mention,.pv-tiktok .pv-more summary{color:#fff;font-weight:700}
        .pv-webhook{background:#eef2ff;border:1px solid #4338ca;color:#312e81;padding:.4rem .6rem;border-radius:.4rem}
        .pv-count{margin:.4rem 0}.pv-method{color:#4b5563;font-size:.9rem}
        .live-count{margin:.3rem 0}.live-counter{margin:0}.live-counter.over .counter{color:#991b1b}
        .live-problems{list-style:none;padding:0;margin:.3rem 0}
        .problem{border-left:4px solid #991b1b;background:#fef2f2;color:#7f1d1d;padding:.3rem .6rem;margin:.2rem 0}
        .problem-warning{border-color:#92400e;background:#fffbeb;color:#78350f}
        .problem p{margin:0}.problem summary{cursor:pointer;font-size:.85rem}.problem code{white-space:pre-wrap}
        """
}
