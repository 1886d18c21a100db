// The XML (add-in-only) manifest: the checked-in file is the generator's output for the
// default base URL, and it passes the structural checks that stand in for the XSD.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_BASE_URL, InvalidBaseUrlError } from '../../manifest/base-url.ts';
import { renderManifestXml } from '../../manifest/generate-manifest.ts';
import { manifestDefinition } from '../../manifest/manifest-definition.ts';
import { checkXmlManifest, NS } from './helpers/check-xml-manifest.ts';
import { attr, descendants, parseXml } from './helpers/parse-xml.ts';

const MANIFEST_DIR = join(import.meta.dirname, '..', '..', 'manifest');
const checkedIn = readFileSync(join(MANIFEST_DIR, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  it('is exactly what the generator renders for the default base URL', () => {
    expect(checkedIn).toBe(renderManifestXml({ baseUrl: DEFAULT_BASE_URL }));
  });

  it('is well-formed and passes every structural check', () => {
    expect(() => parseXml(checkedIn)).not.toThrow();
    expect(checkXmlManifest(checkedIn, DEFAULT_BASE_URL)).toEqual([]);
  });

  it('declares the definition: id, version, names, ReadItem, Mailbox 1.5, task pane URL', () => {
    const root = parseXml(checkedIn);
    const text = (name: string): string | undefined => root.children.find((c) => c.localName === name)?.text.trim();
    const value = (name: string): string | undefined => {
      const node = root.children.find((c) => c.localName === name);
      return node && attr(node, 'DefaultValue');
    };
    expect(text('Id')).toBe(manifestDefinition.id);
    expect(text('Version')).toBe('1.0.0.0');
    expect(text('ProviderName')).toBe('Crosswalk');
    expect(value('DisplayName')).toBe('Crosswalk');
    expect(value('Description')).toBe('Who does what, across which networks, and who on your team knows them.');
    expect(value('IconUrl')).toBe('https://localhost:3443/assets/icon-64.png');
    expect(value('HighResolutionIconUrl')).toBe('https://localhost:3443/assets/icon-128.png');
    expect(text('Permissions')).toBe('ReadItem');
    const sets = descendants(root).filter((n) => n.localName === 'Set' && n.ns === NS.officeApp && attr(n, 'Name') === 'Mailbox');
    expect(sets.map((s) => attr(s, 'MinVersion'))).toEqual(['1.5']);
    const overridesSets = descendants(root).filter((n) => n.localName === 'Sets' && n.ns === NS.bt);
    expect(overridesSets.map((s) => attr(s, 'DefaultMinVersion'))).toEqual(['1.5']);
    const urls = descendants(root).filter((n) => n.localName === 'Url' && n.ns === NS.bt);
    expect(urls.map((u) => attr(u, 'DefaultValue'))).toEqual(['https://localhost:3443/taskpane.html']);
    const images = descendants(root).filter((n) => n.localName === 'Image' && attr(n, 'id'));
    const mobilePixels = [25, 32, 48].flatMap((size) => [1, 2, 3].map((scale) => size * scale));
    expect(images.map((i) => attr(i, 'DefaultValue'))).toEqual([16, 32, 80, ...mobilePixels].map((s) => `https://localhost:3443/assets/icon-${s}.png`));
  });

  it('declares the mobile read surface (MobileFormFactor) with a MobileButton opening the task pane', () => {
    const root = parseXml(checkedIn);
    const host = descendants(root).find((n) => n.localName === 'Host' && attr(n, 'type', NS.xsi) === 'MailHost');
    expect(host?.children.map((c) => c.localName)).toEqual(['DesktopFormFactor', 'MobileFormFactor']);
    const mobile = host!.children[1]!;
    const point = mobile.children.find((c) => c.localName === 'ExtensionPoint');
    expect(attr(point!, 'type', NS.xsi)).toBe('MobileMessageReadCommandSurface');
    const button = descendants(point!).find((n) => n.localName === 'Control');
    expect(attr(button!, 'type', NS.xsi)).toBe('MobileButton');
    const icon = button!.children.find((c) => c.localName === 'Icon');
    expect(attr(icon!, 'type', NS.xsi)).toBe('bt:MobileIconList');
    expect(icon!.children.map((i) => `${attr(i, 'size')}@${attr(i, 'scale')}`)).toEqual(['25@1', '25@2', '25@3', '32@1', '32@2', '32@3', '48@1', '48@2', '48@3']);
    const action = button!.children.find((c) => c.localName === 'Action');
    expect(attr(action!, 'type', NS.xsi)).toBe('ShowTaskpane');
    // Pinning is a desktop feature: none on mobile.
    expect(descendants(mobile).some((n) => n.localName === 'SupportsPinning')).toBe(false);
  });

  it('changes every URL when generated for another base URL', () => {
    const other = 'https://crosswalk.example.gov';
    const xml = renderManifestXml({ baseUrl: other });
    expect(checkXmlManifest(xml, other)).toEqual([]);
    expect(xml).not.toContain('localhost');
    const urlCount = (s: string, prefix: string): number => s.split(prefix).length - 1;
    expect(urlCount(xml, other)).toBe(urlCount(checkedIn, DEFAULT_BASE_URL));
    // Checking the new manifest against the old base URL must fail: the URL check is real.
    expect(checkXmlManifest(xml, DEFAULT_BASE_URL).join('\n')).toMatch(/not under the base URL/);
  });

  it('normalises a trailing slash and keeps a path prefix', () => {
    expect(renderManifestXml({ baseUrl: 'https://crosswalk.example.gov/' })).toBe(renderManifestXml({ baseUrl: 'https://crosswalk.example.gov' }));
    const prefixed = renderManifestXml({ baseUrl: 'https://example.gov/crosswalk/' });
    expect(prefixed).toContain('"https://example.gov/crosswalk/taskpane.html"');
    expect(checkXmlManifest(prefixed, 'https://example.gov/crosswalk')).toEqual([]);
  });

  it.each(['http://localhost:3443', 'ftp://example.gov', 'localhost:3443', 'not a url', 'https://user:pw@example.gov', 'https://example.gov/?x=1', 'https://example.gov/#top'])(
    'rejects the base URL %s',
    (baseUrl) => {
      expect(() => renderManifestXml({ baseUrl })).toThrow(InvalidBaseUrlError);
    },
  );

  it('escapes markup characters from the definition', () => {
    // The renderer must never emit raw "&" or "<" from text; the parser would reject it.
    const xml = renderManifestXml({ baseUrl: DEFAULT_BASE_URL });
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  });
});

describe('the structural checks fail on broken manifests', () => {
  const broken: Array<[string, (xml: string) => string, RegExp]> = [
    ['not well-formed', (x) => x.replace('</ProviderName>', '</Provider>'), /not well-formed/],
    ['wrong root namespace', (x) => x.replace('appforoffice/1.1"', 'appforoffice/1.0"'), /expected OfficeApp in/],
    ['wrong xsi:type', (x) => x.replace('xsi:type="MailApp"', 'xsi:type="TaskPaneApp"'), /expected MailApp/],
    ['elements out of order', (x) => x.replace(/(\s*<Permissions>ReadItem<\/Permissions>)([\s\S]*?)(\s*<DisableEntityHighlighting>)/, '$2$1$3'), /out of order/],
    ['a missing element', (x) => x.replace(/\s*<SupportUrl [^>]*\/>/, ''), /missing <SupportUrl>/],
    ['a non-GUID Id', (x) => x.replace(manifestDefinition.id, 'crosswalk'), /is not a GUID/],
    ['an http URL', (x) => x.replace('https://localhost:3443/support.html', 'http://localhost:3443/support.html'), /is not https/],
    ['a foreign URL', (x) => x.replace('https://localhost:3443/assets/icon-16.png', 'https://cdn.example.com/icon-16.png'), /not under the base URL/],
    ['an invalid permission', (x) => x.replace('<Permissions>ReadItem<', '<Permissions>ReadAll<'), /Permissions "ReadAll"/],
    ['a dangling resid', (x) => x.replace('<Title resid="OpenPane.Title"/>', '<Title resid="OpenPane.Missing"/>'), /does not resolve/],
    ['a resid of the wrong kind', (x) => x.replace('<Title resid="OpenPane.Title"/>', '<Title resid="Taskpane.Url"/>'), /expected ShortStrings/],
    ['a resource id over 32 characters', (x) => x.replaceAll('"Taskpane.Url"', `"${'T'.repeat(33)}"`), /longer than 32/],
    ['SupportsPinning in the compose surface', (x) => x.replace(/(<ExtensionPoint xsi:type="MessageComposeCommandSurface">[\s\S]*?<SourceLocation resid="Taskpane.Url"\/>)/, '$1<SupportsPinning>true</SupportsPinning>'), /outside MessageReadCommandSurface/],
    ['no 1.1 inside 1.0', (x) => x.replace('mailappversionoverrides/1.1" xsi:type="VersionOverridesV1_1"', 'mailappversionoverrides" xsi:type="VersionOverridesV1_0"'), /expected one VersionOverrides 1.1/],
    ['no pinning on the read surface', (x) => x.replace('<SupportsPinning>true</SupportsPinning>', ''), /does not support pinning/],
    ['no read surface', (x) => x.replace('"MessageReadCommandSurface"', '"MessageComposeCommandSurface"'), /no MessageReadCommandSurface/],
    ['a mobile icon missing', (x) => x.replace(/\s*<bt:Image size="48" scale="3" resid="[^"]+"\/>/, ''), /lacks the 48px icon at scale 3/],
    ['a desktop button on mobile', (x) => x.replace('xsi:type="MobileButton"', 'xsi:type="Button"'), /expected MobileButton/],
    ['the mobile surface renamed', (x) => x.replace('"MobileMessageReadCommandSurface"', '"MobileOnlineMeetingCommandSurface"'), /without a MobileMessageReadCommandSurface/],
    ['mobile before desktop', (x) => x.replace(/(\s*<DesktopFormFactor>[\s\S]*?<\/DesktopFormFactor>)(\s*<MobileFormFactor>[\s\S]*?<\/MobileFormFactor>)/, '$2$1'), /out of order/],
  ];

  it.each(broken)('%s', (_name, breakIt, message) => {
    const xml = breakIt(checkedIn);
    expect(xml).not.toBe(checkedIn);
    expect(checkXmlManifest(xml, DEFAULT_BASE_URL).join('\n')).toMatch(message);
  });
});
