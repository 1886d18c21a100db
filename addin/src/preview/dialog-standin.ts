// The Office dialog API for the local preview (part of the mailbox stand-in, not of the add-in):
// Office.context.ui.displayDialogAsync opens the add-in page in a pop-up window, as Outlook on
// the web does, and messageParent / messageChild / DialogParentMessageReceived carry messages
// between the task pane and that window by postMessage on the same origin. The dialog page is
// served with the stand-in too (/preview/<page>), which installs the dialog side there.
//
// Outlook's behaviour kept: one dialog at a time (12007), a blocked pop-up is 12009, a page on
// another origin is refused (12004), the user closing the window raises DialogEventReceived
// with 12006 (closing it by code raises nothing), and messages carry the sender's origin.
const DIALOG_WINDOW_NAME = 'crosswalk-preview-dialog';
const MESSAGE_SOURCE = 'crosswalk-preview-dialog';
const CLOSED_POLL_MS = 300;

const EVENT_MESSAGE_RECEIVED = 'dialogMessageReceived';
const EVENT_EVENT_RECEIVED = 'dialogEventReceived';
const EVENT_PARENT_MESSAGE_RECEIVED = 'dialogParentMessageReceived';

type Callback = (result: unknown) => void;
type Handler = (eventArgs: unknown) => void;
type OfficeGlobal = Record<string, unknown>;
type Envelope = { source: typeof MESSAGE_SOURCE; type: 'message-parent' | 'message-child'; message: string };

/** Every dialog the add-in opened, for tests: window.__crosswalkDialogs. */
const openedDialogs: { url: string; width?: number; height?: number }[] = [];

function succeeded(value: unknown) {
  return { status: 'succeeded', value, error: undefined };
}
function failed(code: number, message: string) {
  return { status: 'failed', value: undefined, error: { name: 'DialogError', message, code } };
}
function answerLater(callback: Callback | undefined, result: unknown): void {
  if (callback) setTimeout(() => callback(result), 0);
}

function isEnvelope(data: unknown, type: Envelope['type']): data is Envelope {
  return typeof data === 'object' && data !== null && (data as Envelope).source === MESSAGE_SOURCE && (data as Envelope).type === type && typeof (data as Envelope).message === 'string';
}

/** The pane's side: opens dialogs. */
function createParentUi() {
  let open: Window | null = null;
  return {
    displayDialogAsync(url: string, optionsOrCallback?: unknown, maybeCallback?: unknown) {
      const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as Callback | undefined;
      const options = (typeof optionsOrCallback === 'object' && optionsOrCallback !== null ? optionsOrCallback : {}) as { width?: number; height?: number };
      if (open && !open.closed) return answerLater(callback, failed(12007, 'A dialog is already open.'));
      const target = new URL(url, location.href);
      if (target.origin !== location.origin) return answerLater(callback, failed(12004, 'The dialog page is not on the add-in’s domain.'));
      // The preview serves dialog pages with the stand-in under /preview/, as it does the task pane.
      if (!target.pathname.startsWith('/preview/')) target.pathname = `/preview${target.pathname}`;
      const width = Math.round((screen.availWidth * (options.width ?? 80)) / 100);
      const height = Math.round((screen.availHeight * (options.height ?? 80)) / 100);
      const win = window.open(target.href, DIALOG_WINDOW_NAME, `popup=yes,width=${width},height=${height}`);
      if (!win) return answerLater(callback, failed(12009, 'The browser blocked the dialog window.'));
      open = win;
      openedDialogs.push({ url: target.pathname, width: options.width, height: options.height });
      const handlers = new Map<string, Handler[]>();
      const fire = (type: string, args: object) => {
        for (const handler of handlers.get(type) ?? []) handler({ type, ...args });
      };
      const onMessage = (event: MessageEvent) => {
        if (event.source !== win || event.origin !== location.origin || !isEnvelope(event.data, 'message-parent')) return;
        fire(EVENT_MESSAGE_RECEIVED, { message: event.data.message, origin: event.origin });
      };
      const stop = () => {
        window.removeEventListener('message', onMessage);
        clearInterval(poll);
        if (open === win) open = null;
      };
      window.addEventListener('message', onMessage);
      const poll = setInterval(() => {
        if (!win.closed) return;
        stop();
        fire(EVENT_EVENT_RECEIVED, { error: 12006 });
      }, CLOSED_POLL_MS);
      const dialog = {
        addEventHandler(type: string, handler: Handler) {
          handlers.set(type, [...(handlers.get(type) ?? []), handler]);
        },
        messageChild(message: string) {
          const envelope: Envelope = { source: MESSAGE_SOURCE, type: 'message-child', message };
          win.postMessage(envelope, location.origin);
        },
        close() {
          stop();
          win.close();
        },
      };
      answerLater(callback, succeeded(dialog));
    },
  };
}

/** The dialog window's side: talks to the pane that opened it. */
function createChildUi(opener: Window) {
  const handlers: Handler[] = [];
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== opener || event.origin !== location.origin || !isEnvelope(event.data, 'message-child')) return;
    for (const handler of handlers) handler({ type: EVENT_PARENT_MESSAGE_RECEIVED, message: event.data.message, origin: event.origin });
  });
  return {
    messageParent(message: string) {
      const envelope: Envelope = { source: MESSAGE_SOURCE, type: 'message-parent', message: String(message) };
      opener.postMessage(envelope, location.origin);
    },
    addHandlerAsync(eventType: string, handler: Handler, optionsOrCallback?: unknown, maybeCallback?: unknown) {
      const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as Callback | undefined;
      if (eventType !== EVENT_PARENT_MESSAGE_RECEIVED || typeof handler !== 'function') {
        return answerLater(callback, failed(12002, `The preview dialog does not raise "${String(eventType)}".`));
      }
      handlers.push(handler);
      answerLater(callback, succeeded(undefined));
    },
  };
}

/** Adds the dialog events office.js lacks outside Office (keeping any it has). */
export function installDialogEnums(office: OfficeGlobal): void {
  const eventType = (office.EventType ??= {}) as Record<string, string>;
  eventType.DialogMessageReceived ??= EVENT_MESSAGE_RECEIVED;
  eventType.DialogEventReceived ??= EVENT_EVENT_RECEIVED;
  eventType.DialogParentMessageReceived ??= EVENT_PARENT_MESSAGE_RECEIVED;
}

/** Puts Office.context.ui in place: the dialog side in a window the stand-in opened, else the pane side. */
export function installDialogStandin(office: OfficeGlobal): void {
  installDialogEnums(office);
  const context = office.context as Record<string, unknown> | undefined;
  if (!context) return;
  const opener = window.opener as Window | null;
  const ui = window.name === DIALOG_WINDOW_NAME && opener ? createChildUi(opener) : createParentUi();
  Object.defineProperty(context, 'ui', { value: ui, configurable: true, enumerable: true });
  (window as unknown as { __crosswalkDialogs?: typeof openedDialogs }).__crosswalkDialogs = openedDialogs;
}
