// The dev add-in server: the preview task pane gets the stand-in after office.js, office.js is
// served locally, /api is proxied with its Authorization header, /dev/token guards its users.
import { injectStandinScript } from '../../dev/addin-server/inject-standin.ts';
import { resolveInside } from '../../dev/addin-server/serve-static-file.ts';
import { startAddinServer } from '../../dev/addin-server.ts';
import type { AddinServer } from '../../dev/addin-server.ts';
import { DANA, messages } from './fixtures/demo-people.ts';
import { startFakeApi } from './fixtures/fake-api-server.ts';

describe('injectStandinScript', () => {
  it('puts the stand-in right after office.js and before the app', () => {
    const html = '<head><script src="/office-js/office.js"></script></head><body><script type="module" src="/src/taskpane/main.tsx"></script></body>';
    const out = injectStandinScript(html);
    // The opt-out first: office.js must find OsfOptOut however late the stand-in arrives.
    expect(out.indexOf('/preview/osf-opt-out.js')).toBeLessThan(out.indexOf('/office-js/office.js'));
    expect(out.indexOf('/office-js/office.js')).toBeLessThan(out.indexOf('/preview/mailbox-standin.js'));
    expect(out.indexOf('/preview/mailbox-standin.js')).toBeLessThan(out.indexOf('main.tsx'));
  });

  it('refuses a page without office.js', () => {
    expect(() => injectStandinScript('<html></html>')).toThrow(/office\.js/);
  });
});

describe('resolveInside', () => {
  it.each([
    { path: 'office.js', inside: true },
    { path: 'en-us/office_strings.js', inside: true },
    { path: '../package.json', inside: false },
    { path: '%2e%2e/%2e%2e/etc/passwd', inside: false },
    { path: '..%2f..%2fetc%2fpasswd', inside: false },
    { path: 'a%00b', inside: false },
  ])('$path → inside: $inside', ({ path, inside }) => {
    expect(resolveInside('/srv/office', path) !== null).toBe(inside);
  });
});

describe('startAddinServer', () => {
  let server: AddinServer;
  let api: Awaited<ReturnType<typeof startFakeApi>>;
  const issued: string[] = [];

  beforeAll(async () => {
    api = await startFakeApi();
    server = await startAddinServer({
      port: 0,
      apiBaseUrl: api.baseUrl,
      listMessages: (mailbox) => (mailbox === DANA.email ? messages : []),
      signedInUser: DANA,
      demoUsers: ['jess.morgan@housing.cascadia.gov'],
      issueToken: async (user) => {
        issued.push(user);
        return `token-for-${user}`;
      },
    });
  });

  afterAll(async () => {
    await server?.close();
    await api?.close();
  });

  it('listens on loopback and names the preview page', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.previewUrl).toBe(`${server.url}/preview.html`);
  });

  it('serves the preview task pane with the stand-in after office.js and before the app', async () => {
    const response = await fetch(`${server.url}/preview/taskpane.html`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const officeAt = html.indexOf('<script src="/office-js/office.js"></script>');
    const standinAt = html.indexOf('<script src="/preview/mailbox-standin.js"></script>');
    const appAt = html.indexOf('/src/taskpane/main.tsx');
    expect(officeAt).toBeGreaterThan(-1);
    expect(standinAt).toBeGreaterThan(officeAt);
    expect(appAt).toBeGreaterThan(standinAt);
    expect(html).not.toContain('/@vite/client');
  });

  it('serves the product task pane without the stand-in', async () => {
    const html = await (await fetch(`${server.url}/taskpane.html`)).text();
    expect(html).toContain('/office-js/office.js');
    expect(html).not.toContain('mailbox-standin');
  });

  it('serves the stand-in as a classic script', async () => {
    const response = await fetch(`${server.url}/preview/mailbox-standin.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    const script = await response.text();
    expect(script).toContain('OsfOptOut');
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('serves the OsfOptOut script that goes before office.js', async () => {
    const response = await fetch(`${server.url}/preview/osf-opt-out.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(await response.text()).toContain('window.OsfOptOut = true;');
    const html = await (await fetch(`${server.url}/preview/taskpane.html`)).text();
    expect(html.indexOf('<script src="/preview/osf-opt-out.js"></script>')).toBeLessThan(html.indexOf('/office-js/office.js'));
  });

  it('serves office.js and the file it loads outside a host from node_modules', async () => {
    for (const file of ['office.js', 'o15apptofilemappingtable.js']) {
      const response = await fetch(`${server.url}/office-js/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('javascript');
      expect((await response.text()).length).toBeGreaterThan(1000);
    }
    expect((await fetch(`${server.url}/office-js/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it('proxies /api/lookup with method, Authorization, body and status', async () => {
    const response = await fetch(`${server.url}/api/lookup`, {
      method: 'POST',
      headers: { authorization: 'Bearer abc.def.ghi', 'content-type': 'application/json' },
      body: JSON.stringify({ emails: ['jess.morgan@housing.cascadia.gov'] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-fake-api')).toBe('yes');
    const body = (await response.json()) as { people: { displayName?: string }[] };
    expect(body.people[0]?.displayName).toBe('Jess Morgan');
    const forwarded = api.requests.at(-1);
    expect(forwarded).toMatchObject({ method: 'POST', url: '/api/lookup', authorization: 'Bearer abc.def.ghi' });
    expect(JSON.parse(forwarded!.body)).toEqual({ emails: ['jess.morgan@housing.cascadia.gov'] });

    const unauthorized = await fetch(`${server.url}/api/lookup`, { method: 'POST', body: '{"emails":["a@b.gov"]}' });
    expect(unauthorized.status).toBe(401);
  });

  it('answers 502 in the error shape when the API is down', async () => {
    const down = await startAddinServer({
      port: 0,
      apiBaseUrl: 'http://127.0.0.1:9',
      listMessages: () => [],
      signedInUser: DANA,
      issueToken: async () => 't',
      mode: 'static',
    });
    try {
      const response = await fetch(`${down.url}/api/lookup`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(502);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    } finally {
      await down.close();
    }
  });

  it('lists the signed-in user\'s messages', async () => {
    const body = (await (await fetch(`${server.url}/preview-api/messages`)).json()) as { user: unknown; messages: unknown[] };
    expect(body.user).toEqual(DANA);
    expect(body.messages).toEqual(messages);
  });

  it.each([
    { query: '', status: 400 },
    { query: '?user=', status: 400 },
    { query: '?user=someone@else.example', status: 403 },
    { query: `?user=${encodeURIComponent('Dana.Reyes@housing.cascadia.gov')}`, status: 200 },
    { query: '?user=jess.morgan@housing.cascadia.gov', status: 200 },
  ])('/dev/token$query → $status', async ({ query, status }) => {
    const response = await fetch(`${server.url}/dev/token${query}`);
    expect(response.status).toBe(status);
    if (status === 200) {
      const body = (await response.json()) as { accessToken: string };
      expect(body.accessToken).toBe(`token-for-${issued.at(-1)}`);
      expect(issued.at(-1)).toBe(issued.at(-1)!.toLowerCase());
    }
  });
});
