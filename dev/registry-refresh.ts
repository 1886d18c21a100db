// `npm run registry:refresh [-- --out <file>] [--url <url>]`
// Downloads the current .gov registry (CISA, CC0) to .data/registry/current-full.csv, checks it
// parses as the registry before replacing the previous copy, and prints how to point the
// functions app at it (CROSSWALK_DOTGOV_CSV). Needs the internet; never run by tests.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDotgovRegistry } from '../functions/src/enrichment/organizations/dotgov-registry.ts';
import { DOTGOV_CSV_SETTING } from '../functions/src/registry/load-dotgov-registry.ts';

export const DOTGOV_REGISTRY_URL = 'https://raw.githubusercontent.com/cisagov/dotgov-data/main/current-full.csv';
export const DEFAULT_REGISTRY_PATH = '.data/registry/current-full.csv';

async function refreshRegistry(options: { url: string; out: string }): Promise<void> {
  const response = await fetch(options.url, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`GET ${options.url} answered ${response.status} ${response.statusText}`);
  const text = await response.text();
  // Refuse to replace a good copy with an error page or a changed format.
  const entries = parseDotgovRegistry(text).byDomain.size;
  if (entries === 0) throw new Error(`${options.url} held no registry rows`);
  const out = resolve(options.out);
  mkdirSync(dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, out);
  console.log(`wrote ${entries} .gov domains to ${out}`);
  console.log(`use it: ${DOTGOV_CSV_SETTING}=${out} (the app otherwise uses its small shipped fixture)`);
}

const { values } = parseArgs({ options: { url: { type: 'string' }, out: { type: 'string' } } });
refreshRegistry({ url: values.url ?? DOTGOV_REGISTRY_URL, out: values.out ?? DEFAULT_REGISTRY_PATH }).catch((error: unknown) => {
  console.error(`registry:refresh failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
