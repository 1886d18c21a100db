// Turns the product's taskpane.html into the preview's: the same page with the mailbox
// stand-in script inserted right after office.js and before the add-in's own scripts, and a
// one-line opt-out script right BEFORE office.js.
//
// Why the opt-out comes first: outside an Office host, office.js navigates its iframe to
// about:blank unless `OsfOptOut` is defined when its mapping table has loaded. That table is a
// script office.js inserts itself, and it may run while the parser still waits for the next
// classic script; if the stand-in (bundled on request in dev mode) arrives later than the table
// under load, the pane goes blank. A constant script before office.js removes that race (an
// inline script would do too, but the CSP allows none).
export const STANDIN_SCRIPT_PATH = '/preview/mailbox-standin.js';
export const OSF_OPT_OUT_SCRIPT_PATH = '/preview/osf-opt-out.js';
export const OSF_OPT_OUT_SCRIPT = '/* Crosswalk local preview: keeps office.js from blanking its frame outside Office. */\nwindow.OsfOptOut = true;\n';

const officeJsTag = /<script\b[^>]*\bsrc="\/office-js\/office\.js"[^>]*>\s*<\/script>/i;

/** Inserts the opt-out tag before and the stand-in tag after the office.js tag; throws when the page has no office.js tag. */
export function injectStandinScript(html: string): string {
  const match = officeJsTag.exec(html);
  if (!match) throw new Error('taskpane.html has no <script src="/office-js/office.js"> tag to put the mailbox stand-in after.');
  const start = match.index;
  const end = match.index + match[0].length;
  return `${html.slice(0, start)}<script src="${OSF_OPT_OUT_SCRIPT_PATH}"></script>\n    ${html.slice(start, end)}\n    <script src="${STANDIN_SCRIPT_PATH}"></script>${html.slice(end)}`;
}
