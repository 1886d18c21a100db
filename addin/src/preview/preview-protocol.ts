// How the preview page and the mailbox stand-in inside the task-pane iframe talk: the initial
// state travels in the iframe URL's hash (so the item exists before Office.onReady resolves),
// later changes by postMessage on the same origin.
import type { PreviewAddress, PreviewMessage, PreviewUser } from './preview-message.ts';

export type PreviewTheme = 'light' | 'dark';
export type PreviewItemMode = 'read' | 'compose';

export interface PreviewState {
  user: PreviewUser;
  message: PreviewMessage | null;
  mode: PreviewItemMode;
  theme: PreviewTheme;
}

export const PREVIEW_MESSAGE_SOURCE = 'crosswalk-preview';

export type PreviewCommand =
  | { source: typeof PREVIEW_MESSAGE_SOURCE; type: 'select-item'; message: PreviewMessage | null; mode: PreviewItemMode }
  | { source: typeof PREVIEW_MESSAGE_SOURCE; type: 'set-theme'; theme: PreviewTheme }
  /** The open draft's recipients changed (the user typed one in): same item, RecipientsChanged. */
  | { source: typeof PREVIEW_MESSAGE_SOURCE; type: 'update-recipients'; to: PreviewAddress[]; cc: PreviewAddress[] };

/** From the stand-in to the page: the add-in asked Outlook to open a new message. */
export interface NewMessageNotice {
  source: typeof PREVIEW_MESSAGE_SOURCE;
  type: 'new-message-opened';
  subject: string;
  to: number;
  cc: number;
  bcc: number;
}

const HASH_KEY = 'preview=';

export function encodePreviewState(state: PreviewState): string {
  return `#${HASH_KEY}${encodeURIComponent(JSON.stringify(state))}`;
}

/** Reads the state from a location hash; null when absent or malformed. */
export function decodePreviewState(hash: string): PreviewState | null {
  const raw = hash.replace(/^#/, '');
  if (!raw.startsWith(HASH_KEY)) return null;
  try {
    const state = JSON.parse(decodeURIComponent(raw.slice(HASH_KEY.length))) as PreviewState;
    return state && typeof state === 'object' && state.user ? state : null;
  } catch {
    return null;
  }
}

export function isPreviewCommand(data: unknown): data is PreviewCommand {
  return typeof data === 'object' && data !== null && (data as { source?: unknown }).source === PREVIEW_MESSAGE_SOURCE && typeof (data as { type?: unknown }).type === 'string';
}

export function isNewMessageNotice(data: unknown): data is NewMessageNotice {
  return isPreviewCommand(data) && (data as { type: string }).type === 'new-message-opened';
}
