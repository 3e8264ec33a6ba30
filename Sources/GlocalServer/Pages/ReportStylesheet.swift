/// The report's own stylesheet (served at `/static/report.css`, after the shared one): figures,
/// charts, and a print layout where "print to PDF" gives headline figures and charts on the first
/// page, sections on pages of their own, and no navigation or form.
enum ReportStylesheet {
    static let css = """
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .report h2{margin:1.5rem 0 .5rem}.report h3{font-size:1rem;margin:0 0 .25rem}
        .report-period{font-size:1.05rem}
        .report-controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin:.5rem 0}
        .report-controls label{margin:0 0 .2rem}
        .report-controls input[type=date]{font:inherit;padding:.35rem;border:1px solid #666;border-radius:.3rem}
        .report-hint,.figure-compare,.chart-note{color:#4b5563;font-size:.9rem;margin:.25rem 0}
        .figures{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.75rem}
        .figure{background:#fff;border:1px solid #d4d4d8;border-radius:.5rem;padding:.75rem 1rem;display:flex;flex-direction:column}
        .figure-label{font-weight:600;color:#374151}
        .figure-value{font-size:2rem;font-weight:700;font-variant-numeric:tabular-nums;line-height:1.2}
        .figure-detail{color:#4b5563;font-size:.85rem}
        .figure-delta{font-variant-numeric:tabular-nums;margin-top:.25rem}
        .delta-up{color:#166534}.delta-down{color:#991b1b}.delta-flat,.delta-na{color:#4b5563}.figure-vs{color:#4b5563;font-size:.85rem}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem}
        .chart{background:#fff;border:1px solid #d4d4d8;border-radius:.5rem;padding:.75rem;margin:0;min-width:0}
        .chart svg{width:100%;height:auto;display:block}
        .chart-wide{grid-column:1 / -1}.chart-wide svg{max-width:46rem}
        .chart-label,.chart-value,.chart-axis{font:12px system-ui,sans-serif;fill:#1f2937}
        .chart-bar{fill:#1d4ed8}.heat{fill:#1d4ed8}.heat-empty{fill:#e5e7eb}
        .chart-table{margin:.25rem 0 0;font-size:.9rem}
        .report td.num,.report th.num{text-align:right;font-variant-numeric:tabular-nums}
        .report-definitions dt{font-weight:600}.report-definitions dd{margin:0 0 .5rem 1rem}
        .all-time h2{font-size:1.1rem}.all-time figure{margin:1em 0}.all-time figcaption{font-weight:600}
        .all-time .axis{font-size:11px;fill:#4b5563}.all-time .none,.all-time .note{color:#4b5563}
        @media (max-width:40rem){.charts{grid-template-columns:1fr}.figure{padding:.5rem .6rem}.figure-value{font-size:1.5rem}.chart{padding:.5rem}}
        @media print{
        @page{size:A4;margin:12mm}
        header,nav,.skip,.report-controls,.report-hint,.report-actions,.chart-table,.crisis,.notice{display:none!important}
        body{background:#fff;font-size:10pt;color:#000}main{max-width:none;padding:0;margin:0}
        .report h1{font-size:16pt;margin:0 0 .25rem}.report h2{font-size:12pt;margin:.5rem 0 .25rem}
        .figures{grid-template-columns:repeat(3,1fr);gap:.4rem}.figure{padding:.35rem .5rem;break-inside:avoid}
        .figure-value{font-size:15pt}.figure-detail,.figure-vs,.figure-compare,.chart-note{font-size:8pt}
        .report-period{font-size:10pt;margin:0 0 .25rem}.chart h3{font-size:10pt}
        .charts{grid-template-columns:repeat(2,1fr);gap:.4rem}.chart{padding:.35rem;break-inside:avoid}
        .chart-wide{grid-column:auto}.chart-wide svg{max-width:100%}
        .report-section{break-before:page}
        .table-wrap{overflow:visible}table{font-size:9pt}tr{break-inside:avoid}thead{display:table-header-group}
        a{color:inherit;text-decoration:none}
        }
        """
}
