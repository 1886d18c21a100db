// The add-in pages' Content-Security-Policy: per cloud as data (own origin, the cloud's office.js
// CDN and sign-in authority, nothing else, no eval, no inline script), on every page the local
// add-in server serves, and in headless Chromium the preview with the task pane runs under it
// without a single violation.
import { buildContentSecurityPolicy, CSP_HEADER } from '../../../dev/addin-server/csp.ts';
import { startAddinServer } from '../../../dev/addin-server.ts';
import type { AddinServer } from '../../../dev/addin-server.ts';
import { CLOUD_IDS, getNationalCloud } from '../../../shared/cloud/national-clouds.ts';
import { DANA, messages } from '../../addin/fixtures/demo-people.ts';
import { makeFakeJwt, startFakeApi } from '../../addin/fixtures/fake-api-server.ts';
import { canRunChromium, launchChromium } from '../../helpers/launch-chromium.ts';

/** Opens the preview in headless Chromium, waits for Jess's card in the pane, returns the CSP violations reported. */
async function collectViolations(server: AddinServer): Promise<string[]> {
  const browser = await launchChromium();
  try {
    const violations: string[] = [];
    const { page } = browser;
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(server.previewUrl);
    await page.frameLocator('iframe[title="Crosswalk task pane"]').getByRole('heading', { name: 'Jess Morgan' }).waitFor({ timeout: 60_000 });
    return violations;
  } finally {
    await browser.close();
  }
}

function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

const ALL_CLOUD_HOSTS = CLOUD_IDS.flatMap((id) => {
  const cloud = getNationalCloud(id);
  return [new URL(cloud.officeJsUrl).origin, cloud.loginHost];
});

describe('buildContentSecurityPolicy', () => {
  it.each(CLOUD_IDS)('%s, deployed: own origin, this cloud\'s office.js CDN and authority, nothing more', (id) => {
    const cloud = getNationalCloud(id);
    const policy = buildContentSecurityPolicy({ cloud: id, officeJs: 'cdn' });
    const directives = parsePolicy(policy);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", new URL(cloud.officeJsUrl).origin]);
    expect(directives.get('connect-src')).toEqual(["'self'", cloud.loginHost]);
    expect(directives.get('frame-src')).toEqual(["'self'", cloud.loginHost]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(policy).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    // Only style-src relaxes inline (Griffel's runtime <style> elements).
    expect([...directives].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name)).toEqual(['style-src']);
    const ownHosts = [new URL(cloud.officeJsUrl).origin, cloud.loginHost];
    for (const host of ALL_CLOUD_HOSTS.filter((other) => !ownHosts.includes(other))) expect(policy).not.toContain(host);
  });

  it('locally takes office.js from the own origin and can name an API on another origin', () => {
    const local = parsePolicy(buildContentSecurityPolicy({ officeJs: 'self' }));
    expect(local.get('script-src')).toEqual(["'self'"]);
    const withApi = parsePolicy(buildContentSecurityPolicy({ cloud: 'gcc-high', officeJs: 'cdn', apiOrigin: 'https://crosswalk-api.azurewebsites.us/api' }));
    expect(withApi.get('connect-src')).toEqual(["'self'", 'https://crosswalk-api.azurewebsites.us', 'https://login.microsoftonline.us']);
  });
});

describe('the local add-in server', () => {
  let api: Awaited<ReturnType<typeof startFakeApi>>;
  let server: AddinServer;

  beforeAll(async () => {
    api = await startFakeApi();
    server = await startAddinServer({
      port: 0,
      apiBaseUrl: api.baseUrl,
      listMessages: () => messages,
      signedInUser: DANA,
      issueToken: async (user) => makeFakeJwt({ exp: Math.floor(Date.now() / 1000) + 3600, sub: user }),
    });
  });

  afterAll(async () => {
    await server?.close();
    await api?.close();
  });

  it.each(['/taskpane.html', '/preview.html', '/preview/taskpane.html', '/auth-dialog.html', '/support.html', '/office-js/office.js'])(
    'sends the local policy with %s',
    async (path) => {
      const response = await fetch(`${server.url}${path}`);
      await response.arrayBuffer();
      expect(response.status).toBe(200);
      expect(response.headers.get(CSP_HEADER)).toBe(buildContentSecurityPolicy({ officeJs: 'self' }));
    },
  );

  // Skipped only where Chromium is missing (CI installs it).
  it.skipIf(!canRunChromium)('runs the preview and the task pane in Chromium with no policy violation', async () => {
    expect(await collectViolations(server)).toEqual([]);
  });
});

describe('without the style allowance', () => {
  // The control for the check above, and the reason for style-src 'unsafe-inline': Fluent UI's
  // Griffel inserts <style> elements at run time, which a policy without it refuses.
  let api: Awaited<ReturnType<typeof startFakeApi>>;
  let server: AddinServer;

  beforeAll(async () => {
    api = await startFakeApi();
    server = await startAddinServer({
      port: 0,
      apiBaseUrl: api.baseUrl,
      listMessages: () => messages,
      signedInUser: DANA,
      issueToken: async (user) => makeFakeJwt({ exp: Math.floor(Date.now() / 1000) + 3600, sub: user }),
      contentSecurityPolicy: buildContentSecurityPolicy({ officeJs: 'self' }).replace("style-src 'self' 'unsafe-inline'", "style-src 'self'"),
    });
  });

  afterAll(async () => {
    await server?.close();
    await api?.close();
  });

  it.skipIf(!canRunChromium)('Chromium reports style violations', async () => {
    const violations = await collectViolations(server);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.join('\n')).toMatch(/style/i);
  });
});
