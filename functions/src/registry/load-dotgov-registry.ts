// Loads the .gov registry once per process: from the file CROSSWALK_DOTGOV_CSV names (the full
// registry, refreshed by `npm run registry:refresh`), else from the small fixture shipped beside
// this module. Synchronous on purpose: the full file (1.4 MB, 16.5k rows) parses in tens of
// milliseconds, and the sync paths that need it should not all become async for that.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDotgovRegistry, type DotgovRegistry } from '../enrichment/organizations/dotgov-registry.ts';

export const DOTGOV_CSV_SETTING = 'CROSSWALK_DOTGOV_CSV';

export const DOTGOV_FIXTURE_PATH = fileURLToPath(new URL('./dotgov-fixture.csv', import.meta.url));

export interface LoadedDotgovRegistry {
  registry: DotgovRegistry;
  /** The file it came from. */
  path: string;
  /** Whether this is the shipped fixture rather than a configured file. */
  fixture: boolean;
  entries: number;
  loadMilliseconds: number;
}

/** Reads and indexes one registry file; throws naming the path when it cannot. */
export function loadDotgovRegistryFile(path: string): { registry: DotgovRegistry; loadMilliseconds: number } {
  const started = performance.now();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new Error(`cannot read the .gov registry at ${path} (${DOTGOV_CSV_SETTING})`, { cause });
  }
  const registry = parseDotgovRegistry(text);
  return { registry, loadMilliseconds: performance.now() - started };
}

/** The configured registry file, or the shipped fixture when none is configured. */
export function loadConfiguredDotgovRegistry(env: Record<string, string | undefined> = process.env): LoadedDotgovRegistry {
  const configured = env[DOTGOV_CSV_SETTING]?.trim();
  const path = configured || DOTGOV_FIXTURE_PATH;
  if (!configured && !existsSync(path)) {
    // A bundle that left the fixture behind still resolves organizations, just without the registry.
    console.warn(`[registry] no ${DOTGOV_CSV_SETTING} set and no fixture at ${path}: .gov domains resolve without the registry`);
    return { registry: { byDomain: new Map() }, path, fixture: true, entries: 0, loadMilliseconds: 0 };
  }
  const { registry, loadMilliseconds } = loadDotgovRegistryFile(path);
  return { registry, path, fixture: !configured, entries: registry.byDomain.size, loadMilliseconds };
}

let loaded: LoadedDotgovRegistry | null = null;

/** The process's registry, loaded on first use. */
export function getDotgovRegistry(): DotgovRegistry {
  loaded ??= loadConfiguredDotgovRegistry();
  return loaded.registry;
}

/** Forgets the loaded registry so the next use reads the setting again (tests, a refreshed file). */
export function resetDotgovRegistry(): void {
  loaded = null;
}
