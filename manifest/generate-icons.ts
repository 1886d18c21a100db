// Regenerates the checked-in PNG icons under manifest/assets/ (served by the add-in web server
// at /assets/). Run after changing draw-icon.ts:  npx tsx manifest/generate-icons.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { drawIcon } from './draw-icon.ts';
import { ICON_FILES } from './icon-files.ts';
import { encodePng } from './png.ts';

export const MANIFEST_DIR = import.meta.dirname;

export function writeIcons(manifestDir: string = MANIFEST_DIR): string[] {
  const written: string[] = [];
  for (const icon of ICON_FILES) {
    const path = join(manifestDir, icon.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, encodePng(drawIcon(icon.size, icon.style)));
    written.push(path);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const path of writeIcons()) console.log(`wrote ${path}`);
}
