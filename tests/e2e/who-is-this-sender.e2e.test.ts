// The product end to end, as a user meets it after `npm start`: the whole local stack (Graph
// stand-in mined into Cosmos, the Functions host, the token issuer, the add-in server), the
// preview page in headless Chromium with the real office.js, a click on a message from Jess,
// and her roles in the task pane. Screenshots go to test-output/.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startStack, type Stack } from '../../dev/stack.ts';
import { canRunChromium, launchChromium, type ChromiumSession } from '../helpers/launch-chromium.ts';

const outputDir = resolve(import.meta.dirname, '../../test-output');

describe.skipIf(!canRunChromium)('preview page on the whole local stack', () => {
  let stack: Stack;
  let browser: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack({ ports: 'random', scale: 0.2 });
    const report = await stack.sync();
    expect(report.failures).toEqual([]);
    mkdirSync(outputDir, { recursive: true });
    browser = await launchChromium();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
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
