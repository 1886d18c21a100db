// The unified (Microsoft 365 app) manifest: matches the generator, validates offline against
// the schema bundled in @microsoft/app-manifest, and describes the same add-in as the XML.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { DEFAULT_BASE_URL, InvalidBaseUrlError } from '../../manifest/base-url.ts';
import { renderManifestJson } from '../../manifest/generate-manifest.ts';
import { manifestDefinition } from '../../manifest/manifest-definition.ts';
import { UNIFIED_MANIFEST_VERSION } from '../../manifest/unified-manifest-schema.ts';
import { validateUnifiedManifest } from '../../manifest/validate-unified-manifest.ts';

const MANIFEST_DIR = join(import.meta.dirname, '..', '..', 'manifest');
const checkedIn = readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8');

// Loaded here from the package itself, not through the code under test.
const packageDir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
const schemaPath = join(packageDir, 'build', 'json-schemas', 'teams', `v${UNIFIED_MANIFEST_VERSION}`, 'MicrosoftTeams.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

type Validate = typeof AppManifestUtils.validateAgainstSchema;
async function schemaErrors(manifest: unknown): Promise<string[]> {
  // Passing the schema object keeps validation offline (otherwise $schema would be fetched).
  return AppManifestUtils.validateAgainstSchema(manifest as Parameters<Validate>[0], schema as unknown as NonNullable<Parameters<Validate>[1]>);
}

// Manifests are walked as plain JSON here; the schema validation above is what types them.
type Json = any;
const parsed = (): Json => JSON.parse(checkedIn) as Json;

describe('manifest.json', () => {
  it('is exactly what the generator renders for the default base URL', () => {
    expect(checkedIn).toBe(renderManifestJson({ baseUrl: DEFAULT_BASE_URL }));
  });

  it('targets a bundled schema version that supports extensions', () => {
    const manifest = parsed();
    expect(manifest.manifestVersion).toBe(UNIFIED_MANIFEST_VERSION);
    expect(manifest.$schema).toContain(`/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
    expect((schema.properties as Record<string, unknown>).extensions).toBeDefined();
  });

  it('validates against the bundled schema with zero errors', async () => {
    expect(await schemaErrors(parsed())).toEqual([]);
    expect(await validateUnifiedManifest(parsed())).toEqual([]);
  });

  it('validates for another base URL too', async () => {
    expect(await schemaErrors(JSON.parse(renderManifestJson({ baseUrl: 'https://crosswalk.example.gov' })))).toEqual([]);
  });

  const breakages: Array<[string, (m: Json) => void, RegExp]> = [
    ['missing id', (m) => delete m.id, /required property 'id'/],
    ['a non-GUID id', (m) => (m.id = 'crosswalk'), /\/id must match pattern/],
    ['an http task pane page', (m) => (m.extensions[0].runtimes[0].code.page = 'http://localhost:3443/taskpane.html'), /\/code\/page must match pattern/],
    ['an unknown ribbon context', (m) => (m.extensions[0].ribbons[0].contexts = ['mailReading']), /must be equal to one of the allowed values/],
    ['an unknown action type', (m) => (m.extensions[0].runtimes[0].actions[0].type = 'showTaskpane'), /must be equal to one of the allowed values/],
    ['a short description over 80 characters', (m) => (m.description.short = 'x'.repeat(81)), /must NOT have more than 80 characters/],
  ];

  it.each(breakages)('fails validation with %s', async (_name, breakIt, message) => {
    const manifest = parsed();
    breakIt(manifest);
    const errors = await schemaErrors(manifest);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
    expect((await validateUnifiedManifest(manifest)).length).toBeGreaterThan(0);
  });

  it('describes the same add-in as the XML manifest', () => {
    const m = parsed();
    expect(m.id).toBe(manifestDefinition.id);
    expect(m.version).toBe('1.0.0');
    expect(m.developer.name).toBe('Crosswalk');
    expect(m.name.short).toBe('Crosswalk');
    expect(m.description.short).toBe('Who does what, across which networks, and who on your team knows them.');
    // ReadItem in the XML manifest is MailboxItem.Read.User in the unified one.
    expect(m.authorization.permissions.resourceSpecific).toEqual([{ name: 'MailboxItem.Read.User', type: 'Delegated' }]);
    const [extension] = m.extensions;
    expect(m.extensions).toHaveLength(1);
    expect(extension.requirements.scopes).toEqual(['mail']);
    expect(extension.requirements.capabilities).toEqual([{ name: 'Mailbox', minVersion: '1.5' }]);
  });

  it('opens the task pane from desktop ribbons on mailRead (pinnable) and mailCompose', () => {
    const [extension] = parsed().extensions;
    const runtime = extension.runtimes[0];
    expect(runtime.type).toBe('general');
    expect(runtime.code.page).toBe('https://localhost:3443/taskpane.html');
    const actions = new Map<string, Json>(runtime.actions.map((a: Json) => [a.id, a]));
    for (const a of actions.values()) expect(a.type).toBe('openPage');

    const desktop = extension.ribbons.filter((r: Json) => r.requirements.formFactors.includes('desktop'));
    const contexts = desktop.map((r: Json) => r.contexts).flat();
    expect(contexts.sort()).toEqual(['mailCompose', 'mailRead']);
    for (const ribbon of desktop) {
      const controls = ribbon.tabs.flatMap((t: Json) => t.groups).flatMap((g: Json) => g.controls);
      expect(controls.length).toBeGreaterThan(0);
      for (const control of controls) {
        const action = actions.get(control.actionId);
        expect(action, `control ${control.id} points at a declared action`).toBeDefined();
        expect(action.pinnable).toBe(ribbon.contexts.includes('mailRead'));
        expect(control.icons.map((i: Json) => i.size)).toEqual([16, 32, 80]);
      }
    }
  });

  it('puts a mobile button on the read surface of Outlook on iOS and Android, opening the same pane', () => {
    const [extension] = parsed().extensions;
    const mobile = extension.ribbons.filter((r: Json) => r.requirements.formFactors.includes('mobile'));
    expect(mobile).toHaveLength(1);
    expect(mobile[0].requirements.formFactors).toEqual(['mobile']);
    expect(mobile[0].contexts).toEqual(['mailRead']);
    const controls = mobile[0].tabs.flatMap((t: Json) => t.customMobileRibbonGroups).flatMap((g: Json) => g.controls);
    expect(controls).toHaveLength(1);
    expect(controls[0]).toMatchObject({ type: 'mobileButton', label: 'Open Crosswalk', actionId: 'openPaneRead' });
    // Three sizes at three scales, each an icon of size × scale pixels.
    expect(controls[0].icons.map((i: Json) => [i.size, i.scale, i.url])).toEqual(
      [25, 32, 48].flatMap((size) => [1, 2, 3].map((scale) => [size, scale, `https://localhost:3443/assets/icon-${size * scale}.png`])),
    );
    // Mailbox 1.5 is what Outlook mobile offers: the extension asks for no more.
    expect(extension.requirements.capabilities).toEqual([{ name: 'Mailbox', minVersion: '1.5' }]);
  });

  it('puts every URL under the base URL and lists its host (and the sign-in host) as valid domains', () => {
    const other = 'https://crosswalk.example.gov:8443';
    const text = renderManifestJson({ baseUrl: other });
    const urls = [...text.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]!).filter((u) => !u.startsWith('https://developer.microsoft.com/json-schemas/'));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(`${other}/`), url).toBe(true);
    expect(JSON.parse(text).validDomains).toEqual(['crosswalk.example.gov:8443', 'login.microsoftonline.com']);
  });

  it('refers to package icons by relative path', () => {
    const m = parsed();
    expect(m.icons).toEqual({ color: 'assets/color-192.png', outline: 'assets/outline-32.png' });
  });

  it('rejects an http base URL', () => {
    expect(() => renderManifestJson({ baseUrl: 'http://localhost:3443' })).toThrow(InvalidBaseUrlError);
  });
});
