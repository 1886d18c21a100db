// axe-core in a page or frame of headless Chromium: every violation, one line each
// ("id (impact): help — targets"), for the end-to-end tests' zero-violation checks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

export async function runAxe(target: Page | Frame, options: { impacts?: readonly string[] } = {}): Promise<string[]> {
  await target.evaluate(axeSource);
  const violations = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    // Fluent's focus manager (Tabster) adds aria-hidden, focusable <i data-tabster-dummy> sentinels
    // that hand focus straight on to the next real control: by design, so left out of the check.
    return (await axe.run({ include: [['body']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => !options.impacts || (v.impact !== null && options.impacts.includes(v.impact)))
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
