// Waits for office.js to initialise. Outside an Office host (the local preview, a plain
// browser tab) Office.onReady still resolves, with host and platform null.
export interface OfficeReadyInfo {
  host: string | null;
  platform: string | null;
}

/** Resolves once office.js is ready; rejects when office.js is not on the page at all. */
export async function waitForOffice(): Promise<OfficeReadyInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    throw new Error('office.js is not loaded: the task pane must run inside Outlook or the local preview.');
  }
  const info = await Office.onReady();
  return { host: info.host ? String(info.host) : null, platform: info.platform ? String(info.platform) : null };
}
