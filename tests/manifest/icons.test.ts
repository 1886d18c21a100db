// The icons both manifests reference exist, are valid PNGs of the declared sizes, and are
// the drawing the generator makes (so the --check mode and the committed files agree).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { DEFAULT_BASE_URL } from '../../manifest/base-url.ts';
import { drawIcon } from '../../manifest/draw-icon.ts';
import { renderManifestJson, renderManifestXml } from '../../manifest/generate-manifest.ts';
import { ICON_FILES } from '../../manifest/icon-files.ts';
import { decodePng, encodePng } from '../../manifest/png.ts';

const MANIFEST_DIR = join(import.meta.dirname, '..', '..', 'manifest');

/** Reads IHDR independently of the code under test: signature, then a 13-byte IHDR chunk. */
function pngHeader(bytes: Buffer): { width: number; height: number; bitDepth: number; colourType: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.readUInt32BE(8)).toBe(13);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24]!, colourType: bytes[25]! };
}

describe('icons', () => {
  it.each(ICON_FILES.map((icon) => [icon.file, icon] as const))('%s is a valid PNG of its declared size', (_file, icon) => {
    const bytes = readFileSync(join(MANIFEST_DIR, icon.file));
    expect(pngHeader(bytes)).toEqual({ width: icon.size, height: icon.size, bitDepth: 8, colourType: 6 });
    const image = decodePng(bytes); // checks every chunk CRC and the inflated data length
    expect(image.width).toBe(icon.size);
    expect(Buffer.from(image.pixels).equals(Buffer.from(drawIcon(icon.size, icon.style).pixels))).toBe(true);
  });

  it('covers every icon URL in the XML manifest and every icon path in the JSON manifest', () => {
    const files = new Set(ICON_FILES.map((i) => i.file));
    const xml = renderManifestXml({ baseUrl: DEFAULT_BASE_URL });
    const fromXml = [...xml.matchAll(/https:\/\/localhost:3443\/(assets\/[^"]+\.png)/g)].map((m) => m[1]!);
    expect(fromXml.length).toBeGreaterThanOrEqual(5);
    const json = renderManifestJson({ baseUrl: DEFAULT_BASE_URL });
    const fromJson = [...json.matchAll(/"(?:https:\/\/localhost:3443\/)?(assets\/[^"]+\.png)"/g)].map((m) => m[1]!);
    for (const file of [...fromXml, ...fromJson]) expect(files.has(file), file).toBe(true);
    for (const size of [16, 32, 64, 80, 128]) expect(files.has(`assets/icon-${size}.png`)).toBe(true);
  });

  it('draws blue stripes on opaque white for colour icons, white on transparent for the outline', () => {
    const color = drawIcon(64, 'color');
    const pixel = (img: typeof color, x: number, y: number): number[] => [...img.pixels.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];
    expect(pixel(color, 0, 0)).toEqual([255, 255, 255, 255]);
    const colours = new Set<string>();
    for (let i = 0; i < color.pixels.length; i += 4) colours.add(color.pixels.subarray(i, i + 4).join(','));
    expect(colours.has('15,108,189,255')).toBe(true); // #0F6CBD
    const outline = drawIcon(32, 'outline');
    expect(pixel(outline, 0, 0)[3]).toBe(0);
    let opaque = 0;
    for (let i = 3; i < outline.pixels.length; i += 4) if (outline.pixels[i] === 255) opaque++;
    expect(opaque).toBeGreaterThan(50);
  });

  it('round-trips through the encoder and produces zlib data a standard inflater accepts', () => {
    const image = drawIcon(16);
    const png = encodePng(image);
    expect(decodePng(png)).toEqual(image);
    // IDAT starts after signature (8) + IHDR chunk (25); inflate it with node:zlib directly.
    const idatLength = png.readUInt32BE(33);
    expect(png.toString('latin1', 37, 41)).toBe('IDAT');
    expect(inflateSync(png.subarray(41, 41 + idatLength)).length).toBe((16 * 4 + 1) * 16);
  });

  it('the PNG reader rejects a corrupted file', () => {
    const png = Buffer.from(readFileSync(join(MANIFEST_DIR, 'assets/icon-16.png')));
    const flipped = Buffer.from(png);
    flipped[45] = flipped[45]! ^ 0xff; // inside IDAT: CRC no longer matches
    expect(() => decodePng(flipped)).toThrow(/CRC/);
    expect(() => decodePng(png.subarray(0, png.length - 12))).toThrow(/IEND/);
    expect(() => decodePng(Buffer.from('GIF89a'))).toThrow(/signature/);
  });
});
