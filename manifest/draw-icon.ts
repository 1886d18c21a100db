// Draws the Crosswalk mark: the stripes of a pedestrian crossing, seen slightly in perspective,
// in Fluent brand blue (#0F6CBD). Pure function of size, so icons can be regenerated and checked.
import type { RgbaImage } from './png.ts';

export type IconStyle = 'color' | 'outline';

const BLUE = [0x0f, 0x6c, 0xbd] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
const STRIPES = 4;
const SUPERSAMPLE = 4;

/** True when the point (in the unit square, y down) lies on one of the stripes. */
function onStripe(x: number, y: number): boolean {
  const top = 0.2;
  const bottom = 0.8;
  if (y < top || y > bottom) return false;
  // The crossing narrows towards the top, like a road receding from the viewer.
  const t = (y - top) / (bottom - top);
  const halfWidth = 0.3 + 0.12 * t;
  const left = 0.5 - halfWidth;
  const u = (x - left) / (2 * halfWidth);
  if (u < 0 || u > 1) return false;
  const slot = u * (STRIPES * 2 - 1);
  return Math.floor(slot) % 2 === 0;
}

/**
 * `color`: blue stripes on an opaque white tile (add-in icons, unified 192px colour icon).
 * `outline`: white stripes on transparency (unified 32px outline icon, which Teams tints).
 */
export function drawIcon(size: number, style: IconStyle = 'color'): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (onStripe(x, y)) hits++;
        }
      }
      const coverage = hits / samples;
      const i = (py * size + px) * 4;
      if (style === 'color') {
        for (let c = 0; c < 3; c++) pixels[i + c] = Math.round(WHITE[c]! + (BLUE[c]! - WHITE[c]!) * coverage);
        pixels[i + 3] = 255;
      } else {
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 255;
        pixels[i + 3] = Math.round(255 * coverage);
      }
    }
  }
  return { width: size, height: size, pixels };
}
