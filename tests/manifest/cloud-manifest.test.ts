// The manifests per national cloud: the sign-in authority of the chosen cloud joins the add-in's
// origin among the app domains (XML AppDomains, unified validDomains), nothing of another
// cloud appears, and the CLI takes --cloud for writing and for --check.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, renderManifestJson, renderManifestXml, runGenerateManifest } from '../../manifest/generate-manifest.ts';
import type { CliIo } from '../../manifest/generate-manifest.ts';
import { buildManifestJson } from '../../manifest/render-manifest-json.ts';
import { validateUnifiedManifest } from '../../manifest/validate-unified-manifest.ts';
import { CLOUD_IDS, getNationalCloud } from '../../shared/cloud/national-clouds.ts';
import { checkXmlManifest } from './helpers/check-xml-manifest.ts';
import { parseXml } from './helpers/parse-xml.ts';

const BASE = 'https://crosswalk.agency.example.gov';
const ALL_LOGIN_HOSTS = [...new Set(CLOUD_IDS.map((id) => getNationalCloud(id).loginHost))];

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (line) => out.push(line), error: (line) => err.push(line) };
}

describe.each(CLOUD_IDS)('the %s manifests', (cloud) => {
  const { loginHost } = getNationalCloud(cloud);

  it('list the add-in origin and this cloud\'s sign-in authority as app domains, and pass the structural checks', () => {
    const xml = renderManifestXml({ baseUrl: BASE, cloud });
    const root = parseXml(xml);
    const appDomains = root.children.find((node) => node.localName === 'AppDomains')!.children.map((node) => node.text.trim());
    expect(appDomains).toEqual([BASE, loginHost]);
    expect(checkXmlManifest(xml, BASE, cloud)).toEqual([]);
    for (const other of ALL_LOGIN_HOSTS.filter((host) => host !== loginHost)) expect(xml).not.toContain(other);
  });

  it('list the same hosts as valid domains in a unified manifest the schema accepts', async () => {
    const manifest = buildManifestJson({ baseUrl: BASE, cloud });
    expect(manifest.validDomains).toEqual([new URL(BASE).host, new URL(loginHost).host]);
    expect(await validateUnifiedManifest(manifest)).toEqual([]);
  });
});

describe('generate-manifest --cloud', () => {
  it('writes the GCC High manifests, names the cloud\'s office.js, and --check holds them to that cloud', async () => {
    const out = mkdtempSync(join(tmpdir(), 'crosswalk-manifest-cloud-'));
    try {
      const io = captureIo();
      expect(await runGenerateManifest(['--base-url', BASE, '--cloud', 'gcc-high', '--out-dir', out], io)).toBe(EXIT.ok);
      expect(readFileSync(join(out, 'manifest.xml'), 'utf8')).toBe(renderManifestXml({ baseUrl: BASE, cloud: 'gcc-high' }));
      expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(renderManifestJson({ baseUrl: BASE, cloud: 'gcc-high' }));
      expect(io.out.join('\n')).toContain('https://appsforoffice.gcch.cdn.office.net/appsforoffice/lib/1/hosted/office.js');
      expect(await runGenerateManifest(['--base-url', BASE, '--cloud', 'gcch', '--out-dir', out, '--check'], captureIo())).toBe(EXIT.ok);
      expect(await runGenerateManifest(['--base-url', BASE, '--out-dir', out, '--check'], captureIo())).toBe(EXIT.checkFailed);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses an unknown cloud with exit code 2', async () => {
    const io = captureIo();
    expect(await runGenerateManifest(['--cloud', 'mooncake'], io)).toBe(EXIT.usage);
    expect(io.err.join('\n')).toMatch(/--cloud must be one of/);
  });
});
