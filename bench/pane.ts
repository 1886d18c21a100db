// `npm run bench:pane`: the task pane's speed budget, in headless Chromium with the real office.js
// against the local stack (the demo tenant synced into the Cosmos stand-in, the Functions host),
// the add-in served as the production build. Prints JSON lines (never asserted anywhere);
// docs/PERFORMANCE.md, "Task pane", records them.
//   - bundle: the pane's initial JavaScript, gzip (office.js excluded: Microsoft's, loaded apart),
//     and the lazy chunks of the rare views (budget ≤ 200 kB);
//   - pane-open: from Office.onReady to the cards (the sender first) painted with data, on a
//     fresh load of the pane, over --opens runs (budget ≤ 300 ms median);
//   - pane-switch: from ItemChanged (another message clicked in the preview) to the new cards
//     painted with data: "cold" for messages whose people the session has not seen yet, "warm"
//     for going back to one (budget ≤ 150 ms median).
// The pane marks those moments itself (addin/src/taskpane/model/mark-pane-timing.ts).
//   npm run bench:pane -- [--scale 0.3] [--opens 15] [--switches 20]
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Frame, Page } from 'playwright-core';
import { build } from 'vite';
import { startAddinServer } from '../dev/addin-server.ts';
import { toPreviewMessage } from '../dev/addin-server/to-preview-message.ts';
import { DEMO_SIGNED_IN_USER, startStack } from '../dev/stack.ts';
import { listMailboxMessages } from '../dev/tenant/list-mailbox-messages.ts';
import type { PreviewMessage } from '../addin/src/preview/preview-message.ts';
import { PANE_MARKS } from '../addin/src/taskpane/model/mark-pane-timing.ts';
import { launchChromium } from '../tests/helpers/launch-chromium.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.3' },
    opens: { type: 'string', default: '15' },
    switches: { type: 'string', default: '20' },
  },
});
const opens = Math.max(3, Number(values.opens));
const switches = Math.max(3, Number(values.switches));
const print = (figure: string, data: Record<string, unknown>) => console.log(JSON.stringify({ figure, ...data }));
const round = (n: number) => Math.round(n * 10) / 10;

function summarize(samples: readonly number[]): Record<string, number> {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { runs: sorted.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), minMs: round(sorted[0]!), maxMs: round(sorted.at(-1)!) };
}

print('machine', { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version });

// 1. The production build, and what the pane's first load fetches.
const projectRoot = resolve(import.meta.dirname, '..');
const outDir = join(tmpdir(), `crosswalk-bench-pane-${process.pid}`);
await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
const gzipBytes = (file: string) => gzipSync(readFileSync(join(outDir, file))).length;
const html = readFileSync(join(outDir, 'taskpane.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(bundle\/[^"]+\.js)"/g)].map((m) => m[1]!);
const initialGzip = initial.reduce((sum, file) => sum + gzipBytes(file), 0);
const chunks = readdirSync(join(outDir, 'bundle')).map((file) => `bundle/${file}`);
const lazyChunk = (name: string) => chunks.find((file) => file.startsWith(`bundle/${name}-`) && file.endsWith('.js')) ?? null;
print('bundle', {
  initialJsGzipKiB: round(initialGzip / 1024),
  budgetKiB: 200,
  files: initial.map((file) => ({ file, gzipKiB: round(gzipBytes(file) / 1024) })),
  lazy: ['person-page', 'organization-page', 'group-page', 'add-to-group-form', 'suggestions-view'].map((view) => {
    const file = lazyChunk(view);
    return { view, file, gzipKiB: file ? round(gzipBytes(file) / 1024) : null };
  }),
});

// 2. The local stack with the demo tenant synced, and the production build served beside it.
let t = performance.now();
const stack = await startStack({ ports: 'random', scale: Number(values.scale), addin: false });
const report = await stack.sync();
print('stack', { scale: Number(values.scale), syncFailures: report.failures.length, seconds: round((performance.now() - t) / 1000) });
const inbox = listMailboxMessages(stack.tenant, DEMO_SIGNED_IN_USER.email, { limit: 200 }).map(toPreviewMessage);
const server = await startAddinServer({
  port: 0,
  apiBaseUrl: stack.apiUrl.replace(/\/api$/, ''),
  listMessages: () => inbox,
  signedInUser: DEMO_SIGNED_IN_USER,
  issueToken: (user) => stack.issueUserToken(user),
  mode: 'static',
  staticDir: outDir,
});
const browser = await launchChromium({ viewport: { width: 1400, height: 900 } });
const page = browser.page;

const paneFrame = (): Frame => {
  const frame = page.frames().find((f) => f.url().includes('/preview/taskpane.html'));
  if (!frame) throw new Error('The task pane frame is not on the page.');
  return frame;
};

/** Marks of the pane so far, by name, in order (startTime in the pane's own clock). */
async function readMarks(frame: Frame): Promise<{ name: string; startTime: number }[]> {
  const names: string[] = Object.values(PANE_MARKS);
  return frame.evaluate((wanted) => performance.getEntriesByType('mark').filter((m) => wanted.includes(m.name)).map((m) => ({ name: m.name, startTime: m.startTime })), names);
}

/** Waits for the first "cards painted" mark after the given time; returns its time. */
async function waitForPaintAfter(frame: Frame, after: number): Promise<number> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const painted = (await readMarks(frame)).find((m) => m.name === PANE_MARKS.cardsPainted && m.startTime >= after);
    if (painted) return painted.startTime;
    if (Date.now() > deadline) throw new Error('the pane never painted its cards');
    await new Promise((r) => setTimeout(r, 5));
  }
}

try {
  // 3. Opening the pane: a fresh page each run (new frame, office.js, Office.onReady), the first message.
  const openSamples: number[] = [];
  for (let run = 0; run < opens + 1; run++) {
    await page.goto(server.previewUrl);
    await page.waitForFunction(() => document.querySelector('iframe[title="Crosswalk task pane"]') !== null);
    let frame: Frame | undefined;
    for (let i = 0; i < 600 && !frame; i++) {
      frame = page.frames().find((f) => f.url().includes('/preview/taskpane.html'));
      if (!frame) await new Promise((r) => setTimeout(r, 20));
    }
    if (!frame) throw new Error('no pane frame');
    await frame.waitForFunction((name) => performance.getEntriesByName(name).length > 0, PANE_MARKS.officeReady, { timeout: 60_000 });
    const ready = (await readMarks(frame)).find((m) => m.name === PANE_MARKS.officeReady)!.startTime;
    const painted = await waitForPaintAfter(frame, ready);
    // The first run warms the server's caches (registry index, tenant directory): not counted.
    if (run > 0) openSamples.push(painted - ready);
  }
  print('pane-open', { from: 'Office.onReady', to: 'cards painted with data', budgetMedianMs: 300, ...summarize(openSamples) });

  // 4. Switching: click through messages the session has not seen, then back to seen ones.
  const frame = paneFrame();
  await waitForPaintAfter(frame, 0);
  const seenPeople = new Set<string>();
  const peopleOf = (m: PreviewMessage) => [m.from, ...m.to, ...m.cc].map((a) => a.address.toLowerCase());
  for (const address of peopleOf(inbox[0]!)) seenPeople.add(address);
  const fresh = inbox.slice(1).filter((m) => {
    const people = peopleOf(m);
    if (people.some((address) => seenPeople.has(address) && address !== DEMO_SIGNED_IN_USER.email)) return false;
    for (const address of people) seenPeople.add(address);
    return true;
  });
  const switchTo = async (message: PreviewMessage): Promise<number> => {
    const before = (await readMarks(frame)).filter((m) => m.name === PANE_MARKS.itemChanged).length;
    await page.getByRole('navigation').getByRole('button').nth(inbox.indexOf(message)).click();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const changed = (await readMarks(frame)).filter((m) => m.name === PANE_MARKS.itemChanged);
      if (changed.length > before) {
        const start = changed.at(-1)!.startTime;
        return (await waitForPaintAfter(frame, start)) - start;
      }
      if (Date.now() > deadline) throw new Error(`no ItemChanged after clicking "${message.subject}"`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const visited = fresh.slice(0, switches);
  const cold: number[] = [];
  for (const message of visited) cold.push(await switchTo(message));
  // Back to messages already seen (never the open one: clicking it changes nothing).
  const warm: number[] = [];
  for (const message of visited.slice(0, -1).slice(0, 10)) warm.push(await switchTo(message));
  print('pane-switch', {
    from: 'ItemChanged',
    to: 'cards painted with data',
    budgetMedianMs: 150,
    cold: { note: "people the session has not seen: one lookup", ...summarize(cold) },
    warm: { note: 'back to a message seen in this session: remembered cards, looked up again behind them', ...summarize(warm) },
  });
} finally {
  await browser.close();
  await server.close();
  await stack.close();
  rmSync(outDir, { recursive: true, force: true });
}
