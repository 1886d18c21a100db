// The task pane as users meet it, end to end in headless Chromium with the real office.js on the
// preview page, against the whole local stack (Graph stand-in mined into Cosmos, the Functions
// host, real tokens): read mode, pinned switching, first-contact warnings on crafted spoofs
// (a Cyrillic look-alike of Orca County's domain, a dropped hyphen, a display name carrying
// Jess's address, "County Health Department" from gmail, a registered .gov), names and subjects
// with HTML and script shown as text, compose mode, the person page with a note, search, a
// keyboard-only journey, dark and high-contrast themes, 320 px. axe-core runs on every screen and
// must report zero violations; screenshots go to test-output/.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { startAddinServer, type AddinServer } from '../../dev/addin-server.ts';
import { toPreviewMessage } from '../../dev/addin-server/to-preview-message.ts';
import { DEMO_SIGNED_IN_USER, startStack, type Stack } from '../../dev/stack.ts';
import { listMailboxMessages } from '../../dev/tenant/list-mailbox-messages.ts';
import type { PreviewMessage } from '../../addin/src/preview/preview-message.ts';
import { canRunChromium, launchChromium, type ChromiumSession } from '../helpers/launch-chromium.ts';
import { findAxeViolations } from '../helpers/run-axe.ts';

const outputDir = resolve(import.meta.dirname, '../../test-output');
const DANA = DEMO_SIGNED_IN_USER;
const JESS = 'jess.morgan@housing.cascadia.gov';

/** Crafted messages sit below the demo's newest, so the preview opens on Jess's message (made the newest below). */
function craft(id: string, from: { name: string; address: string }, subject: string, to = [{ name: DANA.displayName, address: DANA.email }]): PreviewMessage {
  return { id, subject, from, to, cc: [], receivedDateTime: '2026-01-05T09:00:00Z' };
}

const spoofs = {
  cyrillic: craft('spoof-cyrillic', { name: 'Orca County Clerk', address: 'clerk@orcacounty-cascadiа.gov' }, 'Updated permit fees'),
  hyphen: craft('spoof-hyphen', { name: 'Orca County Permits', address: 'permits@orcacountycascadia.gov' }, 'Permit renewal due'),
  displayName: craft('spoof-display', { name: 'jess.morgan@housing.cascadia.gov', address: 'jessm0rgan@gmail.com' }, 'Quick favor'),
  govName: craft('spoof-govname', { name: 'County Health Department', address: 'orca.county.health@gmail.com' }, 'Shelter inspection results'),
  dotgov: craft('first-dotgov', { name: 'Someone at CDC', address: 'someone@cdc.gov' }, 'Shelter outbreak guidance'),
  hostile: craft('hostile', { name: '<img src=x onerror="window.__pwned=1">Eve', address: 'eve@shelternorth.org' }, '<script>window.__pwned=2</script>Budget <b>draft</b>'),
};

describe.skipIf(!canRunChromium)('task pane end to end (preview page, whole local stack)', () => {
  let stack: Stack;
  let server: AddinServer;
  let browser: ChromiumSession;
  let page: Page;
  let jessMessage: PreviewMessage;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    stack = await startStack({ ports: 'random', scale: 0.1, addin: false });
    expect((await stack.sync()).failures).toEqual([]);
    const inbox = listMailboxMessages(stack.tenant, DANA.email, { limit: 40 }).map(toPreviewMessage);
    const fromJess = inbox.find((m) => m.from.address.toLowerCase() === JESS && m.to.length + m.cc.length >= 1);
    expect(fromJess).toBeDefined();
    const newest = Math.max(...inbox.map((m) => Date.parse(m.receivedDateTime)));
    jessMessage = { ...fromJess!, receivedDateTime: new Date(newest + 60_000).toISOString() };
    server = await startAddinServer({
      port: 0,
      apiBaseUrl: stack.apiUrl.replace(/\/api$/, ''),
      listMessages: () => [jessMessage, ...Object.values(spoofs), ...inbox.filter((m) => m.id !== jessMessage.id).slice(0, 10)],
      signedInUser: DANA,
      issueToken: (user) => stack.issueUserToken(user),
    });
    mkdirSync(outputDir, { recursive: true });
    browser = await launchChromium({ viewport: { width: 1400, height: 900 } });
    page = browser.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await stack?.close();
  });

  const pane = (): FrameLocator => page.frameLocator('iframe[title="Crosswalk task pane"]');
  const paneFrame = (): Frame => {
    const frame = page.frames().find((f) => f.url().includes('/preview/taskpane.html'));
    if (!frame) throw new Error('The task pane frame is not on the page.');
    return frame;
  };
  const open = (message: PreviewMessage) => page.getByRole('navigation').getByRole('button', { name: new RegExp(message.subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();
  async function expectAccessible(screen: string) {
    expect(await findAxeViolations(paneFrame()), `axe on ${screen}`).toEqual([]);
  }
  const shoot = (name: string) => page.locator('iframe[title="Crosswalk task pane"]').screenshot({ path: join(outputDir, `task-pane-${name}.png`) });

  it('read mode: the sender first, every card filled in', async () => {
    await page.goto(server.previewUrl);
    const card = pane().getByRole('article', { name: 'Jess Morgan' });
    try {
      await card.waitFor({ timeout: 90_000 });
    } catch (error) {
      await page.screenshot({ path: join(outputDir, 'task-pane-read-failed.png') });
      throw new Error(`Jess's card did not show; the pane says: ${(await paneFrame().locator('body').textContent())?.slice(0, 800)}`, { cause: error });
    }
    await expect.poll(() => card.textContent(), { timeout: 30_000 }).toContain('Cascadia Department of Housing · State agency');
    const names = await pane().getByRole('heading', { level: 3 }).allTextContents();
    expect(names[0]).toBe('Jess Morgan');
    await pane().getByRole('combobox', { name: 'Search people, organizations and groups' }).waitFor();
    await expectAccessible('read mode');
    await shoot('read');
  });

  it('pinned: follows quick clicks through messages and ends on the last one, never a stale card', async () => {
    await open(spoofs.hyphen);
    await open(spoofs.cyrillic);
    await open(spoofs.dotgov);
    await pane().getByText('Shelter outbreak guidance').waitFor();
    await pane().getByRole('article', { name: 'Someone at CDC' }).waitFor();
    // Whatever answered last, only the open message's people are on screen.
    await page.waitForTimeout(1500);
    const names = await pane().getByRole('heading', { level: 3 }).allTextContents();
    expect(names).toEqual(['Someone at CDC', DANA.displayName]);
    await open(jessMessage);
    await pane().getByRole('article', { name: 'Jess Morgan' }).waitFor();
    expect(await pane().getByRole('article', { name: 'Someone at CDC' }).count()).toBe(0);
  });

  it('first contact with a registered .gov: what the domain tells', async () => {
    await open(spoofs.dotgov);
    const card = pane().getByRole('article', { name: 'Someone at CDC' });
    await card.getByText('Registered .gov').waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('First contact');
    expect(text).toContain('Centers for Disease Control and Prevention');
    expect(text).toContain('Federal agency');
    expect(text).toContain('Part of Department of Health and Human Services');
    expect(text).toContain('Atlanta, GA');
    expect(await pane().getByRole('list', { name: /Warnings about/ }).count()).toBe(0);
    await expectAccessible('first contact (.gov)');
    await shoot('first-contact-dotgov');
  });

  it.each([
    ['a Cyrillic look-alike of a tenant organization', 'cyrillic', 'Orca County Clerk', 'Look-alike domain', 'looks like orcacounty-cascadia.gov (Orca County)'],
    ['a dropped hyphen', 'hyphen', 'Orca County Permits', 'Look-alike domain', 'differs only in dots or hyphens'],
    ['a display name carrying another address', 'displayName', 'jess.morgan@housing.cascadia.gov', 'Name shows another address', 'but the message comes from jessm0rgan@gmail.com'],
    ['a government name from free mail', 'govName', 'County Health Department', 'Government name, free email', 'sounds like a government office'],
  ] as const)('warns about %s', async (_what, key, sender, title, sentence) => {
    await open(spoofs[key]);
    const warnings = pane().getByRole('list', { name: `Warnings about ${sender}` });
    await warnings.waitFor({ timeout: 30_000 });
    const text = (await warnings.textContent()) ?? '';
    expect(text).toContain(title);
    expect(text).toContain(sentence);
    await expectAccessible(`warnings: ${key}`);
    await shoot(`warning-${key}`);
  });

  it('shows HTML and script in names and subjects as text, never running them', async () => {
    await open(spoofs.hostile);
    await pane().getByText('<script>window.__pwned=2</script>Budget <b>draft</b>').waitFor();
    await pane().getByRole('heading', { level: 3, name: '<img src=x onerror="window.__pwned=1">Eve' }).waitFor();
    const frame = paneFrame();
    expect(await frame.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await frame.locator('main img, main script, main b').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('compose mode: who the draft is going to, external and first-contact recipients flagged', async () => {
    await open(jessMessage);
    await pane().getByRole('article', { name: 'Jess Morgan' }).waitFor();
    await page.getByRole('button', { name: 'Open as draft (compose mode)' }).click();
    await pane().getByRole('heading', { name: /^Going to/ }).waitFor();
    await page.getByLabel('Add a recipient (To)').fill('Pat Doe <pat.doe@gmail.com>');
    await page.getByRole('button', { name: 'Add to draft' }).click();
    const newcomer = pane().getByRole('article', { name: 'Pat Doe' });
    await newcomer.getByText('First contact').waitFor({ timeout: 30_000 });
    expect(await newcomer.getByText('External').count()).toBe(1);
    expect(await pane().getByRole('article', { name: DANA.displayName }).getByText('External').count()).toBe(0);
    await pane().getByText(/You have never written to Pat Doe/).waitFor();
    await expectAccessible('compose');
    await shoot('compose');
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await pane().getByRole('heading', { name: /^People on this message/ }).waitFor();
  });

  it("the person page: everything about Jess, and a note shared with the team", async () => {
    await pane().getByRole('button', { name: 'Details about Jess Morgan' }).click();
    const page2 = pane().getByRole('article', { name: 'Jess Morgan' });
    await pane().getByRole('heading', { level: 2, name: 'Jess Morgan' }).waitFor({ timeout: 30_000 });
    for (const region of ['Organization', 'Your relationship', 'Who on your team knows them best', 'Roles', 'Recent contact', 'Details and history', 'Notes shared with your team']) {
      await page2.getByRole('region', { name: region }).waitFor();
    }
    expect((await page2.getByRole('region', { name: 'Your relationship' }).textContent()) ?? '').toMatch(/Computed from \d+ emails? you sent/);
    await page2.getByRole('textbox', { name: /Add a note about Jess Morgan/ }).fill('Prefers a call before 10 am.');
    await page2.getByRole('button', { name: 'Save note' }).click();
    await page2.getByText('Prefers a call before 10 am.').waitFor();
    await expectAccessible('person page');
    await shoot('person');
    await pane().getByRole('button', { name: '← Back' }).click();
    await pane().getByRole('article', { name: 'Jess Morgan' }).getByRole('button', { name: 'Details about Jess Morgan' }).waitFor();
  });

  it('search: people, organizations and groups, an organization page', async () => {
    const box = pane().getByRole('combobox', { name: 'Search people, organizations and groups' });
    await box.fill('orca');
    const listbox = pane().getByRole('listbox', { name: 'Search results' });
    await listbox.waitFor({ timeout: 30_000 });
    await listbox.getByRole('option', { name: /^Orca County/ }).first().waitFor();
    await expectAccessible('search results');
    await shoot('search');
    await listbox.getByRole('option', { name: /^Orca County/ }).first().click();
    await pane().getByRole('heading', { level: 2, name: 'Orca County' }).waitFor({ timeout: 30_000 });
    expect((await pane().getByRole('article', { name: 'Orca County' }).textContent()) ?? '').toContain('orcacounty-cascadia.gov');
    await expectAccessible('organization page');
    await shoot('organization');
    await pane().getByRole('button', { name: '← Back' }).click();
    await pane().getByRole('heading', { name: /^People on this message/ }).waitFor();
  });

  it('the add-to-group form, a group page and the suggestions view pass axe too', async () => {
    await open(jessMessage);
    const card = pane().getByRole('article', { name: 'Jess Morgan' });
    await card.waitFor();
    await pane().getByRole('button', { name: 'Add people…' }).click();
    await pane().getByRole('group', { name: 'Add people to a group' }).waitFor({ timeout: 30_000 });
    await expectAccessible('add to a group');
    await pane().getByRole('button', { name: 'Hide' }).click();
    await card.getByRole('group', { name: 'Roles' }).getByRole('button').first().click();
    await pane().getByRole('button', { name: '← Back to the message' }).waitFor({ timeout: 30_000 });
    await pane().getByRole('tab', { name: 'Members' }).waitFor({ timeout: 30_000 });
    await expectAccessible('group page');
    await shoot('group');
    await pane().getByRole('button', { name: '← Back to the message' }).click();
    await pane().getByRole('button', { name: 'Suggestions' }).click();
    await page.waitForTimeout(1500);
    await expectAccessible('suggestions');
    await shoot('suggestions');
  });

  it('keyboard only: search, open a person, add a note, go back, open a card, go back', async () => {
    // A fresh start (the reload makes a new frame).
    await page.reload();
    await pane().getByRole('article', { name: 'Jess Morgan' }).waitFor({ timeout: 60_000 });
    const frame = paneFrame();
    const focused = () => frame.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element ? `${element.tagName.toLowerCase()}|${element.getAttribute('role') ?? ''}|${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 60) ?? ''}|${element.id}` : '';
    });
    // Only the keyboard from here: Tab through the preview's own controls into the pane, where the
    // first stops are the header's Suggestions button and the search box.
    const inPane = () => frame.evaluate(() => document.hasFocus() && document.activeElement !== document.body);
    for (let i = 0; i < 80 && !(await inPane().catch(() => false)); i++) await page.keyboard.press('Tab');
    expect(await focused()).toContain('Suggestions');
    await page.keyboard.press('Tab');
    expect(await focused()).toContain('crosswalk-search');
    await page.keyboard.type('jess mor');
    await pane().getByRole('option', { name: /^Jess Morgan/ }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await pane().getByRole('heading', { level: 2, name: 'Jess Morgan' }).waitFor({ timeout: 30_000 });
    expect(await focused()).toMatch(/^h2\|/);
    // Tab forward to the note box, type, Tab to Save, Enter.
    for (let i = 0; i < 60 && !(await focused()).startsWith('textarea'); i++) await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^textarea/);
    await page.keyboard.type('Met at the March summit.');
    for (let i = 0; i < 5 && !(await focused()).includes('Save note'); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await pane().getByText('Met at the March summit.').waitFor();
    // Back: Shift+Tab up to the Back button, Enter; focus returns to the search box.
    for (let i = 0; i < 80 && !(await focused()).includes('← Back'); i++) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toContain('crosswalk-search');
    // On to a card's Details button, Enter, and back with focus on that button.
    for (let i = 0; i < 80 && !(await focused()).includes('Details about Jess Morgan'); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await pane().getByRole('heading', { level: 2, name: 'Jess Morgan' }).waitFor();
    for (let i = 0; i < 80 && !(await focused()).includes('← Back'); i++) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toContain('Details about Jess Morgan');
  });

  it('dark and high-contrast themes follow Office and the system, accessibly', async () => {
    await page.getByRole('switch', { name: 'Dark theme' }).click();
    await pane().locator('[data-theme="dark"]').waitFor();
    await page.waitForTimeout(600); // Fluent's colour transitions settle before colours are measured
    await expectAccessible('dark theme');
    await shoot('dark');
    await page.getByRole('switch', { name: 'Dark theme' }).click();
    await pane().locator('[data-theme="light"]').waitFor();
    // Windows' high-contrast themes force the system's colours; the common ones are light text on
    // black (Night sky, Aquatic), which Chromium emulates with forced colours and a dark scheme.
    try {
      await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
      await pane().locator('[data-theme="high-contrast"]').waitFor();
      await page.waitForTimeout(600);
      await expectAccessible('high contrast');
      await shoot('high-contrast');
    } finally {
      await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
    }
    await pane().locator('[data-theme="light"]').waitFor();
  });

  it('fits a 320 px pane (and a phone) without sideways scrolling, on every screen', async () => {
    const frame = paneFrame();
    const overflow = () => frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    for (const width of [320, 375]) {
      await page.evaluate((w) => {
        const iframe = document.querySelector('iframe[title="Crosswalk task pane"]') as HTMLIFrameElement;
        iframe.style.width = `${w}px`;
        (iframe.parentElement as HTMLElement).style.width = `${w}px`;
      }, width);
      await open(jessMessage);
      await pane().getByRole('article', { name: 'Jess Morgan' }).waitFor();
      expect(await overflow(), `read at ${width}`).toBeLessThanOrEqual(0);
      await open(spoofs.cyrillic);
      await pane().getByRole('list', { name: 'Warnings about Orca County Clerk' }).waitFor();
      expect(await overflow(), `warnings at ${width}`).toBeLessThanOrEqual(0);
      await shoot(`${width}px-warning`);
      await open(jessMessage);
      await pane().getByRole('button', { name: 'Details about Jess Morgan' }).click();
      await pane().getByRole('heading', { level: 2, name: 'Jess Morgan' }).waitFor();
      expect(await overflow(), `person page at ${width}`).toBeLessThanOrEqual(0);
      await shoot(`${width}px-person`);
      await pane().getByRole('button', { name: '← Back' }).click();
    }
    await expectAccessible('320 px');
  });

  it('loaded nothing it should not, and raised no page errors', () => {
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
