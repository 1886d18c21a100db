// The one-click add end to end, as a user meets it after `npm start`: the whole local stack
// (Graph stand-in mined into Cosmos, the Functions host with the group routes, the token
// issuer, the add-in server), the preview page in headless Chromium with the real office.js.
// Open a message with several participants, tick three, create a NEW group from the picker,
// add them as "member", see the confirmation, the new role and its History on a card, open the group page
// and email it (the stand-in's displayNewMessageForm), Undo, and see the role gone. A 1,240-member
// group: email in batches, the windowed list walked to its end by keyboard, a server-side filter,
// and an editor's role change, term end (over someone else's change, after the 409) and removal.
// Screenshots of the 350 px pane, light and dark, go to test-output/.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { canRunChromium, launchChromium, type ChromiumSession } from '../helpers/launch-chromium.ts';
import { DEMO_SIGNED_IN_USER, startStack, type Stack } from '../../dev/stack.ts';
import type { PreviewMessage, PreviewMessagesResponse } from '../../addin/src/preview/preview-message.ts';

const outputDir = resolve(import.meta.dirname, '../../test-output');

/** The message's participants other than the signed-in user, in the pane's order (from, to, cc), each once. */
function listOthers(message: PreviewMessage, self: string): { email: string; name: string }[] {
  const seen = new Set<string>([self.toLowerCase()]);
  const others: { email: string; name: string }[] = [];
  for (const address of [message.from, ...message.to, ...message.cc]) {
    const email = address.address.toLowerCase();
    if (seen.has(email)) continue;
    seen.add(email);
    others.push({ email, name: address.name || address.address });
  }
  return others;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Runs axe-core in the task pane's frame; the serious and critical violations, one line each. */
async function checkAccessibility(page: Page): Promise<string[]> {
  const frame = page.frames().find((f) => f.url().includes('/preview/taskpane.html'));
  if (!frame) throw new Error('The task pane frame is not on the page.');
  // Fluent fades message bars and dialogs in: contrast is measured once no animation is running.
  await frame.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  await frame.evaluate(axeSource);
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    // Fluent's focus manager (Tabster) adds aria-hidden, focusable <i data-tabster-dummy> sentinels
    // that hand focus straight on to the next real control: by design, so left out of the check.
    return (await axe.run({ include: [['body']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe.skipIf(!canRunChromium)('groups: one-click add from the task pane, on the whole local stack', () => {
  let stack: Stack;
  let browser: ChromiumSession;
  let page: Page;
  const pageErrors: string[] = [];
  const diagnostics: string[] = [];

  beforeAll(async () => {
    stack = await startStack({ ports: 'random', scale: 0.1 });
    const report = await stack.sync();
    expect(report.failures).toEqual([]);
    mkdirSync(outputDir, { recursive: true });
    browser = await launchChromium();
    page = browser.page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') diagnostics.push(`console: ${message.text().slice(0, 300)}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) diagnostics.push(`HTTP ${response.status()} ${response.url().split('?')[0]}`);
    });
    page.on('requestfailed', (request) => diagnostics.push(`failed: ${request.url().split('?')[0]} ${request.failure()?.errorText ?? ''}`));
  });

  /** Awaits a wait; if it times out, says what the browser saw go wrong (failed requests, console errors). */
  async function withDiagnostics<T>(wait: Promise<T>): Promise<T> {
    try {
      return await wait;
    } catch (error) {
      const frame = page.frames().find((f) => f.url().includes('/preview/taskpane.html'));
      const paneText = frame ? await frame.locator('body').innerText({ timeout: 5_000 }).catch((e: unknown) => `(unreadable: ${String(e)})`) : '(no pane frame)';
      await page.screenshot({ path: join(outputDir, 'e2e-groups-failure.png') }).catch(() => {});
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\nBrowser diagnostics:\n${diagnostics.join('\n') || '(none)'}\nPane text:\n${paneText.slice(0, 1_000)}`,
        { cause: error },
      );
    }
  }

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const pane = (): FrameLocator => page.frameLocator('iframe[title="Crosswalk task pane"]');
  const paneFrame = () => page.locator('iframe[title="Crosswalk task pane"]');

  async function setTheme(theme: 'light' | 'dark') {
    const toggle = page.getByRole('switch', { name: 'Dark theme' });
    if ((await toggle.isChecked()) !== (theme === 'dark')) await toggle.click();
    await expect.poll(() => pane().locator('[data-theme]').first().getAttribute('data-theme'), { timeout: 10_000 }).toBe(theme);
  }

  /** The pane alone, as Outlook would show it, light and dark. */
  async function shootPane(name: string) {
    await setTheme('light');
    await paneFrame().screenshot({ path: join(outputDir, `${name}-light.png`) });
    await setTheme('dark');
    await paneFrame().screenshot({ path: join(outputDir, `${name}-dark.png`) });
    await setTheme('light');
  }

  it('ticks three participants, adds them to a new group as members, shows the role, and Undo takes it back', async () => {
    await page.goto(stack.previewUrl);
    const { user, messages } = await page.evaluate(async () => (await (await fetch('/preview-api/messages')).json()) as PreviewMessagesResponse);
    const sorted = [...messages].sort((a, b) => Date.parse(b.receivedDateTime) - Date.parse(a.receivedDateTime));
    // A message with at least three people besides the user, from someone the demo tenant knows.
    const index = sorted.findIndex((message) => listOthers(message, user.email).length >= 3);
    expect(index).toBeGreaterThanOrEqual(0);
    const message = sorted[index]!;
    const chosen = listOthers(message, user.email).slice(0, 3);

    const row = page.getByRole('navigation').getByRole('listitem').nth(index).getByRole('button');
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await pane().getByRole('heading', { level: 3 }).first().waitFor({ timeout: 60_000 });
    await expect.poll(() => pane().getByRole('heading', { level: 3 }).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);

    // Tick three participants.
    await pane().getByRole('button', { name: 'Add people…' }).click();
    for (const person of chosen) {
      await pane().getByRole('checkbox', { name: new RegExp(`\\(${escapeRegExp(person.email)}\\)$`, 'i') }).check();
    }
    await expect.poll(() => pane().getByText('People to add (3 of').count()).toBe(1);

    // A NEW group, created from the picker without leaving the pane.
    const groupName = `Winter Shelter Outreach ${Date.now().toString(36)}`;
    const picker = pane().getByRole('combobox', { name: 'Group', exact: true });
    await expect.poll(() => picker.isEnabled(), { timeout: 30_000 }).toBe(true);
    await picker.click();
    await picker.fill(groupName);
    await pane().getByRole('option', { name: `Create group “${groupName}”` }).click();
    const createForm = pane().getByRole('form', { name: 'New group' });
    await createForm.getByRole('combobox', { name: 'Kind' }).selectOption('working-group');
    await createForm.getByRole('button', { name: 'Create group' }).click();
    await createForm.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await picker.inputValue()).toBe(groupName);
    expect(await pane().getByRole('combobox', { name: 'Role' }).inputValue()).toBe('member');
    await paneFrame().screenshot({ path: join(outputDir, 'e2e-groups-ready-to-add.png') });

    // One click: the confirmation, with focus on it.
    await pane().getByRole('button', { name: 'Add 3 people' }).click();
    const confirmation = pane().getByRole('status').filter({ hasText: `3 added to ${groupName}` });
    await confirmation.waitFor({ timeout: 30_000 });
    await expect.poll(() => confirmation.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))).toBe(true);

    // The cards are looked up again: the new role shows on each card.
    for (const person of chosen) {
      const card = pane().getByRole('article').filter({ hasText: person.email });
      await expect.poll(() => card.first().textContent(), { timeout: 30_000 }).toContain(`member · ${groupName}`);
    }
    // The card's History: the add, as the audit trail recorded it.
    const firstCard = pane().getByRole('article').filter({ hasText: chosen[0]!.email }).first();
    await firstCard.getByRole('button', { name: 'History' }).click();
    const cardHistory = firstCard.getByRole('list', { name: 'Changes, newest first' });
    await cardHistory.waitFor({ timeout: 30_000 });
    expect(await cardHistory.textContent()).toContain(`Added ${chosen[0]!.email} to ${groupName} as member`);
    await firstCard.screenshot({ path: join(outputDir, 'e2e-groups-card-history.png') });
    await firstCard.getByRole('button', { name: 'Hide history' }).click();
    expect(await checkAccessibility(page)).toEqual([]);
    await shootPane('e2e-groups-added');
    await pane().getByRole('article').filter({ hasText: chosen[0]!.email }).first().screenshot({ path: join(outputDir, 'e2e-groups-card-with-role.png') });

    // The group page: members, and "Email this group" through displayNewMessageForm.
    await pane().getByRole('button', { name: 'Open group' }).click();
    await pane().getByRole('heading', { level: 2, name: groupName }).waitFor({ timeout: 30_000 });
    await expect.poll(() => pane().getByRole('list', { name: 'Members' }).getByRole('listitem').count(), { timeout: 30_000 }).toBe(3);
    await pane().getByRole('button', { name: 'Email this group' }).click();
    await page.getByText('New message opened: 3 Bcc recipients').waitFor({ timeout: 30_000 });
    const opened = await page.frames().find((frame) => frame.url().includes('/preview/taskpane.html'))!.evaluate(
      () => (window as unknown as { __crosswalkNewMessages: { bcc: string[]; subject: string }[] }).__crosswalkNewMessages,
    );
    expect(opened).toHaveLength(1);
    expect(opened[0]!.subject).toBe(groupName);
    expect([...opened[0]!.bcc].sort()).toEqual(chosen.map((p) => p.email).sort());
    expect(await checkAccessibility(page)).toEqual([]);
    await shootPane('e2e-groups-group-page');
    await page.screenshot({ path: join(outputDir, 'e2e-groups-email-notice.png') });
    await pane().getByRole('tab', { name: 'History' }).click();
    await pane().getByRole('list', { name: 'Changes, newest first' }).waitFor({ timeout: 30_000 });
    const history = (await pane().getByRole('list', { name: 'Changes, newest first' }).textContent()) ?? '';
    expect(history).toContain(`Added ${chosen[0]!.email} to ${groupName} as member`);
    expect(history).toContain('Kind: Working group');
    await shootPane('e2e-groups-history');
    await pane().getByRole('button', { name: '← Back to the message' }).click();

    // Undo: one request removes the three; the cards lose the role.
    await pane().getByRole('button', { name: 'Undo' }).click();
    await pane().getByText(`Undone: 3 removed from ${groupName}.`).waitFor({ timeout: 30_000 });
    for (const person of chosen) {
      const card = pane().getByRole('article').filter({ hasText: person.email });
      await expect.poll(() => card.first().textContent(), { timeout: 30_000 }).not.toContain(groupName);
    }
    await shootPane('e2e-groups-undone');
    expect(pageErrors).toEqual([]);
  });

  // Seeding 1,240 people and memberships into the in-process Cosmos stand-in is the slow part.
  it('a 1,240-member group: email in 3 messages of at most 500 Bcc, the windowed list to its end by keyboard, a server-side filter, and an editor\'s member changes with a 409 shown', { timeout: 300_000 }, async () => {
    // Seed the group through the API, as another session of Dana's would.
    const token = await stack.issueUserToken(DEMO_SIGNED_IN_USER.email);
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${stack.apiUrl.replace(/\/+$/, '')}/${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(response.status, `${method} ${path}`).toBe(200);
      return (await response.json()) as Record<string, unknown>;
    };
    const groupName = `Statewide Housing Coalition ${Date.now().toString(36)}`;
    const group = (await call('POST', 'groups', { name: groupName, kind: 'coalition' })) as { id: string };
    const emails = Array.from({ length: 1_240 }, (_, i) => `partner${String(i).padStart(4, '0')}@coalition.example.org`);
    const started = Date.now();
    for (let start = 0; start < emails.length; start += 500) {
      diagnostics.push(`seeding members ${start + 1}… at +${Math.round((Date.now() - started) / 1000)} s`);
      await call('POST', `groups/${encodeURIComponent(group.id)}/members`, { members: emails.slice(start, start + 500).map((email) => ({ email, role: 'member' })) });
    }

    // Reach it from the picker: it is the most recently used group now.
    diagnostics.push(`seeded at +${Math.round((Date.now() - started) / 1000)} s`);
    await page.goto(stack.previewUrl);
    // The stack, Vite and the test share one Node process: allow a reloaded pane time to render.
    await withDiagnostics(pane().getByRole('button', { name: 'Add people…' }).waitFor({ timeout: 120_000 }));
    await pane().getByRole('button', { name: 'Add people…' }).click();
    const picker = pane().getByRole('combobox', { name: 'Group', exact: true });
    await expect.poll(() => picker.isEnabled(), { timeout: 30_000 }).toBe(true);
    await picker.click();
    const options = pane().getByRole('option');
    await expect.poll(() => options.first().textContent(), { timeout: 30_000 }).toContain(groupName);
    await options.first().click();
    await pane().getByRole('button', { name: 'Open group' }).click();
    await pane().getByRole('heading', { level: 2, name: groupName }).waitFor({ timeout: 30_000 });
    await pane().getByText('1,240 members').waitFor();

    await pane().getByRole('button', { name: 'Email this group' }).click();
    const explanation = pane().getByText(/^This group has 1,240 members/);
    await explanation.waitFor({ timeout: 60_000 });
    expect(await explanation.textContent()).toBe(
      'This group has 1,240 members: Exchange Online delivers a message to at most 500 recipients, so it will be sent as 3 messages.',
    );
    const batches = pane().getByRole('region', { name: 'Messages to send' }).getByRole('button');
    expect(await batches.allTextContents()).toEqual(['Message 1: members 1–500', 'Message 2: members 501–1,000', 'Message 3: members 1,001–1,240']);
    await batches.nth(0).click();
    await page.getByText('New message opened: 500 Bcc recipients').waitFor({ timeout: 30_000 });
    await shootPane('e2e-groups-email-batches');
    await batches.nth(1).click();
    await batches.nth(2).click();
    await page.getByText('New message opened: 240 Bcc recipients').waitFor({ timeout: 30_000 });

    const opened = await page.frames().find((frame) => frame.url().includes('/preview/taskpane.html'))!.evaluate(
      () => (window as unknown as { __crosswalkNewMessages: { bcc: string[]; subject: string }[] }).__crosswalkNewMessages,
    );
    expect(opened.map((form) => form.bcc.length)).toEqual([500, 500, 240]);
    expect(opened.flatMap((form) => form.bcc)).toEqual(emails);
    expect(opened.every((form) => form.subject === groupName)).toBe(true);

    // The list renders a window of rows; the keyboard reaches the last member, fetching pages on the way.
    const list = pane().getByRole('list', { name: 'Members' });
    expect(await list.locator(':scope > li').count()).toBeLessThan(40);
    await list.locator(':scope > li').first().focus();
    const focusedRow = pane().locator('li[aria-posinset]:focus');
    await expect
      .poll(
        async () => {
          await page.keyboard.press('End');
          return focusedRow.getAttribute('aria-posinset');
        },
        { timeout: 60_000 },
      )
      .toBe('1240');
    expect(await focusedRow.textContent()).toContain('partner1239@coalition.example.org');
    expect(await focusedRow.getAttribute('aria-setsize')).toBe('1240');
    expect(await list.locator(':scope > li').count()).toBeLessThan(40);

    // Filters run on the server: "Past" members of this group are none.
    await pane().getByRole('combobox', { name: 'Show' }).selectOption('past');
    await pane().getByText('No member matches these filters.').waitFor({ timeout: 30_000 });
    await pane().getByRole('combobox', { name: 'Show' }).selectOption('current');
    await list.locator(':scope > li').first().waitFor({ timeout: 30_000 });

    // An editor changes a member's role; someone else's change meanwhile is shown, then applied over.
    const first = emails[0]!;
    await pane().getByRole('button', { name: `Actions for ${first}` }).click();
    await pane().getByRole('menuitem', { name: 'Change role…' }).click();
    const dialog = pane().getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'New role' }).fill('lead');
    await dialog.getByRole('button', { name: 'Save role' }).click();
    await pane().getByText(`${first} is now lead in ${groupName}.`).waitFor({ timeout: 30_000 });

    const personId = ((await call('GET', `groups/${encodeURIComponent(group.id)}/members?role=lead`)) as { members: { personId: string }[] }).members[0]!.personId;
    await pane().getByRole('button', { name: `Actions for ${first}` }).click();
    await pane().getByRole('menuitem', { name: 'End term…' }).click();
    // The term ends today (the default): the member stays current through the day.
    const lastDay = await dialog.getByLabel('Last day of the term').inputValue();
    // Another session of Dana's makes them co-chair first.
    const fresh = (await call('GET', `groups/${encodeURIComponent(group.id)}/members/${encodeURIComponent(personId)}`)) as { etag: string };
    await call('PATCH', `groups/${encodeURIComponent(group.id)}/members/${encodeURIComponent(personId)}`, { etag: fresh.etag, role: 'co-chair' });
    await dialog.getByRole('button', { name: 'End term' }).click();
    await withDiagnostics(dialog.getByRole('alert').filter({ hasText: 'Changed by someone else' }).waitFor({ timeout: 30_000 }));
    expect(await dialog.getByRole('alert').textContent()).toContain('now co-chair. Your change was not saved.');
    expect(await checkAccessibility(page)).toEqual([]);
    await shootPane('e2e-groups-member-conflict');
    await dialog.getByRole('button', { name: 'Apply my change again' }).click();
    await pane().getByText(`Ended ${first}'s term in ${groupName} on ${lastDay}.`).waitFor({ timeout: 30_000 });
    const ended = (await call('GET', `groups/${encodeURIComponent(group.id)}/members/${encodeURIComponent(personId)}`)) as { role: string; end: string; current: boolean };
    expect(ended).toMatchObject({ role: 'co-chair', end: lastDay, current: true });

    // And removes another; the count follows.
    const second = emails[1]!;
    await pane().getByRole('button', { name: `Actions for ${second}` }).click();
    await pane().getByRole('menuitem', { name: 'Remove from group…' }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await pane().getByText(`Removed ${second} from ${groupName}.`).waitFor({ timeout: 30_000 });
    await pane().getByText('1,239 members').waitFor({ timeout: 30_000 });
    // Fluent lifts the dialog's aria-hidden from the page a moment after the dialog closes.
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => pane().locator('#root').getAttribute('aria-hidden')).toBeNull();
    expect(await checkAccessibility(page)).toEqual([]);
    expect(pageErrors, diagnostics.join('\n')).toEqual([]);
  });
});
