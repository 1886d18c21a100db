// @vitest-environment jsdom
// The pane's side of the network map dialog, against a fake Office dialog: the page's "ready"
// gets whose network, a token and the theme; "token-request" gets a fresh token (or why not);
// other origins are ignored; a second request retargets the open dialog; Office's refusals
// become messages a person can act on.
import { openNetworkMapDialog } from '../../../addin/src/office/open-network-map-dialog.ts';
import { formatNetworkMapMessage, parseNetworkMapParentMessage } from '../../../addin/src/network-map/network-map-protocol.ts';

type Handler = (arg: unknown) => void;

function installFakeOffice(options: { fail?: number; withoutMessageChild?: boolean } = {}) {
  const handlers = new Map<string, Handler>();
  const sent: string[] = [];
  const dialog = {
    addEventHandler: (type: string, handler: Handler) => handlers.set(type, handler),
    messageChild: options.withoutMessageChild ? undefined : (message: string) => sent.push(message),
    close: vi.fn(),
  };
  const displayDialogAsync = vi.fn((_url: string, _options: unknown, callback: (result: unknown) => void) =>
    callback(options.fail ? { status: 'failed', error: { code: options.fail } } : { status: 'succeeded', value: dialog }),
  );
  (globalThis as Record<string, unknown>).Office = {
    context: { ui: { displayDialogAsync } },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  };
  const fromDialog = (kind: 'ready' | 'token-request', origin = window.location.origin) =>
    handlers.get('dialogMessageReceived')!({ message: formatNetworkMapMessage({ kind }), origin });
  const received = () => sent.map((text) => parseNetworkMapParentMessage(text));
  const closeByUser = () => handlers.get('dialogEventReceived')!({ error: 12006 });
  return { displayDialogAsync, dialog, fromDialog, received, closeByUser };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

it('opens network-map.html beside the pane and serves the page what it asks for', async () => {
  const office = installFakeOffice();
  let tokens = 0;
  await openNetworkMapDialog({ target: { personId: 'p-1', label: 'Jess Morgan' }, getAccessToken: async () => `token-${++tokens}`, theme: 'dark' });
  expect(office.displayDialogAsync).toHaveBeenCalledWith(new URL('network-map.html', window.location.href).href, expect.objectContaining({ width: 80, height: 85 }), expect.any(Function));
  expect(office.displayDialogAsync.mock.calls[0]![0]).not.toMatch(/token/);

  office.fromDialog('ready');
  await flush();
  office.fromDialog('token-request');
  await flush();
  // Another origin's message is nobody's business.
  office.fromDialog('token-request', 'https://elsewhere.example');
  await flush();
  expect(office.received()).toEqual([
    { type: 'crosswalk-network-map', kind: 'show', target: { personId: 'p-1', label: 'Jess Morgan' }, accessToken: 'token-1', theme: 'dark' },
    { type: 'crosswalk-network-map', kind: 'token', accessToken: 'token-2' },
  ]);

  // Asked again while open: the same dialog shows the group.
  await openNetworkMapDialog({ target: { groupId: 'g-1' }, getAccessToken: async () => 'token-3', theme: 'light' });
  await flush();
  expect(office.displayDialogAsync).toHaveBeenCalledTimes(1);
  expect(office.received().at(-1)).toMatchObject({ kind: 'show', target: { groupId: 'g-1' }, theme: 'light' });

  // Closed by the user: the next request opens a new dialog.
  office.closeByUser();
  await openNetworkMapDialog({ target: { groupId: 'g-2' }, getAccessToken: async () => 'token-4', theme: 'light' });
  expect(office.displayDialogAsync).toHaveBeenCalledTimes(2);
  office.closeByUser();
});

it('tells the page when no token can be had', async () => {
  const office = installFakeOffice();
  await openNetworkMapDialog({ target: { email: 'jess.morgan@housing.cascadia.gov' }, getAccessToken: async () => Promise.reject(new Error('Sign-in was cancelled.')), theme: 'light' });
  office.fromDialog('ready');
  await flush();
  expect(office.received()).toEqual([{ type: 'crosswalk-network-map', kind: 'token-failure', message: 'Sign-in was cancelled.' }]);
  office.closeByUser();
});

it.each<[string, { fail?: number; withoutMessageChild?: boolean }, RegExp]>([
  ['a blocked pop-up', { fail: 12009 }, /blocked the network map window/],
  ['another dialog open', { fail: 12007 }, /Another Crosswalk window is open/],
  ['an Outlook without dialog messaging', { withoutMessageChild: true }, /needs dialog messaging, DialogApi 1\.2/],
])('explains %s', async (_case, options, message) => {
  const office = installFakeOffice(options);
  await expect(openNetworkMapDialog({ target: { groupId: 'g' }, getAccessToken: async () => 't', theme: 'light' })).rejects.toThrow(message);
  if (options.withoutMessageChild) expect(office.dialog.close).toHaveBeenCalled();
});
