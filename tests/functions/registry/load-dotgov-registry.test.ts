// Loading the registry at run time: the shipped fixture when nothing is configured, the file
// CROSSWALK_DOTGOV_CSV names otherwise (here the full CC0 copy beside the checkout), and a
// clear error for a path that does not exist or a file that is not the registry.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DOTGOV_FIXTURE_PATH,
  getDotgovRegistry,
  loadConfiguredDotgovRegistry,
  loadDotgovRegistryFile,
  resetDotgovRegistry,
} from '../../../functions/src/registry/load-dotgov-registry.ts';

const FULL_CSV = fileURLToPath(new URL('../../../../shared/data/dotgov/current-full.csv', import.meta.url));

afterEach(() => {
  vi.unstubAllEnvs();
  resetDotgovRegistry();
});

it('uses the shipped fixture when no file is configured: a few dozen real rows of every type', () => {
  const loaded = loadConfiguredDotgovRegistry({});
  expect(loaded).toMatchObject({ path: DOTGOV_FIXTURE_PATH, fixture: true });
  expect(loaded.entries).toBeGreaterThanOrEqual(30);
  expect(loaded.entries).toBeLessThan(100);
  const types = new Set([...loaded.registry.byDomain.values()].map((entry) => entry.domainType));
  expect(types.size).toBe(16);
  expect(loaded.registry.byDomain.get('cdc.gov')?.subOrganization).toBe('Centers for Disease Control and Prevention');
});

it('loads the full registry from CROSSWALK_DOTGOV_CSV, once per process', () => {
  vi.stubEnv('CROSSWALK_DOTGOV_CSV', FULL_CSV);
  const loaded = loadConfiguredDotgovRegistry();
  expect(loaded).toMatchObject({ path: FULL_CSV, fixture: false, entries: 16_539 });
  // Measured, not asserted (timing varies by machine); docs/ORGANIZATIONS.md records a figure.
  console.info(`[registry] full file: ${loaded.entries} entries in ${loaded.loadMilliseconds.toFixed(0)} ms`);
  const first = getDotgovRegistry();
  expect(first.byDomain.size).toBe(16_539);
  expect(getDotgovRegistry()).toBe(first);
});

it('names the setting when the configured file cannot be read', () => {
  expect(() => loadConfiguredDotgovRegistry({ CROSSWALK_DOTGOV_CSV: '/nonexistent/current-full.csv' })).toThrow(
    /cannot read the \.gov registry at \/nonexistent\/current-full\.csv \(CROSSWALK_DOTGOV_CSV\)/,
  );
});

it('rejects a file that is not the registry, naming the missing column', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'dotgov-')), 'other.csv');
  writeFileSync(path, 'Domain name,Owner\r\nexample.gov,Someone\r\n');
  expect(() => loadDotgovRegistryFile(path)).toThrow(/column "Domain type" is missing/);
});
