// CLI: writes manifest.xml and manifest.json for a base URL, or (--check) verifies that the
// checked-in files are exactly what the generator produces, so CI catches hand edits and
// forgotten regenerations.
//
//   npm run manifest -- [--base-url https://host[:port]] [--cloud worldwide|gcc-high|dod] [--out-dir dir] [--check]
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { getNationalCloud, parseCloudId, UnknownCloudError } from '../shared/cloud/national-clouds.ts';
import type { CloudId } from '../shared/cloud/national-clouds.ts';
import { DEFAULT_BASE_URL, InvalidBaseUrlError, normalizeBaseUrl } from './base-url.ts';
import { drawIcon } from './draw-icon.ts';
import { ICON_FILES } from './icon-files.ts';
import { decodePng } from './png.ts';
import { buildManifestJson, renderManifestJson } from './render-manifest-json.ts';
import { renderManifestXml } from './render-manifest-xml.ts';
import { validateUnifiedManifest } from './validate-unified-manifest.ts';

export { renderManifestJson, renderManifestXml };

export const MANIFEST_DIR = import.meta.dirname;
export const XML_FILE = 'manifest.xml';
export const JSON_FILE = 'manifest.json';

export const EXIT = { ok: 0, checkFailed: 1, usage: 2 } as const;

export interface CliIo {
  log: (line: string) => void;
  error: (line: string) => void;
}

const USAGE = `Usage: npm run manifest -- [--base-url https://host[:port]] [--cloud worldwide|gcc-high|dod] [--out-dir dir] [--check]

  --base-url  https origin serving taskpane.html and /assets/ (default ${DEFAULT_BASE_URL})
  --cloud     national cloud; its sign-in authority joins the app domains (default worldwide; gcc = worldwide)
  --out-dir   where to write manifest.xml and manifest.json (default: manifest/)
  --check     write nothing; exit 1 if the files in --out-dir differ from the generator's output`;

function sameIcon(path: string, size: number, style: 'color' | 'outline'): boolean {
  try {
    const actual = decodePng(readFileSync(path));
    const expected = drawIcon(size, style);
    return actual.width === size && actual.height === size && Buffer.from(actual.pixels).equals(Buffer.from(expected.pixels));
  } catch {
    return false;
  }
}

/** Returns the files under outDir that are missing or differ from what would be generated. */
export function findStaleFiles(outDir: string, baseUrl: string, cloud?: CloudId): string[] {
  const stale: string[] = [];
  const expected: Array<[string, string]> = [
    [XML_FILE, renderManifestXml({ baseUrl, cloud })],
    [JSON_FILE, renderManifestJson({ baseUrl, cloud })],
  ];
  for (const [file, content] of expected) {
    const path = join(outDir, file);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== content) stale.push(file);
  }
  // Icons are compared by pixels, not bytes: zlib builds may compress the same pixels differently.
  for (const icon of ICON_FILES) {
    if (!sameIcon(join(outDir, icon.file), icon.size, icon.style)) stale.push(icon.file);
  }
  return stale;
}

/** Runs the CLI; returns the process exit code instead of exiting, so tests can call it. */
export async function runGenerateManifest(argv: string[], io: CliIo = { log: console.log, error: console.error }): Promise<number> {
  let values: { 'base-url'?: string; cloud?: string; 'out-dir'?: string; check?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'base-url': { type: 'string' },
        cloud: { type: 'string' },
        'out-dir': { type: 'string' },
        check: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.error(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (values.help) {
    io.log(USAGE);
    return EXIT.ok;
  }

  let baseUrl: string;
  try {
    baseUrl = normalizeBaseUrl(values['base-url'] ?? DEFAULT_BASE_URL);
  } catch (error) {
    if (error instanceof InvalidBaseUrlError) {
      io.error(`error: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
  let cloud: CloudId;
  try {
    cloud = parseCloudId(values.cloud, '--cloud');
  } catch (error) {
    if (error instanceof UnknownCloudError) {
      io.error(`error: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
  const outDir = resolve(values['out-dir'] ?? MANIFEST_DIR);
  const target = `${baseUrl} (${getNationalCloud(cloud).label})`;

  if (values.check) {
    const stale = findStaleFiles(outDir, baseUrl, cloud);
    if (stale.length > 0) {
      io.error(`Manifest files in ${outDir} are out of date for ${target}:\n  ${stale.join('\n  ')}`);
      io.error('Regenerate with `npm run manifest` (and `npx tsx manifest/generate-icons.ts` for icons), then commit.');
      return EXIT.checkFailed;
    }
    io.log(`Manifest files in ${outDir} are up to date for ${target}.`);
    return EXIT.ok;
  }

  // Never write a unified manifest that the schema rejects: it would only fail later, at upload.
  const schemaErrors = await validateUnifiedManifest(buildManifestJson({ baseUrl, cloud }));
  if (schemaErrors.length > 0) {
    io.error(`Generated manifest.json does not match its schema:\n  ${schemaErrors.join('\n  ')}`);
    return EXIT.checkFailed;
  }

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, XML_FILE), renderManifestXml({ baseUrl, cloud }));
  writeFileSync(join(outDir, JSON_FILE), renderManifestJson({ baseUrl, cloud }));
  // The unified manifest names its icons by path relative to itself, so a manifest written
  // elsewhere needs the icons beside it to be packaged.
  if (resolve(outDir) !== resolve(MANIFEST_DIR)) {
    for (const icon of ICON_FILES) {
      const target = join(outDir, icon.file);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(MANIFEST_DIR, icon.file), target);
    }
  }
  io.log(`Wrote ${join(outDir, XML_FILE)} and ${join(outDir, JSON_FILE)} for ${target}.`);
  // office.js and the sign-in authority belong to the pages and their build, not the manifest: name them for the deployer.
  const { loginHost, officeJsUrl } = getNationalCloud(cloud);
  io.log(`Build the add-in with VITE_CROSSWALK_CLOUD=${cloud} (sign-in at ${loginHost}); office.js for this cloud: ${officeJsUrl} (docs/SECURITY.md).`);
  return EXIT.ok;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runGenerateManifest(process.argv.slice(2));
}
