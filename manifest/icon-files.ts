// The icon files the manifests reference, and how each is drawn: one list shared by the
// icon generator, the --check mode and the tests.
import { ADDIN_ICON_SIZES, COLOR_ICON_FILE, MOBILE_ICONS, OUTLINE_ICON_FILE } from './manifest-definition.ts';
import type { IconStyle } from './draw-icon.ts';

export interface IconFile {
  /** Path relative to the manifest directory. */
  file: string;
  size: number;
  style: IconStyle;
}

/** Every colour icon size: the add-in's own and the mobile button's (each once). */
const COLOR_SIZES = [...new Set<number>([...ADDIN_ICON_SIZES, ...MOBILE_ICONS.map((icon) => icon.pixels)])].sort((a, b) => a - b);

export const ICON_FILES: readonly IconFile[] = [
  ...COLOR_SIZES.map((size): IconFile => ({ file: `assets/icon-${size}.png`, size, style: 'color' })),
  { file: COLOR_ICON_FILE, size: 192, style: 'color' },
  { file: OUTLINE_ICON_FILE, size: 32, style: 'outline' },
];
