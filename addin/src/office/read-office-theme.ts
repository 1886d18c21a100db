// Decides light or dark from the Office theme, so the pane matches the Outlook around it, and
// high contrast when the system forces its own colours (Windows contrast themes, which Outlook's
// web view reports through the forced-colors media feature).
import { addMailboxHandler } from './add-mailbox-handler.ts';

export type PaneTheme = 'light' | 'dark';
/** What the pane renders with: the Office theme's light or dark, or the system's high contrast. */
export type PaneAppearance = PaneTheme | 'high-contrast';

const FORCED_COLORS = '(forced-colors: active)';

/** True while the system forces its colours (Windows contrast themes, or an emulation of them). */
export function isHighContrastActive(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(FORCED_COLORS).matches;
}

/** High contrast when the system forces colours, else the Office theme's light or dark. */
export function readPaneAppearance(): PaneAppearance {
  return isHighContrastActive() ? 'high-contrast' : readOfficeTheme();
}

/** Calls onChange when the Office theme or the system's contrast setting changes. */
export async function onPaneAppearanceChanged(onChange: (appearance: PaneAppearance) => void): Promise<() => void> {
  const notify = () => onChange(readPaneAppearance());
  const query = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(FORCED_COLORS) : null;
  query?.addEventListener?.('change', notify);
  const offOffice = await onOfficeThemeChanged(() => notify());
  return () => {
    query?.removeEventListener?.('change', notify);
    offOffice();
  };
}

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
