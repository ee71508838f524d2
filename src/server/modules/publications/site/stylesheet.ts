/**
 * The public site's one stylesheet (served as /p/site.css: the Content-Security-Policy allows no inline style).
 * Readable on a phone (one column, wide tables scroll in their own box), printable on A4 (navigation and the skip
 * link left off, links printed as text).
 */
export const SITE_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #505050; --line: #c8c8c8; --link: #0645ad; --accent: #005a9c; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif; color: var(--ink); line-height: 1.7; background: #fff; }
a { color: var(--link); }
a:focus-visible, input:focus-visible, select:focus-visible, button:focus-visible { outline: 3px solid #f0a000; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: .75rem 1rem; }
header { border-bottom: 2px solid var(--accent); }
.site-name { margin: 0; font-weight: bold; }
.site-name a { color: var(--ink); text-decoration: none; }
.trail { list-style: none; margin: .25rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem .75rem; font-size: .9rem; }
.trail li + li::before { content: "›"; margin-right: .75rem; color: var(--muted); }
h1 { font-size: 1.5rem; line-height: 1.4; }
h2 { font-size: 1.2rem; border-left: 4px solid var(--accent); padding-left: .5rem; margin-top: 2rem; }
.dates, .note { color: var(--muted); font-size: .9rem; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; min-width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eef3f8; }
td.num, th.num { text-align: right; }
/* on a phone a wide table keeps readable columns and scrolls in its box instead of folding its words a letter a line */
@media (max-width: 40rem) { th, td { min-width: 6.5em; } th:first-child, td:first-child { min-width: 10em; } }
.tree ul { list-style: none; padding-left: 1.25rem; border-left: 1px dotted var(--line); }
.tree > ul { padding-left: 0; border: 0; }
.tag { display: inline-block; font-size: .8rem; border: 1px solid var(--accent); color: var(--accent); border-radius: 3px; padding: 0 .3rem; margin-left: .3rem; }
form.filters, form.search { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: 1rem 0; }
form label { display: flex; flex-direction: column; font-size: .9rem; }
input, select, button { font: inherit; padding: .3rem .5rem; }
button { background: var(--accent); color: #fff; border: 0; border-radius: 3px; cursor: pointer; }
figure.chart { margin: 1rem 0; }
figure.chart svg { width: 100%; max-width: 44rem; height: auto; }
dl.fields dt { font-weight: bold; margin-top: .75rem; }
dl.fields dd { margin: 0 0 0 1rem; white-space: pre-wrap; }
footer { border-top: 1px solid var(--line); font-size: .9rem; color: var(--muted); margin-top: 2rem; }
@media print {
  @page { size: A4; margin: 15mm; }
  .skip, nav, form.filters, form.search, footer a { display: none; }
  header, main, footer { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .table-scroll { overflow: visible; }
  table { font-size: 9pt; page-break-inside: auto; }
  tr { page-break-inside: avoid; }
}
`;
