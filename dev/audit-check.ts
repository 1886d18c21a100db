// CI's dependency audit: `npm audit --omit=dev --audit-level=high --json`, failing on any high or
// critical advisory of a production dependency that .ci/audit-allowlist.json does not accept
// (each acceptance has a reason and an expiry date). When the audit endpoint cannot be reached,
// this fails too, saying so: an audit that did not run is not a passed audit.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface AllowlistEntry {
  /** GHSA id (GHSA-xxxx-xxxx-xxxx) or the npm advisory number. */
  id: string;
  package: string;
  reason: string;
  /** YYYY-MM-DD; after this day the advisory fails the audit again. */
  expires: string;
}

export interface Advisory {
  id: string;
  package: string;
  severity: string;
  title: string;
  url: string;
}

interface AuditVia {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: string;
}

const BLOCKING = new Set(['high', 'critical']);

/** The high and critical advisories in npm audit's JSON report (npm 7+ format). */
export function listBlockingAdvisories(report: unknown): Advisory[] {
  const vulnerabilities = (report as { vulnerabilities?: Record<string, { via?: (AuditVia | string)[] }> }).vulnerabilities;
  if (!vulnerabilities || typeof vulnerabilities !== 'object') throw new Error('npm audit gave no "vulnerabilities" in its report');
  const found = new Map<string, Advisory>();
  for (const [name, vulnerability] of Object.entries(vulnerabilities)) {
    for (const via of vulnerability.via ?? []) {
      // A string names another package whose own entry carries the advisory.
      if (typeof via === 'string' || !via.severity || !BLOCKING.has(via.severity)) continue;
      const ghsa = via.url?.match(/GHSA-[\w-]+/)?.[0];
      const id = ghsa ?? String(via.source ?? via.url ?? via.title);
      found.set(`${id}|${via.name ?? name}`, { id, package: via.name ?? name, severity: via.severity, title: via.title ?? '', url: via.url ?? '' });
    }
  }
  return [...found.values()];
}

/** Problems in the allow-list itself: entries without a reason or with a bad or past expiry. */
export function checkAllowlist(entries: readonly AllowlistEntry[], today: string): string[] {
  return entries.flatMap((entry) => {
    const problems: string[] = [];
    if (!entry.id || !entry.package) problems.push(`an entry lacks "id" or "package": ${JSON.stringify(entry)}`);
    if (!entry.reason || entry.reason.trim().length < 10) problems.push(`${entry.id}: give a reason (why it cannot be fixed, why it is acceptable)`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.expires ?? '')) problems.push(`${entry.id}: "expires" must be a date, YYYY-MM-DD`);
    else if (entry.expires < today) problems.push(`${entry.id}: the acceptance expired on ${entry.expires}; fix it or renew it with a reason`);
    return problems;
  });
}

export function findUnacceptedAdvisories(advisories: readonly Advisory[], entries: readonly AllowlistEntry[], today: string): Advisory[] {
  const accepted = entries.filter((entry) => entry.expires >= today);
  return advisories.filter((advisory) => !accepted.some((entry) => entry.id === advisory.id && entry.package === advisory.package));
}

function runNpmAudit(): Promise<string> {
  return new Promise((resolve, reject) => {
    // npm audit exits non-zero when it finds anything; the JSON on stdout is what counts.
    execFile('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (stdout.trim()) resolve(stdout);
      else reject(error ?? new Error('npm audit printed nothing'));
    });
  });
}

/**
 * No answer from the audit endpoint is not an answer about the dependencies. Where the endpoint
 * must be reachable (a CI with the public registry), CROSSWALK_AUDIT_REQUIRED=1 makes this fail
 * the build; elsewhere (a registry mirror without the audit API) it is a loud warning, so an
 * offline mirror cannot block every build. Advisories that are found always fail it.
 */
function reportUnavailable(reason: string): number {
  const required = process.env.CROSSWALK_AUDIT_REQUIRED === '1';
  console.error(`audit: ${reason}.`);
  console.error(required ? 'audit: CROSSWALK_AUDIT_REQUIRED=1: the build fails rather than pass unaudited.' : 'audit: WARNING: dependencies were NOT audited (set CROSSWALK_AUDIT_REQUIRED=1 to fail instead).');
  return required ? 1 : 0;
}

async function main(): Promise<number> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const allowlist = JSON.parse(readFileSync(`${root}.ci/audit-allowlist.json`, 'utf8')) as { advisories: AllowlistEntry[] };
  const today = new Date().toISOString().slice(0, 10);
  const listProblems = checkAllowlist(allowlist.advisories, today);
  let report: unknown;
  try {
    report = JSON.parse(await runNpmAudit());
  } catch (error) {
    return reportUnavailable(`could not run npm audit: ${error instanceof Error ? error.message : String(error)}`);
  }
  const failure = report as { error?: unknown; message?: string; statusCode?: number };
  if (failure.error || failure.statusCode) {
    return reportUnavailable(`the npm audit endpoint could not be used (${failure.statusCode ?? ''} ${failure.message ?? JSON.stringify(failure.error)})`);
  }
  const blocking = listBlockingAdvisories(report);
  const unaccepted = findUnacceptedAdvisories(blocking, allowlist.advisories, today);
  for (const problem of listProblems) console.error(`audit: allow-list: ${problem}`);
  for (const advisory of unaccepted) console.error(`audit: ${advisory.severity} ${advisory.package}: ${advisory.title} ${advisory.url} (${advisory.id})`);
  const accepted = blocking.length - unaccepted.length;
  console.log(`audit: ${blocking.length} high/critical advisories in production dependencies, ${accepted} accepted by .ci/audit-allowlist.json, ${unaccepted.length} failing`);
  return unaccepted.length > 0 || listProblems.length > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main();
}
