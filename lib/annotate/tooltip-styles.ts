// The tooltip's whole stylesheet, applied inside its shadow root (nothing leaks in or out).
// Quiet by design: system font, neutral surface, one accent; light and dark follow the reader's scheme.
export const TOOLTIP_CSS = `
:host { all: initial; }
.card {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d8dee4; --accent: #9a3412; --link: #0b5cad;
  --chip: #f3f4f6; --shadow: 0 8px 24px rgba(31, 35, 40, .16), 0 1px 3px rgba(31, 35, 40, .12);
  box-sizing: border-box; width: min(380px, calc(100vw - 16px)); max-height: min(420px, calc(100vh - 16px));
  overflow: auto; padding: 14px 16px 12px; border-radius: 10px; border: 1px solid var(--line);
  background: var(--bg); color: var(--fg); box-shadow: var(--shadow);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  text-align: start; letter-spacing: normal; outline: none;
}
@media (prefers-color-scheme: dark) {
  .card {
    --bg: #1c2128; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --accent: #f0a36b; --link: #79b8ff;
    --chip: #2d333b; --shadow: 0 8px 24px rgba(0, 0, 0, .5);
  }
}
.card:focus-visible { outline: 2px solid color-mix(in srgb, var(--link) 55%, transparent); outline-offset: 2px; }
header { display: flex; align-items: baseline; gap: 8px; margin: 0 0 2px; }
h2 { margin: 0; font: 600 15px/1.3 inherit; font-family: inherit; color: var(--fg); }
.count { color: var(--accent); font-weight: 600; white-space: nowrap; }
.close { margin-inline-start: auto; border: 0; background: none; color: var(--muted); font: 18px/1 inherit;
  font-family: inherit; cursor: pointer; padding: 2px 4px; border-radius: 4px; }
.close:hover, .close:focus-visible { color: var(--fg); background: var(--chip); outline: none; }
.why { margin: 0 0 10px; color: var(--muted); font-size: 12px; }
ol { list-style: none; margin: 0; padding: 0; }
li { padding: 8px 0; border-top: 1px solid var(--line); }
.title { color: var(--fg); font-weight: 500; text-decoration: none; }
a.title:hover, a.title:focus-visible { color: var(--link); text-decoration: underline; outline: none; }
.meta { margin-top: 3px; color: var(--muted); font-size: 12px; }
.status { display: inline-block; padding: 0 6px; border-radius: 999px; background: var(--chip); color: var(--fg); font-size: 11px; }
.status.denied, .status.disputed { font-style: italic; }
.page-report { margin-bottom: 2px; color: var(--link); font-size: 11.5px; font-weight: 600; }
.source { margin-top: 2px; font-size: 12px; }
.source a { color: var(--link); text-decoration: none; }
.source a:hover, .source a:focus-visible { text-decoration: underline; outline: none; }
footer { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding-top: 10px; border-top: 1px solid var(--line); }
.shown { color: var(--muted); font-size: 12px; }
.open { margin-inline-start: auto; border: 1px solid var(--line); background: var(--chip); color: var(--fg);
  font: 500 12px/1 inherit; font-family: inherit; padding: 7px 10px; border-radius: 6px; cursor: pointer; }
.open:hover, .open:focus-visible { border-color: var(--link); outline: none; }
.empty { margin: 6px 0; color: var(--muted); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
