// What the task pane and the network map dialog (network-map.html) say to each other through
// Office's dialog messaging (messageParent / messageChild). The dialog has no sign-in of its
// own: the pane hands it an access token and what to show, and a fresh token when it asks.
// A token never travels in a URL.
import type { PaneTheme } from '../office/read-office-theme.ts';

export const NETWORK_MAP_PAGE = 'network-map.html';
const TYPE = 'crosswalk-network-map';

/** Whose network to show: a person (by id, or by address as a card knows them) or a group. */
export type NetworkMapTarget = { personId: string; label?: string } | { email: string; label?: string } | { groupId: string; label?: string };

/** Dialog → pane. */
export type NetworkMapChildMessage = { type: typeof TYPE; kind: 'ready' } | { type: typeof TYPE; kind: 'token-request' };

/** Pane → dialog. */
export type NetworkMapParentMessage =
  | { type: typeof TYPE; kind: 'show'; target: NetworkMapTarget; accessToken: string; theme: PaneTheme }
  | { type: typeof TYPE; kind: 'token'; accessToken: string }
  | { type: typeof TYPE; kind: 'token-failure'; message: string };

export type WithoutType<M> = M extends unknown ? Omit<M, 'type'> : never;

export function formatNetworkMapMessage(message: WithoutType<NetworkMapChildMessage | NetworkMapParentMessage>): string {
  return JSON.stringify({ type: TYPE, ...message });
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === TYPE ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export function parseNetworkMapTarget(value: unknown): NetworkMapTarget | null {
  if (typeof value !== 'object' || value === null) return null;
  const { personId, email, groupId, label } = value as Record<string, unknown>;
  const named = isText(label) ? { label } : {};
  if (isText(personId)) return { personId, ...named };
  if (isText(email)) return { email, ...named };
  if (isText(groupId)) return { groupId, ...named };
  return null;
}

/** The dialog's message, or null for anything not shaped like one. */
export function parseNetworkMapChildMessage(text: string): NetworkMapChildMessage | null {
  const value = parseObject(text);
  return value && (value.kind === 'ready' || value.kind === 'token-request') ? { type: TYPE, kind: value.kind } : null;
}

/** The pane's message, or null for anything not shaped like one. */
export function parseNetworkMapParentMessage(text: string): NetworkMapParentMessage | null {
  const value = parseObject(text);
  if (!value) return null;
  if (value.kind === 'show' && isText(value.accessToken)) {
    const target = parseNetworkMapTarget(value.target);
    const theme = value.theme === 'dark' ? 'dark' : 'light';
    return target ? { type: TYPE, kind: 'show', target, accessToken: value.accessToken, theme } : null;
  }
  if (value.kind === 'token' && isText(value.accessToken)) return { type: TYPE, kind: 'token', accessToken: value.accessToken };
  if (value.kind === 'token-failure') return { type: TYPE, kind: 'token-failure', message: isText(value.message) ? value.message : 'Sign-in failed.' };
  return null;
}
