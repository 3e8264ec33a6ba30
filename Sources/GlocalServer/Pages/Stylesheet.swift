/// The one stylesheet: readable on a phone, visible focus, colour never the only signal.
///
/// The focus ring is dark amber (5:1 on the light page) with a white gap, light amber on the dark header:
/// at least 3:1 against what surrounds it everywhere (WCAG 2.2 focus appearance).
enum Stylesheet {
    static let css = """
        *{box-sizing:border-box}
        body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1f;background:#fafafa}
        header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.75rem 1rem;background:#20223a;color:#fff}
        header a{color:#fff}.brand{font-size:1.2rem}
        nav{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;flex:1}
        nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0;flex-wrap:wrap}
        .who{margin-right:.5rem;font-size:.9rem}
        main{max-width:72rem;margin:0 auto;padding:1rem}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
        a{color:#1d4ed8}
        a:focus,button:focus,input:focus,textarea:focus,select:focus,summary:focus,[tabindex]:focus{
        outline:3px solid #b45309;outline-offset:2px;box-shadow:0 0 0 2px #fff}
        header :focus{outline-color:#fbbf24}
        button{font:inherit;padding:.4rem .9rem;border-radius:.4rem;border:1px solid #444;background:#fff;cursor:pointer}
        button.primary{background:#166534;color:#fff;border-color:#166534}
        button.danger{background:#991b1b;color:#fff;border-color:#991b1b}
        textarea,input[type=text],input[type=email],input[type=password],select{font:inherit;width:100%;padding:.4rem;border:1px solid #666;border-radius:.3rem}
        textarea{min-height:9rem}
        label{font-weight:600;display:block;margin:.5rem 0 .2rem}
        form.inline{display:inline-flex;flex-wrap:wrap;gap:.5rem;align-items:center;max-width:100%}
        h1,h2{overflow-wrap:anywhere}select{max-width:100%}
        .notice{background:#dcfce7;border:1px solid #166534;padding:.5rem 1rem;border-radius:.4rem}
        .error{color:#991b1b;font-weight:600}
        .field-error{border:2px solid #991b1b;background:#fef2f2;padding:.4rem .6rem;border-radius:.3rem;color:#7f1d1d;margin:.3rem 0}
        .warning{color:#92400e}
        .late{background:#fef2f2;border-left:4px solid #991b1b;padding:.3rem .6rem}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
        .table-wrap{overflow-x:auto}
        .columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
        .card{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
        .login{max-width:28rem}
        .post{white-space:normal;word-wrap:break-word}
        .post .hashtag,.post .mention,.post .link{color:#1d4ed8}
        .counter{font-variant-numeric:tabular-nums}.over{color:#991b1b;font-weight:700}
        .media{display:flex;gap:.5rem;flex-wrap:wrap}.media img{max-width:9rem;max-height:9rem;border-radius:.3rem;border:1px solid #ccc}
        .linkcard{border:1px solid #ccc;border-radius:.5rem;padding:.5rem;margin-top:.5rem;background:#f4f4f5;word-break:break-all}
        .comment{margin-top:.5rem;padding:.5rem;border-left:3px solid #999;background:#f4f4f5;word-break:break-all}
        del{background:#fee2e2;color:#7f1d1d}ins{background:#dcfce7;color:#14532d;text-decoration:underline}
        .state{display:inline-block;padding:0 .4rem;border-radius:.3rem;border:1px solid #999;font-size:.85rem}
        .state-approved{background:#dcfce7}.state-rejected{background:#fee2e2}.state-pending_approval{background:#fef9c3}
        .progress{font-variant-numeric:tabular-nums}
        .crisis{background:#fef2f2;border:3px solid #991b1b;color:#7f1d1d;padding:.75rem 1rem;border-radius:.4rem;margin:0 0 1rem}
        .hold-warning{background:#fffbeb;border:2px solid #92400e;color:#78350f;padding:.75rem 1rem;border-radius:.4rem;margin:0 0 1rem}
        .hold{display:inline-block;padding:0 .4rem;border-radius:.3rem;border:1px solid #999;font-size:.85rem;font-weight:600}
        .hold-ok{background:#dcfce7}.hold-paused{background:#e5e7eb}.hold-reconnect{background:#fee2e2}.hold-limited{background:#fef9c3}
        code{font-family:ui-monospace,monospace;background:#f4f4f5;padding:0 .2rem;border-radius:.2rem}
        @media (max-width:40rem){th.optional,td.optional{display:none}main{padding:.5rem}}
        """
}
