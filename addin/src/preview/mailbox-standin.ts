// The Outlook mailbox stand-in for the local preview. It runs inside the task-pane iframe,
// right after the REAL office.js and before the add-in, and supplies the part of
// Office.context.mailbox the add-in uses. The add-in itself is the unmodified product bundle
// and calls only real office.js APIs.
//
// How office.js behaves outside an Office host (read in office.debug.js and checked in headless
// Chromium, @microsoft/office-js 1.1.110):
// - It loads o15apptofilemappingtable.js from its own folder (nothing from a CDN), then resolves
//   Office.onReady with { host: null, platform: null, addin: null }.
// - In an iframe without host info it navigates the frame to about:blank unless the global
//   `OsfOptOut` is defined. That check runs after the mapping table loads (asynchronously), so
//   defining it here, right after office.js, is in time.
// - Office.context is a getter-only, non-configurable property that appears when the mapping
//   table loads; it returns one plain, extensible object ({}), so `mailbox` and `officeTheme`
//   can be defined on it. The stand-in does that in its own Office.onReady callback: callbacks
//   run first-in first-out, and this script registers before the add-in's code runs.
// - Office.EventType has no ItemChanged / OfficeThemeChanged (the Outlook host script adds them)
//   and Office.MailboxEnums is undefined; the stand-in adds Outlook's own values.
// - Office.AsyncResultStatus exists ("succeeded" / "failed").
// - The mapping table creates a ULS logger that, 3 s later, adds a hidden iframe loading
//   https://telemetryservice.firstpartyapps.oaspapps.com/…/telemetryproxy.html. The preview
//   must not reach the internet, so the stand-in disables that frame once office.js is ready.
import { installDialogStandin } from './dialog-standin.ts';
import type { PreviewAddress, PreviewMessage, PreviewUser } from './preview-message.ts';
import { decodePreviewState, isPreviewCommand } from './preview-protocol.ts';
import { PREVIEW_MESSAGE_SOURCE } from './preview-protocol.ts';
import type { NewMessageNotice, PreviewItemMode, PreviewState, PreviewTheme } from './preview-protocol.ts';

type Callback = (result: unknown) => void;
type Handler = (eventArgs: unknown) => void;

const ITEM_CHANGED = 'olkItemSelectedChanged';
const THEME_CHANGED = 'officeThemeChanged';
const RECIPIENTS_CHANGED = 'olkRecipientsChanged';

const themes: Record<PreviewTheme, Record<string, unknown>> = {
  light: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#242424', controlBackgroundColor: '#ffffff', controlForegroundColor: '#242424', isDarkTheme: false },
  dark: { bodyBackgroundColor: '#292929', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#1f1f1f', controlForegroundColor: '#ffffff', isDarkTheme: true },
};

const initial: PreviewState = decodePreviewState(location.hash) ?? {
  user: { email: '', displayName: '' },
  message: null,
  mode: 'read',
  theme: 'light',
};

const user: PreviewUser = initial.user;
let theme: PreviewTheme = initial.theme;
const handlers = new Map<string, Handler[]>();
/** The open draft's own event handlers (Outlook's item-level events: RecipientsChanged). */
let itemHandlers = new Map<string, Handler[]>();
/** The open draft's recipients, which the page may change while it stays open. */
let draftRecipients: { to: PreviewAddress[]; cc: PreviewAddress[] } = { to: [], cc: [] };
let currentItem: object | null = buildItem(initial.message, initial.mode);

function succeeded(value: unknown, asyncContext?: unknown) {
  return { status: 'succeeded', value, error: undefined, asyncContext };
}
function failed(name: string, message: string, asyncContext?: unknown) {
  return { status: 'failed', value: undefined, error: { name, message, code: 9999 }, asyncContext };
}

/** office.js methods take (options?, callback?) in either position. */
function splitArgs(optionsOrCallback?: unknown, maybeCallback?: unknown): { callback?: Callback; asyncContext?: unknown } {
  if (typeof optionsOrCallback === 'function') return { callback: optionsOrCallback as Callback };
  const asyncContext = (optionsOrCallback as { asyncContext?: unknown } | undefined)?.asyncContext;
  return { callback: typeof maybeCallback === 'function' ? (maybeCallback as Callback) : undefined, asyncContext };
}

/** Outlook answers asynchronously; so does the stand-in, so the add-in cannot come to rely on sync callbacks. */
function answerLater(callback: Callback | undefined, result: unknown): void {
  if (callback) setTimeout(() => callback(result), 0);
}

/** The part of a host that names the organization ("housing.cascadia.gov" → "cascadia.gov"). */
function parentDomain(host: string): string {
  const labels = host.split('.');
  return labels.length > 2 ? labels.slice(1).join('.') : host;
}

/** As Exchange would classify the address: in the signed-in user's organization ('user') or not ('externalUser'). */
function classifyRecipient(address: string): 'user' | 'externalUser' {
  const host = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  const own = parentDomain(user.email.slice(user.email.lastIndexOf('@') + 1).toLowerCase());
  return own !== '' && (host === own || host.endsWith(`.${own}`)) ? 'user' : 'externalUser';
}

function toDetails(address: PreviewAddress) {
  return { emailAddress: address.address, displayName: address.name || address.address, recipientType: classifyRecipient(address.address) };
}

function asyncValue(value: () => unknown) {
  return {
    getAsync(optionsOrCallback?: unknown, maybeCallback?: unknown) {
      const { callback, asyncContext } = splitArgs(optionsOrCallback, maybeCallback);
      answerLater(callback, succeeded(value(), asyncContext));
    },
  };
}

/** Crosswalk never reads bodies; the stand-in refuses, so a regression would show up at once. */
const noBody = {
  getAsync(_coercion?: unknown, optionsOrCallback?: unknown, maybeCallback?: unknown) {
    const { callback, asyncContext } = splitArgs(optionsOrCallback ?? _coercion, maybeCallback);
    answerLater(callback, failed('BodyNotAvailable', 'The Crosswalk preview does not load message bodies.', asyncContext));
  },
};

function buildItem(message: PreviewMessage | null, mode: PreviewItemMode): object | null {
  itemHandlers = new Map();
  if (!message) return null;
  const created = new Date(message.receivedDateTime);
  if (mode === 'compose') {
    draftRecipients = { to: message.to, cc: message.cc };
    const handlersOfThisItem = itemHandlers;
    return {
      itemType: 'message',
      subject: asyncValue(() => message.subject),
      from: asyncValue(() => ({ emailAddress: user.email, displayName: user.displayName, recipientType: 'user' })),
      to: asyncValue(() => draftRecipients.to.map(toDetails)),
      cc: asyncValue(() => draftRecipients.cc.map(toDetails)),
      bcc: asyncValue(() => []),
      // Mailbox 1.7: a draft raises RecipientsChanged on itself.
      addHandlerAsync(eventType: string, handler: Handler, optionsOrCallback?: unknown, maybeCallback?: unknown) {
        const { callback, asyncContext } = splitArgs(optionsOrCallback, maybeCallback);
        if (eventType !== RECIPIENTS_CHANGED || typeof handler !== 'function') {
          answerLater(callback, failed('InvalidEventType', `The preview's draft does not raise "${String(eventType)}".`, asyncContext));
          return;
        }
        handlersOfThisItem.set(eventType, [...(handlersOfThisItem.get(eventType) ?? []), handler]);
        answerLater(callback, succeeded(undefined, asyncContext));
      },
      removeHandlerAsync(eventType: string, optionsOrCallback?: unknown, maybeCallback?: unknown) {
        const { callback, asyncContext } = splitArgs(optionsOrCallback, maybeCallback);
        handlersOfThisItem.delete(eventType);
        answerLater(callback, succeeded(undefined, asyncContext));
      },
      body: noBody,
      getItemIdAsync(optionsOrCallback?: unknown, maybeCallback?: unknown) {
        const { callback, asyncContext } = splitArgs(optionsOrCallback, maybeCallback);
        answerLater(callback, failed('ItemNotSaved', 'The draft has not been saved.', asyncContext));
      },
    };
  }
  return {
    itemType: 'message',
    itemId: message.id,
    conversationId: `conversation-${message.id}`,
    subject: message.subject,
    from: toDetails(message.from),
    sender: toDetails(message.from),
    to: message.to.map(toDetails),
    cc: message.cc.map(toDetails),
    dateTimeCreated: created,
    dateTimeModified: created,
    normalizedSubject: message.subject.replace(/^((re|fw|fwd):\s*)+/i, ''),
    attachments: [],
    body: noBody,
  };
}

function fire(eventType: string, eventArgs: object, registry: Map<string, Handler[]> = handlers): void {
  for (const handler of registry.get(eventType) ?? []) {
    setTimeout(() => handler({ type: eventType, ...eventArgs }), 0);
  }
}

const supportedEvents = new Set([ITEM_CHANGED, THEME_CHANGED]);

type MessageFormParameters = { toRecipients?: unknown; ccRecipients?: unknown; bccRecipients?: unknown; subject?: unknown };
/** Every new-message form the add-in opened, for tests: window.__crosswalkNewMessages. */
const openedMessages: { to: string[]; cc: string[]; bcc: string[]; subject: string }[] = [];
(window as unknown as { __crosswalkNewMessages?: typeof openedMessages }).__crosswalkNewMessages = openedMessages;

/** Recipients as Outlook takes them: addresses, or { emailAddress } objects. */
function toAddresses(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error('Recipients must be an array.');
  return value.map((entry) => (typeof entry === 'string' ? entry : String((entry as { emailAddress?: unknown })?.emailAddress ?? '')));
}

/** Mailbox 1.6's displayNewMessageForm: records the form and tells the preview page, which shows a notice. */
function displayNewMessageForm(parameters: MessageFormParameters): void {
  const form = {
    to: toAddresses(parameters?.toRecipients),
    cc: toAddresses(parameters?.ccRecipients),
    bcc: toAddresses(parameters?.bccRecipients),
    subject: typeof parameters?.subject === 'string' ? parameters.subject : '',
  };
  // Outlook throws for a form over its limits; so does the stand-in (Exchange Online: 500 recipients).
  if (form.to.length + form.cc.length + form.bcc.length > 500) throw new Error('A message can have at most 500 recipients.');
  openedMessages.push(form);
  const notice: NewMessageNotice = { source: PREVIEW_MESSAGE_SOURCE, type: 'new-message-opened', subject: form.subject, to: form.to.length, cc: form.cc.length, bcc: form.bcc.length };
  if (window.parent !== window) window.parent.postMessage(notice, location.origin);
}

const mailbox = {
  get item() {
    return currentItem;
  },
  get userProfile() {
    return { emailAddress: user.email, displayName: user.displayName, timeZone: 'Pacific Standard Time', accountType: 'enterprise' };
  },
  diagnostics: { hostName: 'Outlook', hostVersion: 'crosswalk-preview', OWAView: 'ThreeColumns' },
  displayNewMessageForm,
  addHandlerAsync(eventType: string, handler: Handler, optionsOrCallback?: unknown, maybeCallback?: unknown) {
    const { callback, asyncContext } = splitArgs(optionsOrCallback, maybeCallback);
    if (!supportedEvents.has(eventType) || typeof handler !== 'function') {
      answerLater(callback, failed('InvalidEventType', `The preview does not raise "${String(eventType)}".`, asyncContext));
      return;
    }
    handlers.set(eventType, [...(handlers.get(eventType) ?? []), handler]);
    answerLater(callback, succeeded(undefined, asyncContext));
  },
  removeHandlerAsync(eventType: string, optionsOrCallback?: unknown, maybeCallback?: unknown) {
    const { callback, asyncContext } = splitArgs(optionsOrCallback, maybeCallback);
    handlers.delete(eventType);
    answerLater(callback, succeeded(undefined, asyncContext));
  },
};

type OfficeGlobal = Record<string, unknown> & { onReady?: (callback: () => void) => unknown };

/** Adds the Outlook-only enum values office.js lacks outside Outlook (keeping any it has). */
function installEnums(office: OfficeGlobal): void {
  const eventType = (office.EventType ??= {}) as Record<string, string>;
  eventType.ItemChanged ??= ITEM_CHANGED;
  eventType.OfficeThemeChanged ??= THEME_CHANGED;
  eventType.RecipientsChanged ??= RECIPIENTS_CHANGED;
  office.MailboxEnums ??= {
    ItemType: { Message: 'message', Appointment: 'appointment' },
    RecipientType: { User: 'user', ExternalUser: 'externalUser', DistributionList: 'distributionList', Other: 'other' },
  };
}

/** The newest Mailbox requirement set the stand-in implements, [major, minor]. */
const MAILBOX_VERSION = [1, 6] as const;

function isSetSupportedByPreview(name: string, minVersion = '1.1'): boolean {
  const [major = 0, minor = 0] = minVersion.split('.').map(Number);
  return name.toLowerCase() === 'mailbox' && (major < MAILBOX_VERSION[0] || (major === MAILBOX_VERSION[0] && minor <= MAILBOX_VERSION[1]));
}

/** Puts the mailbox and theme onto office.js's context object; false when office.js has not created it yet. */
function installMailbox(office: OfficeGlobal): boolean {
  const context = office.context as Record<string, unknown> | undefined;
  if (!context) return false;
  if (context.mailbox !== mailbox) {
    Object.defineProperty(context, 'mailbox', { value: mailbox, configurable: true, enumerable: true });
    Object.defineProperty(context, 'officeTheme', { get: () => ({ ...themes[theme] }), configurable: true, enumerable: true });
    // The requirement sets the stand-in implements (office.js outside a host answers none): up to
    // Mailbox 1.6, whose displayNewMessageForm the group page feature-detects.
    Object.defineProperty(context, 'requirements', { value: { isSetSupported: isSetSupportedByPreview }, configurable: true, enumerable: true });
  }
  return true;
}

/** Stops office.js's ULS logger from loading its external telemetry frame (see the notes at the top). */
function silenceOfficeTelemetry(): void {
  const osf = (window as unknown as { OSF?: { Logger?: { ulsEndpoint?: { loadProxyFrame?: () => void } | null } } }).OSF;
  const endpoint = osf?.Logger?.ulsEndpoint;
  if (endpoint) endpoint.loadProxyFrame = () => {};
}

const office = (window as unknown as { Office?: OfficeGlobal }).Office;
if (!office || typeof office.onReady !== 'function') {
  console.error('[crosswalk preview] office.js is not loaded before the mailbox stand-in; the task pane cannot start.');
} else {
  (window as unknown as { OsfOptOut?: boolean }).OsfOptOut = true;
  installEnums(office);
  office.onReady(() => {
    silenceOfficeTelemetry();
    installEnums(office);
    if (!installMailbox(office)) console.error('[crosswalk preview] Office.context is missing after Office.onReady.');
    // Office.context.ui: displayDialogAsync in the pane, messageParent in a dialog it opened (dialog-standin.ts).
    installDialogStandin(office);
  });
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== location.origin || event.source !== window.parent || !isPreviewCommand(event.data)) return;
  const command = event.data;
  if (command.type === 'select-item') {
    currentItem = buildItem(command.message, command.mode);
    fire(ITEM_CHANGED, {});
  } else if (command.type === 'update-recipients') {
    draftRecipients = { to: command.to, cc: command.cc };
    fire(RECIPIENTS_CHANGED, { changedRecipientFields: { to: true, cc: true, bcc: false } }, itemHandlers);
  } else if (command.type === 'set-theme') {
    if (command.theme === theme) return;
    theme = command.theme;
    fire(THEME_CHANGED, { officeTheme: { ...themes[theme] } });
  }
});
