// Decides light or dark from the Office theme, so the pane matches the Outlook around it.
import { addMailboxHandler } from './add-mailbox-handler.ts';

export type PaneTheme = 'light' | 'dark';

/** Returns 'dark' when Office paints a dark body background, else 'light' (also outside Office). */
export function readOfficeTheme(): PaneTheme {
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  return chooseThemeForBackground(background);
}

/**
 * Dark when white text would contrast more with the background than black text does (the
 * WCAG contrast crossover, luminance ≈ 0.18); unknown or malformed colours count as light.
 */
export function chooseThemeForBackground(color: string | null | undefined): PaneTheme {
  const luminance = measureLuminance(color);
  if (luminance === null) return 'light';
  const contrastWithWhite = 1.05 / (luminance + 0.05);
  const contrastWithBlack = (luminance + 0.05) / 0.05;
  return contrastWithWhite > contrastWithBlack ? 'dark' : 'light';
}

/** Relative luminance (0–1) of a #rgb or #rrggbb colour, or null when it is not one. */
export function measureLuminance(color: string | null | undefined): number | null {
  if (!color) return null;
  let hex = color.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => linearize(parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function linearize(channel: number): number {
  return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
}

/** Calls onChange when the user switches the Office theme (where the host supports the event). */
export function onOfficeThemeChanged(onChange: (theme: PaneTheme) => void): Promise<() => void> {
  return addMailboxHandler(Office.EventType.OfficeThemeChanged, () => onChange(readOfficeTheme()));
}
