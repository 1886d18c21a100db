// Turns the product's taskpane.html into the preview's: the same page with the mailbox
// stand-in script inserted right after office.js and before the add-in's own scripts.
export const STANDIN_SCRIPT_PATH = '/preview/mailbox-standin.js';

const officeJsTag = /<script\b[^>]*\bsrc="\/office-js\/office\.js"[^>]*>\s*<\/script>/i;

/** Inserts the stand-in tag after the office.js tag; throws when the page has no office.js tag. */
export function injectStandinScript(html: string): string {
  const match = officeJsTag.exec(html);
  if (!match) throw new Error('taskpane.html has no <script src="/office-js/office.js"> tag to put the mailbox stand-in after.');
  const end = match.index + match[0].length;
  return `${html.slice(0, end)}\n    <script src="${STANDIN_SCRIPT_PATH}"></script>${html.slice(end)}`;
}
