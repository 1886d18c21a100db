// The single description of the Crosswalk Outlook add-in. Both manifest forms (the XML
// add-in-only manifest and the unified JSON app manifest) are rendered from this, so the
// id, names, permission, requirement set and URLs cannot drift apart between them.
import { DEFAULT_CLOUD_ID, getNationalCloud } from '../shared/cloud/national-clouds.ts';
import type { CloudId } from '../shared/cloud/national-clouds.ts';

/**
 * Mailbox requirement set the add-in needs: 1.5 brings ItemChanged and pinnable task panes. It
 * stays at 1.5 on purpose, although "Email this group" uses displayNewMessageForm (1.6) and the
 * pane follows a draft's RecipientsChanged (1.7): Outlook on iOS and Android offers 1.5, and a
 * manifest asking for more would hide the add-in there (and on older desktop builds). Those two
 * features are detected at run time instead (isSetSupported / the event's registration), and the
 * pane works without them. docs/SIDELOADING.md, "Requirement sets".
 */
export const MAILBOX_MIN_VERSION = '1.5';

/** Icon sizes served from `<base>/assets/icon-<size>.png` (add-in commands need 16/32/80). */
export const COMMAND_ICON_SIZES = [16, 32, 80] as const;
export const ADDIN_ICON_SIZES = [16, 32, 64, 80, 128] as const;
/** Outlook mobile's button icons: three sizes at three screen scales (pixels = size × scale). */
export const MOBILE_ICON_SIZES = [25, 32, 48] as const;
export const MOBILE_ICON_SCALES = [1, 2, 3] as const;
/** Every mobile icon as (size, scale, pixels), in the order the manifests list them. */
export const MOBILE_ICONS = MOBILE_ICON_SIZES.flatMap((size) => MOBILE_ICON_SCALES.map((scale) => ({ size, scale, pixels: size * scale })));
export type AddinIconSize = (typeof ADDIN_ICON_SIZES)[number];

/** Unified-manifest package icons: a 192px full-colour icon and a 32px white-on-transparent outline. */
export const COLOR_ICON_FILE = 'assets/color-192.png';
export const OUTLINE_ICON_FILE = 'assets/outline-32.png';

export const manifestDefinition = {
  // Fixed forever: Outlook keys installs, sideload caches and admin deployments on this id.
  id: 'c8a7bdc0-d6ab-4229-a354-69c216e9a869',
  // Four-part for the XML manifest; the unified manifest takes the first three (semver).
  version: '1.0.0.0',
  providerName: 'Crosswalk',
  defaultLocale: 'en-US',
  displayName: 'Crosswalk',
  description: 'Who does what, across which networks, and who on your team knows them.',
  longDescription:
    'Crosswalk shows, beside the message you are reading or writing, who the people on it are, ' +
    'which organisations and networks they belong to, and who on your team already knows them.',
  accentColor: '#0F6CBD',
  // Least privilege that still lets the pane read the sender and recipients of the open item.
  permission: 'ReadItem',
  unifiedPermission: 'MailboxItem.Read.User',
  paths: {
    taskpane: '/taskpane.html',
    support: '/support.html',
    privacy: '/privacy.html',
    terms: '/terms.html',
    icon: (size: number): string => `/assets/icon-${size}.png`,
  },
  iconSize: 64,
  highResolutionIconSize: 128,
  /** Height (px) Outlook gives the legacy read form; ignored where add-in commands are supported. */
  requestedReadHeight: 250,
  commands: {
    groupLabel: 'Crosswalk',
    buttonLabel: 'Open Crosswalk',
    tooltipTitle: 'Open Crosswalk',
    tooltipDescription: 'See who the people on this message are and who on your team knows them.',
  },
} as const;

export type ManifestDefinition = typeof manifestDefinition;

/** Input of both renderers: the https origin (optionally with a path prefix) that serves the add-in, and the national cloud (default worldwide). */
export interface RenderOptions {
  baseUrl: string;
  cloud?: CloudId;
}

/**
 * The origins Office may show inside the add-in's own windows: the add-in's, and the sign-in
 * authority of its cloud, so a sign-in navigation (the dialog fallback's redirect) stays in
 * the window instead of escaping to the system browser. Per cloud: a GCC High manifest names
 * login.microsoftonline.us and nothing of the worldwide cloud.
 */
export function manifestAppDomains(options: { baseUrl: string; cloud?: CloudId }): string[] {
  const cloud = getNationalCloud(options.cloud ?? DEFAULT_CLOUD_ID);
  return [new URL(options.baseUrl).origin, cloud.loginHost];
}

/** Every absolute URL the manifests mention, for one base URL (already normalised, no trailing slash). */
export interface ManifestUrls {
  base: string;
  taskpane: string;
  support: string;
  privacy: string;
  terms: string;
  icon: (size: number) => string;
}

export function manifestUrls(baseUrl: string): ManifestUrls {
  const p = manifestDefinition.paths;
  return {
    base: baseUrl,
    taskpane: baseUrl + p.taskpane,
    support: baseUrl + p.support,
    privacy: baseUrl + p.privacy,
    terms: baseUrl + p.terms,
    icon: (size) => baseUrl + p.icon(size),
  };
}

/** Semver form of the four-part version, which the unified manifest requires. */
export function semverOf(version: string): string {
  const parts = version.split('.');
  return parts.slice(0, 3).join('.');
}
