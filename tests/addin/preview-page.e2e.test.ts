// End-to-end check of the local Outlook preview in headless Chromium: the real office.js and
// the mailbox stand-in in a 350 px iframe, a fake API answering Jess's card. Screenshots go to
// test-output/ for a human to look at. Skipped where Chromium is not installed.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startAddinServer } from '../../dev/addin-server.ts';
import type { AddinServer } from '../../dev/addin-server.ts';
import { DANA, messages } from './fixtures/demo-people.ts';
import { makeFakeJwt, startFakeApi } from './fixtures/fake-api-server.ts';
import { canRunChromium, launchChromium, type ChromiumSession } from '../helpers/launch-chromium.ts';

const outputDir = resolve(import.meta.dirname, '../../test-output');

describe.skipIf(!canRunChromium)('local Outlook preview (headless Chromium)', () => {
  let api: Awaited<ReturnType<typeof startFakeApi>>;
  let server: AddinServer;
  let browser: ChromiumSession;
  let page: Page;
  const offOrigin: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    api = await startFakeApi();
    server = await startAddinServer({
      port: 0,
      apiBaseUrl: api.baseUrl,
      listMessages: () => messages,
      signedInUser: DANA,
      issueToken: async (user) => makeFakeJwt({ exp: Math.floor(Date.now() / 1000) + 3600, sub: user }),
    });
    mkdirSync(outputDir, { recursive: true });
    browser = await launchChromium({ viewport: { width: 1400, height: 860 } });
    page = browser.page;
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:')) offOrigin.push(url);
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await api?.close();
  });

  const pane = () => page.frameLocator('iframe[title="Crosswalk task pane"]');

  it('shows the first message and Jess\'s card in the 350 px task pane', async () => {
    await page.goto(server.previewUrl);
    await pane().getByRole('heading', { name: 'Jess Morgan' }).waitFor({ timeout: 60_000 });

    expect(await page.getByText('Local preview').count()).toBeGreaterThan(0);
    const frameBox = await page.locator('iframe[title="Crosswalk task pane"]').boundingBox();
    expect(frameBox?.width).toBe(350);

    const card = pane().getByRole('article', { name: 'Jess Morgan' });
    await expect.poll(() => card.textContent()).toContain('Cascadia Department of Housing · State agency');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Very strong');
    expect(text).toContain('Lead · Homelessness Reduction Initiative');
    expect(text).toContain('Board member · Regional Housing Council');
    expect(await pane().getByRole('article', { name: 'Dana Reyes' }).getByLabel('This is you').count()).toBe(1);

    const lookup = api.requests.find((request) => request.url === '/api/lookup');
    expect(lookup?.authorization).toMatch(/^Bearer .+\..+\./);
    // One request for everyone, display names along for the first-contact checks.
    expect(JSON.parse(lookup!.body)).toEqual({
      emails: ['jess.morgan@housing.cascadia.gov', DANA.email, 'new.contact@shelternorth.org'],
      names: [
        { email: 'jess.morgan@housing.cascadia.gov', name: 'Jess Morgan' },
        { email: DANA.email, name: DANA.displayName },
        { email: 'new.contact@shelternorth.org', name: 'New Contact' },
      ],
    });

    await page.screenshot({ path: join(outputDir, 'preview-read.png') });
  });

  it('follows a click on another message through ItemChanged', async () => {
    await page.getByRole('button', { name: /Intro: north county shelter/ }).click();
    await pane().getByText('Intro: north county shelter').waitFor();
    await pane().getByRole('heading', { name: 'Jess Morgan' }).waitFor({ state: 'detached' });
    expect(await pane().getByRole('article', { name: 'New Contact' }).getByText('Not seen before').count()).toBe(1);
    await page.screenshot({ path: join(outputDir, 'preview-unknown-sender.png') });
  });

  it('reads recipients through getAsync when the message is opened as a draft', async () => {
    await page.getByRole('button', { name: /Shelter bed counts/ }).click();
    await pane().getByRole('heading', { name: 'Jess Morgan' }).waitFor();
    await page.getByRole('button', { name: 'Open as draft (compose mode)' }).click();
    await pane().getByText('Draft: Shelter bed counts for March').waitFor();
    // The draft's sender is the signed-in user (From via getAsync), who is also on To.
    const names = await pane().getByRole('heading', { level: 3 }).allTextContents();
    expect(names).toEqual(['Dana Reyes', 'New Contact']);
    expect(await pane().getByRole('heading', { name: 'Jess Morgan' }).count()).toBe(0);
  });

  it('follows a recipient typed into the draft (RecipientsChanged) and flags them as external and first contact', async () => {
    await page.getByLabel('Add a recipient (To)').fill('Pat Doe <pat.doe@gmail.com>');
    await page.getByRole('button', { name: 'Add to draft' }).click();
    const newcomer = pane().getByRole('article', { name: 'Pat Doe' });
    await newcomer.getByText('First contact').waitFor();
    expect(await newcomer.getByText('External').count()).toBe(1);
    expect(await pane().getByRole('article', { name: 'New Contact' }).getByText('External').count()).toBe(1);
    expect(await pane().getByRole('article', { name: 'Dana Reyes' }).getByText('External').count()).toBe(0);
    await pane().getByText('Going to 2 people · 2 outside your organization · 2 first contact').waitFor();
    await page.locator('iframe[title="Crosswalk task pane"]').screenshot({ path: join(outputDir, 'pane-compose.png') });
  });

  it('switches the pane to the dark theme with the page', async () => {
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await pane().getByRole('heading', { name: 'Jess Morgan' }).waitFor();
    await page.getByRole('switch', { name: 'Dark theme' }).click();
    await pane().locator('[data-theme="dark"]').waitFor();
    await page.locator('iframe[title="Crosswalk task pane"]').screenshot({ path: join(outputDir, 'pane-dark.png') });
  });

  it('loaded nothing from outside the local server and raised no page errors', async () => {
    // office.js schedules its telemetry frame 3 s after loading; give it the chance to misbehave.
    await page.waitForTimeout(3500);
    expect(offOrigin).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
