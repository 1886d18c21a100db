// The network map end to end, as a user meets it after `npm start`: the whole local stack
// mined, the preview page in headless Chromium with the real office.js. From Jess's card the
// person page's "Open in network map" opens the Office dialog (the stand-in's pop-up); the map
// draws her network with WebGL (software rendering, --disable-gpu), or — where WebGL is missing —
// says so and the list carries it. The list is walked by keyboard, a filter applied, axe-core
// finds nothing on either view, then a group page's action shows the group's network in the
// same dialog, dark like the pane; reloaded without WebGL, the dialog falls back to the list.
// Screenshots go to test-output/.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { startStack, type Stack } from '../../dev/stack.ts';
import { networkPalettes } from '../../addin/src/network-map/network-palette.ts';
import { canRunChromium, launchChromium, type ChromiumSession } from '../helpers/launch-chromium.ts';
import { findAxeViolations } from '../helpers/run-axe.ts';

const outputDir = resolve(import.meta.dirname, '../../test-output');
/** How many pixels of the element's screenshot are (near) this colour: the drawn nodes of one kind. */
async function countPixelsOfColour(page: Page, selector: string, hex: string): Promise<number> {
  const png = (await page.locator(selector).screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, hex }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) < 40) count += 1;
      }
      return count;
    },
    { png, hex },
  );
}

describe.skipIf(!canRunChromium)('network map dialog, from the task pane on the whole local stack', () => {
  let stack: Stack;
  let browser: ChromiumSession;
  let page: Page;
  const dialogErrors: string[] = [];
  const diagnostics: string[] = [];

  beforeAll(async () => {
    stack = await startStack({ ports: 'random', scale: 0.1 });
    const report = await stack.sync();
    expect(report.failures).toEqual([]);
    mkdirSync(outputDir, { recursive: true });
    browser = await launchChromium();
    page = browser.page;
    page.on('pageerror', (error) => diagnostics.push(`pane error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') diagnostics.push(`console: ${message.text().slice(0, 300)}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) diagnostics.push(`HTTP ${response.status()} ${response.url().split('?')[0]}`);
    });
  });

  /** On a failed step, says what the browser saw: errors, failed requests, the pane's text. */
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    const frame = page.frames().find((f) => f.url().includes('/preview/taskpane.html'));
    const paneText = frame ? await frame.locator('body').innerText({ timeout: 5_000 }).catch(() => '(unreadable)') : '(no pane frame)';
    await page.screenshot({ path: join(outputDir, 'e2e-network-map-failure.png') }).catch(() => {});
    console.error(`Browser diagnostics:\n${[...diagnostics, ...dialogErrors].join('\n') || '(none)'}\nPane text:\n${paneText.slice(0, 1_500)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const pane = (): FrameLocator => page.frameLocator('iframe[title="Crosswalk task pane"]');

  async function setTheme(theme: 'light' | 'dark') {
    const toggle = page.getByRole('switch', { name: 'Dark theme' });
    if ((await toggle.isChecked()) !== (theme === 'dark')) await toggle.click();
    await expect.poll(() => pane().locator('[data-theme]').first().getAttribute('data-theme'), { timeout: 10_000 }).toBe(theme);
  }

  it("opens Jess's network from her card, draws it, and lets a keyboard walk it as a list", async () => {
    await page.goto(stack.previewUrl);
    const fromJess = page.getByRole('navigation').getByRole('button', { name: /Jess|Morgan/ }).first();
    await fromJess.waitFor({ timeout: 60_000 });
    await fromJess.click();
    const card = pane().getByRole('article', { name: 'Jess Morgan' });
    await card.waitFor({ timeout: 60_000 });
    await card.getByRole('button', { name: 'Details about Jess Morgan' }).click();

    // The person page's action opens the Office dialog: in the preview, a pop-up window.
    const opened = browser.context.waitForEvent('page', { timeout: 30_000 });
    await pane().getByRole('button', { name: 'Open in network map' }).click({ timeout: 30_000 });
    const dialog = await opened;
    dialog.on('pageerror', (error) => dialogErrors.push(error.message));
    const answer = await dialog.waitForResponse((response) => response.url().includes('/api/network?'), { timeout: 30_000 });
    expect(answer.status()).toBe(200);
    // Aggregates only: the answer carries no interaction, so no subject of anyone's mail.
    expect(await answer.text()).not.toMatch(/"subject"|lastInteractions/);
    expect(new URL(answer.url()).searchParams.get('personId')).toBeTruthy();
    expect(new URL(dialog.url()).pathname).toBe('/preview/network-map.html');
    // The token travels by dialog messaging, never in the page address.
    expect(dialog.url()).not.toMatch(/token|Bearer|ey[A-Za-z0-9_-]{20,}/);

    await dialog.getByRole('heading', { level: 1, name: 'Network of Jess Morgan' }).waitFor({ timeout: 30_000 });
    const summary = (await dialog.getByRole('status').first().textContent()) ?? '';
    expect(summary).toMatch(/^Showing \d+ people, \d+ organizations?, \d+ groups?/);
    const people = Number(/Showing (\d+) people/.exec(summary)?.[1]);
    expect(people).toBeGreaterThan(5);

    let drawnNodes: number | null = null;
    const webgl = await dialog.evaluate(() => Boolean(document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl')));
    if (webgl) {
      // Sigma drew the nodes: the map shows the people's colour, lots of it.
      await dialog.locator('[data-rendered-nodes]').waitFor({ timeout: 30_000 });
      drawnNodes = Number(await dialog.locator('[data-rendered-nodes]').getAttribute('data-rendered-nodes'));
      expect(drawnNodes).toBeGreaterThan(people);
      await expect.poll(() => countPixelsOfColour(dialog, '[data-rendered-nodes]', networkPalettes.light.node.person), { timeout: 15_000 }).toBeGreaterThan(500);
      expect(await countPixelsOfColour(dialog, '[data-rendered-nodes]', networkPalettes.light.node.group)).toBeGreaterThan(20);
      expect(await findAxeViolations(dialog.mainFrame())).toEqual([]);
      await dialog.screenshot({ path: join(outputDir, 'e2e-network-map-jess.png') });
    } else {
      // No WebGL here: the dialog says so and opens on the list, which carries the whole network.
      await dialog.getByText('The map cannot be drawn here').waitFor();
      expect(await dialog.getByRole('tab', { name: 'List' }).getAttribute('aria-selected')).toBe('true');
    }

    // The list, by keyboard: a name, Enter, and the details of that person with their tie to Jess.
    await dialog.getByRole('tab', { name: 'List' }).click();
    const table = dialog.getByRole('table');
    await table.waitFor();
    // The same network in both views.
    if (drawnNodes !== null) expect(await table.getByRole('rowheader').count()).toBe(drawnNodes);
    const dana = table.getByRole('button', { name: 'Dana Reyes', exact: true });
    await dana.focus();
    await dialog.keyboard.press('Enter');
    const details = dialog.getByRole('region', { name: 'Dana Reyes' });
    await details.waitFor();
    await expect.poll(() => dialog.evaluate(() => document.activeElement?.textContent)).toBe('Dana Reyes');
    expect(await details.getByRole('list').textContent()).toMatch(/Jess Morgan(Very strong|Strong|Moderate|Weak) relationship \(\d+\)/);
    expect(await findAxeViolations(dialog.mainFrame())).toEqual([]);
    await dialog.screenshot({ path: join(outputDir, 'e2e-network-map-list.png') });

    // A filter: without groups, no group is listed.
    const groupsBefore = await table.getByRole('row').filter({ hasText: 'Group' }).count();
    expect(groupsBefore).toBeGreaterThan(0);
    await dialog.getByRole('checkbox', { name: 'Groups' }).click();
    await expect.poll(() => table.getByRole('row').filter({ has: dialog.getByRole('cell', { name: 'Group', exact: true }) }).count()).toBe(0);
    expect(await dialog.getByRole('status').first().textContent()).toMatch(/hidden by the filters/);
    await dialog.getByRole('checkbox', { name: 'Groups' }).click();
    expect(dialogErrors).toEqual([]);
  });

  it("shows a group's network in the same dialog from the group page, dark like the pane", async () => {
    await setTheme('dark');
    const card = pane().getByRole('article', { name: 'Jess Morgan' });
    if (!(await card.isVisible())) await pane().getByRole('button', { name: /^(← )?Back/ }).first().click();
    await card.getByRole('button', { name: 'Homelessness Reduction Initiative' }).click();
    await pane().getByRole('heading', { level: 2, name: 'Homelessness Reduction Initiative' }).waitFor({ timeout: 30_000 });
    const dialog = browser.context.pages().find((candidate) => candidate.url().includes('/preview/network-map.html'))!;
    expect(dialog).toBeTruthy();
    const pages = browser.context.pages().length;
    await pane().getByRole('button', { name: 'Open in network map' }).click();
    await dialog.getByRole('heading', { level: 1, name: 'Network of Homelessness Reduction Initiative' }).waitFor({ timeout: 30_000 });
    // One dialog at a time: the open one shows the new network.
    expect(browser.context.pages()).toHaveLength(pages);
    expect(await dialog.locator('[data-theme]').first().getAttribute('data-theme')).toBe('dark');
    await dialog.getByRole('tab', { name: 'List' }).click();
    expect(await dialog.getByRole('table').getByRole('rowheader').filter({ hasText: 'Jess Morgan' }).count()).toBe(1);
    expect(await findAxeViolations(dialog.mainFrame())).toEqual([]);
    await dialog.getByRole('tab', { name: 'Map' }).click();
    await dialog.waitForTimeout(500);
    await dialog.screenshot({ path: join(outputDir, 'e2e-network-map-group-dark.png') });
    expect(dialogErrors).toEqual([]);
    await setTheme('light');
  });

  it('where WebGL is off, says so after a reload and carries the network in the list', async () => {
    const dialog = browser.context.pages().find((candidate) => candidate.url().includes('/preview/network-map.html'))!;
    // A browser with WebGL switched off: no canvas hands out a WebGL context.
    await dialog.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/i.test(type) ? null : (getContext as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
      } as typeof HTMLCanvasElement.prototype.getContext;
    });
    // After a reload the page tells the pane it is ready again and gets the network it showed.
    await dialog.reload();
    await dialog.getByRole('heading', { level: 1, name: 'Network of Homelessness Reduction Initiative' }).waitFor({ timeout: 30_000 });
    expect(await dialog.getByRole('tab', { name: 'List' }).getAttribute('aria-selected')).toBe('true');
    await dialog.getByRole('table').waitFor();
    expect(await dialog.getByRole('table').getByRole('rowheader').count()).toBeGreaterThan(5);
    await dialog.getByRole('tab', { name: 'Map' }).click();
    await dialog.getByText('The map cannot be drawn here').waitFor();
    expect(await dialog.locator('canvas').count()).toBe(0);
    expect(await findAxeViolations(dialog.mainFrame())).toEqual([]);
    await dialog.screenshot({ path: join(outputDir, 'e2e-network-map-no-webgl.png') });
    await dialog.getByRole('button', { name: 'Show the list' }).click();
    await dialog.getByRole('table').waitFor();
    expect(dialogErrors).toEqual([]);
  });
});
