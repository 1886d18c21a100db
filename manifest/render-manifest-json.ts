// Renders the unified (Microsoft 365 app) manifest for the same add-in: one extension with a
// task pane runtime and ribbon buttons on the read and compose surfaces of Outlook on the desktop
// and the web, and a mobile button on the read surface of Outlook on iOS and Android.
import { normalizeBaseUrl } from './base-url.ts';
import {
  COLOR_ICON_FILE,
  COMMAND_ICON_SIZES,
  manifestAppDomains,
  manifestDefinition as def,
  manifestUrls,
  MAILBOX_MIN_VERSION,
  MOBILE_ICONS,
  OUTLINE_ICON_FILE,
  semverOf,
} from './manifest-definition.ts';
import type { ManifestUrls, RenderOptions } from './manifest-definition.ts';
import { UNIFIED_MANIFEST_SCHEMA_URL, UNIFIED_MANIFEST_VERSION } from './unified-manifest-schema.ts';

export const RUNTIME_ID = 'TaskPaneRuntime';
export const ACTION_ID = { read: 'openPaneRead', compose: 'openPaneCompose' } as const;

function icons(urls: ManifestUrls): Array<{ size: number; url: string }> {
  return COMMAND_ICON_SIZES.map((size) => ({ size, url: urls.icon(size) }));
}

function ribbon(context: 'mailRead' | 'mailCompose', urls: ManifestUrls): Record<string, unknown> {
  const prefix = context === 'mailRead' ? 'msgRead' : 'msgCompose';
  const c = def.commands;
  return {
    requirements: { formFactors: ['desktop'] },
    contexts: [context],
    tabs: [
      {
        builtInTabId: 'TabDefault',
        groups: [
          {
            id: `${prefix}Group`,
            label: c.groupLabel,
            icons: icons(urls),
            controls: [
              {
                id: `${prefix}OpenPaneButton`,
                type: 'button',
                label: c.buttonLabel,
                icons: icons(urls),
                supertip: { title: c.tooltipTitle, description: c.tooltipDescription },
                actionId: context === 'mailRead' ? ACTION_ID.read : ACTION_ID.compose,
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Outlook mobile's read surface: a mobile button opening the same task pane. */
function mobileRibbon(urls: ManifestUrls): Record<string, unknown> {
  const c = def.commands;
  return {
    requirements: { formFactors: ['mobile'] },
    contexts: ['mailRead'],
    tabs: [
      {
        id: 'mobileMsgReadTab',
        label: c.groupLabel,
        customMobileRibbonGroups: [
          {
            id: 'mobileMsgReadGroup',
            label: c.groupLabel,
            controls: [
              {
                id: 'mobileMsgReadOpenPaneButton',
                type: 'mobileButton',
                label: c.buttonLabel,
                icons: MOBILE_ICONS.map((icon) => ({ size: icon.size, scale: icon.scale, url: urls.icon(icon.pixels) })),
                actionId: ACTION_ID.read,
              },
            ],
          },
        ],
      },
    ],
  };
}

/** The unified manifest as an object (for validation and tests). */
export function buildManifestJson(options: RenderOptions): Record<string, unknown> {
  const urls = manifestUrls(normalizeBaseUrl(options.baseUrl));
  const requirements = { capabilities: [{ name: 'Mailbox', minVersion: MAILBOX_MIN_VERSION }] };
  return {
    $schema: UNIFIED_MANIFEST_SCHEMA_URL,
    manifestVersion: UNIFIED_MANIFEST_VERSION,
    version: semverOf(def.version),
    id: def.id,
    localizationInfo: { defaultLanguageTag: def.defaultLocale.toLowerCase() },
    developer: {
      name: def.providerName,
      websiteUrl: urls.support,
      privacyUrl: urls.privacy,
      termsOfUseUrl: urls.terms,
    },
    name: { short: def.displayName, full: def.displayName },
    description: { short: def.description, full: def.longDescription },
    // Relative to manifest.json inside the app package (zip), not URLs.
    icons: { outline: OUTLINE_ICON_FILE, color: COLOR_ICON_FILE },
    accentColor: def.accentColor,
    validDomains: manifestAppDomains({ baseUrl: urls.base, cloud: options.cloud }).map((origin) => new URL(origin).host),
    authorization: {
      permissions: { resourceSpecific: [{ name: def.unifiedPermission, type: 'Delegated' }] },
    },
    extensions: [
      {
        requirements: { scopes: ['mail'], ...requirements },
        runtimes: [
          {
            requirements,
            id: RUNTIME_ID,
            type: 'general',
            code: { page: urls.taskpane },
            lifetime: 'short',
            actions: [
              // Same page twice: pinning is a read-surface feature, as in the XML manifest.
              { id: ACTION_ID.read, type: 'openPage', pinnable: true },
              { id: ACTION_ID.compose, type: 'openPage', pinnable: false },
            ],
          },
        ],
        ribbons: [ribbon('mailRead', urls), ribbon('mailCompose', urls), mobileRibbon(urls)],
      },
    ],
  };
}

/** The unified manifest file contents for one base URL (https only; throws InvalidBaseUrlError otherwise) and cloud. */
export function renderManifestJson(options: RenderOptions): string {
  return `${JSON.stringify(buildManifestJson(options), null, 2)}\n`;
}
