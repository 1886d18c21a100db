// Every address the manifests give Outlook must answer: the task pane, the icons, and the
// support, privacy and terms pages, over the add-in server's HTTPS listener used for sideloading.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startAddinServer, type AddinServer } from '../../dev/addin-server.ts';
import { ensureLocalCertificate } from '../../dev/local-ca.ts';
import { DANA, messages } from '../addin/fixtures/demo-people.ts';

const manifests = ['manifest.xml', 'manifest.json']
  .map((name) => readFileSync(resolve(import.meta.dirname, '../../manifest', name), 'utf8'))
  .join('\n');
const paths = [...new Set([...manifests.matchAll(/https:\/\/localhost:3443(\/[^"<\s]*)/g)].map((m) => m[1]!))].filter((p) => p !== '/');

let server: AddinServer;

beforeAll(async () => {
  const tls = await ensureLocalCertificate();
  server = await startAddinServer({
    port: 0,
    https: { port: 0, key: tls.key, cert: tls.cert },
    apiBaseUrl: 'http://127.0.0.1:9',
    listMessages: () => messages,
    signedInUser: DANA,
    issueToken: async () => 'unused',
  });
});
afterAll(() => server?.close());

it('names the pages and icons Outlook needs', () => {
  expect(paths).toEqual(expect.arrayContaining(['/taskpane.html', '/support.html', '/privacy.html', '/terms.html', '/assets/icon-64.png']));
});

it.each(paths)('serves %s over HTTPS', async (path) => {
  expect(server.httpsUrl).toMatch(/^https:\/\//);
  const response = await fetch(`${server.httpsUrl}${path}`);
  expect(response.status).toBe(200);
  const type = response.headers.get('content-type') ?? '';
  expect(type).toMatch(path.endsWith('.png') ? /image\/png/ : /text\/html/);
});
