// Which unified-manifest schema version Crosswalk targets, and offline access to the copy of
// that schema bundled in @microsoft/app-manifest, so validation never downloads anything.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Newest numbered schema in @microsoft/app-manifest 1.1.x that has `extensions` (devPreview is not for production). */
export const UNIFIED_MANIFEST_VERSION = '1.30';
export const UNIFIED_MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

export function bundledSchemaPath(version: string = UNIFIED_MANIFEST_VERSION): string {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(packageDir, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
}

export function loadBundledSchema(version: string = UNIFIED_MANIFEST_VERSION): Record<string, unknown> {
  return JSON.parse(readFileSync(bundledSchemaPath(version), 'utf8')) as Record<string, unknown>;
}
