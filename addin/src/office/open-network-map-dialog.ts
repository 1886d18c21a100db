// Opens the network map in a larger Office dialog (the only caller of displayDialogAsync for it)
// and serves the dialog from the pane: when the page says it is ready (also after a reload) it
// gets whose network to show, an access token and the theme; when its token runs out it asks
// for another. Asking again while the dialog is open shows the new network in it (Office allows
// one dialog at a time). The token goes through dialog messaging, never the URL.
import {
  formatNetworkMapMessage,
  NETWORK_MAP_PAGE,
  parseNetworkMapChildMessage,
  type NetworkMapParentMessage,
  type NetworkMapTarget,
  type WithoutType,
} from '../network-map/network-map-protocol.ts';
import type { PaneTheme } from './read-office-theme.ts';

export interface OpenNetworkMapOptions {
  target: NetworkMapTarget;
  /** The pane's token source (auth/get-access-token.ts). */
  getAccessToken: () => Promise<string>;
  theme: PaneTheme;
  /** The dialog page; by default network-map.html beside the pane's own page. */
  url?: string;
}

export class NetworkMapDialogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkMapDialogError';
  }
}

// Office's dialog error codes (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events).
const POPUP_BLOCKED = 12009;
const DIALOG_ALREADY_OPEN = 12007;

/** The dialog open now, if any: asking again retargets it. */
let current: { show(target: NetworkMapTarget, theme: PaneTheme): void } | null = null;

export function openNetworkMapDialog(options: OpenNetworkMapOptions): Promise<void> {
  if (current) {
    current.show(options.target, options.theme);
    return Promise.resolve();
  }
  const url = options.url ?? new URL(NETWORK_MAP_PAGE, window.location.href).href;
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { width: 80, height: 85, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        const code = result.error?.code;
        reject(
          new NetworkMapDialogError(
            code === POPUP_BLOCKED
              ? 'The browser blocked the network map window. Allow pop-ups for Outlook and try again.'
              : code === DIALOG_ALREADY_OPEN
                ? 'Another Crosswalk window is open. Close it and try again.'
                : `The network map could not open (${code ?? 'unknown error'}).`,
          ),
        );
        return;
      }
      const dialog = result.value;
      if (typeof dialog.messageChild !== 'function') {
        dialog.close();
        reject(new NetworkMapDialogError('This version of Outlook cannot show the network map (it needs dialog messaging, DialogApi 1.2).'));
        return;
      }
      let target = options.target;
      let theme = options.theme;
      let ready = false;
      const send = (message: WithoutType<NetworkMapParentMessage>) => dialog.messageChild(formatNetworkMapMessage(message));
      const sendToken = async (kind: 'show' | 'token') => {
        try {
          const accessToken = await options.getAccessToken();
          send(kind === 'show' ? { kind, target, accessToken, theme } : { kind, accessToken });
        } catch (error) {
          send({ kind: 'token-failure', message: error instanceof Error ? error.message : 'Sign-in failed.' });
        }
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        const { message, origin } = arg as { message?: unknown; origin?: unknown };
        // Only our own page may ask; newer hosts say where a message came from.
        if (typeof origin === 'string' && origin !== window.location.origin) return;
        const parsed = typeof message === 'string' ? parseNetworkMapChildMessage(message) : null;
        if (parsed?.kind === 'ready') {
          ready = true;
          void sendToken('show');
        } else if (parsed?.kind === 'token-request') {
          void sendToken('token');
        }
      });
      // Closed by the user (or the host): the next request opens a new dialog.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
        current = null;
      });
      current = {
        show(nextTarget, nextTheme) {
          target = nextTarget;
          theme = nextTheme;
          if (ready) void sendToken('show');
        },
      };
      resolve();
    });
  });
}

/** For the pane's actions, which expect no answer: opens (or retargets) the dialog; what stops it (a blocked pop-up, an older Outlook) is logged and the pane stays as it was. */
export function showNetworkMapDialog(options: OpenNetworkMapOptions): void {
  openNetworkMapDialog(options).catch((error: unknown) => console.error(`[crosswalk] ${error instanceof Error ? error.message : 'The network map could not open.'}`));
}
