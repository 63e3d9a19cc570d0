/**
 * The screen's style sheet, written to assets/review.css. Colours keep at least 4.5:1 contrast for
 * text (WCAG AA); focus is always visible.
 */
export const SCREEN_CSS = `
:root {
  --redact: #b3261e; --redact-fill: rgba(179, 38, 30, 0.22);
  --keep: #1b6e30; --keep-fill: rgba(27, 110, 48, 0.14);
  --open: #8a4600; --open-fill: rgba(242, 153, 0, 0.32);
  --added: #5b2a86; --added-fill: rgba(91, 42, 134, 0.22);
  --focus: #0b57d0; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c4c4c4; --bg: #f4f4f2;
  font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; font-size: 15px; color: var(--ink);
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; background: var(--bg); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
button { font: inherit; color: var(--ink); background: #fff; border: 1px solid #767676; border-radius: 4px; padding: 4px 10px; cursor: pointer; }
button:hover { background: #e8eefc; }
button[aria-pressed="true"], button[aria-selected="true"] { background: #dbe6fb; border-color: var(--focus); }
select, input { font: inherit; border: 1px solid #767676; border-radius: 4px; padding: 3px 4px; background: #fff; color: var(--ink); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.banner { background: #8c1d18; color: #fff; padding: 6px 14px; font-size: 14px; }
.bar { display: flex; align-items: center; gap: 16px; padding: 6px 14px; background: #fff; border-bottom: 1px solid var(--line); }
.bar h1 { font-size: 18px; margin: 0; }
.progress { margin: 0; color: var(--muted); flex: 1; }
.actions { display: flex; gap: 6px; }
.layout { flex: 1; display: grid; grid-template-columns: 230px 1fr 380px; min-height: 0; }
.docs, .side { background: #fff; overflow: auto; min-height: 0; }
.docs { border-right: 1px solid var(--line); padding: 8px; }
.side { border-left: 1px solid var(--line); display: flex; flex-direction: column; }
h2 { font-size: 14px; margin: 8px 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.doc-list { list-style: none; margin: 0; padding: 0; max-height: 42vh; overflow: auto; }
.doc-list button { width: 100%; text-align: left; margin: 2px 0; display: block; }
.doc-list .meta { display: block; font-size: 12px; color: var(--muted); }
.doc-list .done .meta { color: var(--keep); }
.page-strip { display: flex; flex-wrap: wrap; gap: 3px; max-height: 40vh; overflow: auto; }
.page-strip button { min-width: 38px; padding: 2px 4px; font-size: 13px; }
.page-strip button.has-open { border-color: var(--open); border-width: 2px; }
.page-strip button.has-items::after { content: "\\2022"; color: var(--redact); margin-left: 2px; }
.page-strip button[aria-current="page"] { background: #dbe6fb; border-color: var(--focus); font-weight: 600; }
.viewer { display: flex; flex-direction: column; min-width: 0; min-height: 0; }
.viewer-bar { display: flex; align-items: center; gap: 8px; padding: 6px 10px; border-bottom: 1px solid var(--line); background: #fff; }
.doc-title { font-weight: 600; flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.legend { font-size: 13px; color: var(--muted); }
.sw { display: inline-block; width: 12px; height: 12px; margin: 0 3px 0 8px; vertical-align: -1px; border: 2px solid; }
.sw.redact { border-color: var(--redact); background: var(--redact-fill); }
.sw.keep { border-color: var(--keep); background: var(--keep-fill); }
.sw.open { border-color: var(--open); background: var(--open-fill); border-style: dashed; }
.sw.added { border-color: var(--added); background: var(--added-fill); }
.stage { flex: 1; overflow: auto; padding: 14px; min-height: 0; }
.page { position: relative; margin: 0 auto; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,0.3); user-select: none; touch-action: none; }
.page canvas { display: block; }
.page .loading { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; color: var(--muted); }
.box { position: absolute; border: 2px solid; cursor: pointer; }
.box .label { position: absolute; left: calc(100% + 1px); top: -9px; font-size: 10px; line-height: 12px; padding: 0 2px; opacity: 0.92; color: #fff; white-space: nowrap; pointer-events: none; }
.box.redact { border-color: var(--redact); background: var(--redact-fill); } .box.redact .label { background: var(--redact); }
.box.keep { border-color: var(--keep); background: var(--keep-fill); } .box.keep .label { background: var(--keep); }
.box.open { border-color: var(--open); border-style: dashed; background: var(--open-fill); } .box.open .label { background: var(--open); }
.box.added { border-color: var(--added); background: var(--added-fill); } .box.added .label { background: var(--added); }
.box.selected { outline: 3px solid var(--focus); outline-offset: 2px; z-index: 2; }
.drawing { position: absolute; border: 2px dashed var(--added); background: var(--added-fill); pointer-events: none; }
.text-doc { white-space: pre-wrap; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 14px; line-height: 1.6; background: #fff; padding: 24px 28px; max-width: 900px; margin: 0 auto; box-shadow: 0 1px 4px rgba(0,0,0,0.3); user-select: text; }
.text-doc .pb::before { content: "Pagina " attr(data-page); }
.text-doc .pb { display: block; border-top: 1px dashed var(--line); color: var(--muted); font-size: 12px; margin: 8px 0; }
mark { color: var(--ink); border-bottom: 3px solid; padding: 1px 0; cursor: pointer; }
mark::after { content: attr(data-label); font-size: 10px; vertical-align: super; margin-left: 2px; padding: 0 2px; color: #fff; }
mark.redact { background: var(--redact-fill); border-color: var(--redact); } mark.redact::after { background: var(--redact); }
mark.keep { background: var(--keep-fill); border-color: var(--keep); } mark.keep::after { background: var(--keep); }
mark.open { background: var(--open-fill); border-color: var(--open); border-bottom-style: dashed; } mark.open::after { background: var(--open); }
mark.added { background: var(--added-fill); border-color: var(--added); } mark.added::after { background: var(--added); }
mark.selected { outline: 3px solid var(--focus); outline-offset: 1px; }
.tabs { display: flex; gap: 4px; padding: 8px 8px 0; }
.filters { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 6px; padding: 8px; border-bottom: 1px solid var(--line); font-size: 13px; }
.filters label { display: flex; flex-direction: column; color: var(--muted); }
.filters label[hidden] { display: none; }
.item-list { list-style: none; margin: 0; padding: 0; overflow: auto; flex: 1; min-height: 120px; }
.item-list li { padding: 5px 8px; border-bottom: 1px solid #e6e6e6; cursor: pointer; display: flex; gap: 6px; align-items: baseline; }
.item-list li[aria-selected="true"] { background: #dbe6fb; box-shadow: inset 4px 0 0 var(--focus); }
.item-list .tag { font-size: 11px; padding: 0 4px; border-radius: 3px; color: #fff; flex: none; }
.tag.redact { background: var(--redact); } .tag.keep { background: var(--keep); } .tag.open { background: var(--open); } .tag.added { background: var(--added); }
.item-list .what { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.item-list .meta { font-size: 12px; color: var(--muted); flex: none; }
.item-list .more { color: var(--muted); cursor: default; }
.detail { border-top: 1px solid var(--line); padding: 8px 10px; font-size: 14px; max-height: 45vh; overflow: auto; }
.detail .value { font-weight: 600; }
.detail .ctx { color: var(--muted); font-size: 13px; margin: 4px 0; }
.detail .ctx b { color: var(--ink); background: var(--open-fill); }
.detail .row { display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0; }
.detail dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 4px 0; font-size: 13px; }
.detail dt { color: var(--muted); }
.detail dd { margin: 0; }
dialog { border: 1px solid #767676; border-radius: 6px; padding: 14px 18px; min-width: 340px; }
dialog::backdrop { background: rgba(0,0,0,0.35); }
dialog ol { padding-left: 0; list-style: none; margin: 8px 0; }
dialog li button { width: 100%; text-align: left; margin: 2px 0; }
dialog .hint { font-size: 12px; color: var(--muted); }
dialog .row { display: flex; gap: 6px; margin-top: 10px; }
dialog label { display: block; margin: 6px 0 4px; }
dialog input { width: 100%; }
#help-body table { border-collapse: collapse; font-size: 14px; }
#help-body td { padding: 2px 10px 2px 0; vertical-align: top; }
kbd { font-family: ui-monospace, monospace; border: 1px solid #999; border-radius: 3px; padding: 0 4px; background: #f6f6f6; }
.noscript, .notice { padding: 12px; }
.notice { color: var(--redact); }
`;
