// The preview serves the network map dialog page as it serves the task pane: under /preview/
// with the Outlook stand-in after office.js (so Office.context.ui works in the pop-up), and the
// product page without it.
import { startAddinServer, type AddinServer } from '../../../dev/addin-server.ts';
import { DANA, messages } from '../fixtures/demo-people.ts';

let server: AddinServer;

beforeAll(async () => {
  server = await startAddinServer({ port: 0, apiBaseUrl: 'http://127.0.0.1:9', listMessages: () => messages, signedInUser: DANA, issueToken: async () => 'token' });
});
afterAll(() => server?.close());

it('serves /preview/network-map.html with the stand-in between office.js and the dialog app', async () => {
  const response = await fetch(`${server.url}/preview/network-map.html`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const officeAt = html.indexOf('<script src="/office-js/office.js"></script>');
  const standinAt = html.indexOf('<script src="/preview/mailbox-standin.js"></script>');
  expect(officeAt).toBeGreaterThan(-1);
  expect(standinAt).toBeGreaterThan(officeAt);
  expect(html.indexOf('/src/network-map/main.tsx')).toBeGreaterThan(standinAt);
  expect(html).not.toContain('/@vite/client');
});

it('serves the product dialog page without the stand-in', async () => {
  const html = await (await fetch(`${server.url}/network-map.html`)).text();
  expect(html).toContain('/src/network-map/main.tsx');
  expect(html).not.toContain('mailbox-standin');
  expect(html).not.toContain('/@vite/client');
});

it('puts the dialog API into the stand-in', async () => {
  const script = await (await fetch(`${server.url}/preview/mailbox-standin.js`)).text();
  expect(script).toContain('displayDialogAsync');
  expect(script).toContain('messageParent');
});
