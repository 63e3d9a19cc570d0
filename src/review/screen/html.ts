/** review.html: the skeleton the screen fills in (src/review/screen/client). Dutch, like its users. */
import { ASSETS_DIR, CLIENT_SCRIPT, SCREEN_INDEX_SCRIPT, STYLE_SHEET } from './names.js';

// No network, whatever a document or a script asks: only files beside the page, data: and blob:.
const CSP =
  "default-src 'none'; script-src file: 'self' 'wasm-unsafe-eval'; style-src file: 'self' 'unsafe-inline'; img-src data: blob:; font-src data: blob:; connect-src 'none'; worker-src blob:; form-action 'none'; base-uri 'none'";

export function screenHtml(): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Beoordeling (INTERN) - woo-redact</title>
<link rel="stylesheet" href="${ASSETS_DIR}/${STYLE_SHEET}">
</head>
<body>
<div class="banner" role="region" aria-label="Waarschuwing: intern">
  <strong>INTERN - niet openbaar maken.</strong>
  Dit scherm toont de gegevens die worden gelakt, leesbaar. Stuur deze map niet door en publiceer haar niet.
</div>
<header class="bar">
  <h1>Beoordeling</h1>
  <p id="progress" class="progress" aria-live="polite">Laden...</p>
  <div class="actions">
    <button type="button" id="btn-who" title="Wie beslist">Naam</button>
    <button type="button" id="btn-import">Importeren</button>
    <input type="file" id="import-file" accept=".json,application/json" hidden>
    <button type="button" id="btn-approve">Goedkeuren</button>
    <button type="button" id="btn-export" aria-keyshortcuts="e">Exporteren (E)</button>
    <button type="button" id="btn-help" aria-keyshortcuts="?">Toetsen (?)</button>
  </div>
</header>
<main class="layout">
  <nav class="docs" aria-label="Documenten en pagina's">
    <h2 id="docs-heading">Documenten</h2>
    <ul id="doc-list" class="doc-list" aria-labelledby="docs-heading"></ul>
    <h2 id="pages-heading">Pagina's</h2>
    <div id="page-strip" class="page-strip" role="group" aria-labelledby="pages-heading"></div>
  </nav>
  <section class="viewer" aria-label="Document">
    <div class="viewer-bar">
      <span id="doc-title" class="doc-title"></span>
      <button type="button" id="prev-page" aria-label="Vorige pagina" aria-keyshortcuts="ArrowLeft PageUp">&#9664;</button>
      <span id="page-label" aria-live="polite"></span>
      <button type="button" id="next-page" aria-label="Volgende pagina" aria-keyshortcuts="ArrowRight PageDown">&#9654;</button>
      <span class="legend" aria-hidden="true"><span class="sw redact"></span>lakken <span class="sw keep"></span>openbaar <span class="sw open"></span>open (wordt gelakt) <span class="sw added"></span>toegevoegd</span>
    </div>
    <div id="stage" class="stage" tabindex="-1" aria-label="Pagina"></div>
  </section>
  <aside class="side" aria-label="Vondsten en personen">
    <div class="tabs" role="tablist" aria-label="Lijst">
      <button type="button" role="tab" id="tab-findings" aria-selected="true" aria-controls="item-list">Vondsten</button>
      <button type="button" role="tab" id="tab-persons" aria-selected="false" aria-controls="item-list">Personen</button>
    </div>
    <div id="filters" class="filters"></div>
    <ul id="item-list" class="item-list" role="listbox" tabindex="0" aria-label="Vondsten"></ul>
    <div id="detail" class="detail"></div>
  </aside>
</main>
<div id="status" class="sr-only" role="status" aria-live="polite"></div>
<dialog id="chooser" aria-labelledby="chooser-title"><h2 id="chooser-title"></h2><ol id="chooser-options"></ol><p class="hint">Kies met een cijfer, of met de pijltjes en Enter. Esc: annuleren.</p></dialog>
<dialog id="who-dialog" aria-labelledby="who-title"><form method="dialog"><h2 id="who-title">Wie beslist?</h2><label for="who-name">Naam (komt in het beslissingenbestand)</label><input id="who-name" autocomplete="name" required><div class="row"><button value="ok" id="who-ok">Opslaan</button><button value="cancel" formnovalidate>Annuleren</button></div></form></dialog>
<dialog id="help-dialog" aria-labelledby="help-title"><h2 id="help-title">Toetsen</h2><div id="help-body"></div><form method="dialog"><button>Sluiten</button></form></dialog>
<noscript><p class="noscript">Dit scherm heeft JavaScript nodig.</p></noscript>
<script src="${SCREEN_INDEX_SCRIPT}"></script>
<script src="${ASSETS_DIR}/${CLIENT_SCRIPT}"></script>
</body>
</html>
`;
}

/** When propose runs without the built screen (the sources without `npm run build`). */
export function missingAssetsHtml(): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Beoordeling (INTERN) - woo-redact</title></head>
<body><p>Het beoordelingsscherm is niet meegeleverd: deze woo-redact is niet gebouwd (npm run build). Het pakket zelf is compleet; beslis in decisions.internal.json.</p></body></html>
`;
}
