// The product end to end, as a user meets it after `npm start`: the whole local stack (Graph
// stand-in mined into Cosmos, the Functions host, the token issuer, the add-in server), the
// preview page in headless Chromium with the real office.js, a click on a message from Jess,
// and her roles in the task pane. Screenshots go to test-output/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startStack, type Stack } from '../../dev/stack.ts';

const chromiumPath = '/usr/bin/chromium';
const outputDir = resolve(import.meta.dirname, '../../test-output');
// On a developer machine without Chromium the test is skipped; in CI (.ci/run installs it) it must run.
const canRun = existsSync(chromiumPath) || process.env.CI === 'true';

describe.skipIf(!canRun)('preview page on the whole local stack', () => {
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;
  let profileDir: string;

  beforeAll(async () => {
    stack = await startStack({ ports: 'random', scale: 0.2 });
    const report = await stack.sync();
    expect(report.failures).toEqual([]);
    profileDir = mkdtempSync(join(tmpdir(), 'crosswalk-e2e-'));
    mkdirSync(outputDir, { recursive: true });
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  const pane = () => page.frameLocator('iframe[title="Crosswalk task pane"]');

  it("clicking a message from Jess shows her card with all five roles", async () => {
    await page.goto(stack.previewUrl);
    const fromJess = page.getByRole('navigation').getByRole('button', { name: /Jess|Morgan/ }).first();
    await fromJess.waitFor({ timeout: 60_000 });
    await fromJess.click();

    const card = pane().getByRole('article', { name: 'Jess Morgan' });
    await card.waitFor({ timeout: 60_000 });
    await expect.poll(() => card.textContent(), { timeout: 30_000 }).toContain('Cascadia Department of Housing · State agency');
    const text = (await card.textContent()) ?? '';
    for (const role of [
      'Lead · Homelessness Reduction Initiative',
      'Coordination lead · Housing–Public Health Coordination',
      'Point of contact · Shelter Network',
      'Member · State–County–Local Homelessness Working Group',
      'Board member · Regional Homelessness Council',
    ]) {
      expect(text).toContain(role);
    }
    expect(text).toContain('Homelessness Programs Manager');
    expect(text).toMatch(/Strong|Very strong/);
    await page.screenshot({ path: join(outputDir, 'e2e-jess-card.png') });
  });
});
