// Renders the add-in-only (XML) manifest: an Outlook MailApp whose commands live in
// VersionOverrides 1.1 (wrapped in 1.0, as the schema requires), with a pinnable task pane
// button on the read surface, the same pane on the compose surface, and, for Outlook on iOS and
// Android, a button on the mobile read surface (MobileFormFactor).
import { normalizeBaseUrl } from './base-url.ts';
import { COMMAND_ICON_SIZES, manifestAppDomains, manifestDefinition as def, manifestUrls, MAILBOX_MIN_VERSION, MOBILE_ICONS } from './manifest-definition.ts';
import { el, renderXmlDocument } from './xml-builder.ts';
import type { ManifestUrls, RenderOptions } from './manifest-definition.ts';
import type { XmlElement } from './xml-builder.ts';

export const NS = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  basicTypes: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  mailOverrides10: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  mailOverrides11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
} as const;

/** Resource ids (each ≤ 32 characters, as the schema's resid type allows). */
export const RESID = {
  taskpaneUrl: 'Taskpane.Url',
  icon: (size: number): string => `Icon.${size}x${size}`,
  mobileIcon: (size: number, scale: number): string => `Icon.Mobile${size}x${scale}`,
  groupLabel: 'Group.Label',
  buttonLabel: 'OpenPane.Label',
  tooltipTitle: 'OpenPane.Title',
  tooltipDescription: 'OpenPane.Tooltip',
} as const;

function paneButton(id: string, pinnable: boolean): XmlElement {
  return el(
    'Control',
    { 'xsi:type': 'Button', id },
    el('Label', { resid: RESID.buttonLabel }),
    el(
      'Supertip',
      {},
      el('Title', { resid: RESID.tooltipTitle }),
      el('Description', { resid: RESID.tooltipDescription }),
    ),
    el('Icon', {}, ...COMMAND_ICON_SIZES.map((size) => el('bt:Image', { size, resid: RESID.icon(size) }))),
    el(
      'Action',
      { 'xsi:type': 'ShowTaskpane' },
      el('SourceLocation', { resid: RESID.taskpaneUrl }),
      // Pinning keeps the pane open while the user moves between messages (ItemChanged does the rest);
      // it is a read-surface feature and only exists in the 1.1 schema.
      pinnable && el('SupportsPinning', {}, 'true'),
    ),
  );
}

function commandSurface(surface: 'MessageReadCommandSurface' | 'MessageComposeCommandSurface'): XmlElement {
  const prefix = surface === 'MessageReadCommandSurface' ? 'msgRead' : 'msgCompose';
  return el(
    'ExtensionPoint',
    { 'xsi:type': surface },
    el(
      'OfficeTab',
      { id: 'TabDefault' },
      el(
        'Group',
        { id: `${prefix}Group` },
        el('Label', { resid: RESID.groupLabel }),
        paneButton(`${prefix}OpenPaneButton`, surface === 'MessageReadCommandSurface'),
      ),
    ),
  );
}

/** Outlook on iOS and Android: one button on the read surface opening the same task pane (no pinning there). */
function mobileReadSurface(): XmlElement {
  return el(
    'MobileFormFactor',
    {},
    el(
      'ExtensionPoint',
      { 'xsi:type': 'MobileMessageReadCommandSurface' },
      el(
        'Group',
        { id: 'mobileMsgReadGroup' },
        el('Label', { resid: RESID.groupLabel }),
        el(
          'Control',
          { 'xsi:type': 'MobileButton', id: 'mobileMsgReadOpenPaneButton' },
          el('Label', { resid: RESID.buttonLabel }),
          el('Icon', { 'xsi:type': 'bt:MobileIconList' }, ...MOBILE_ICONS.map((icon) => el('bt:Image', { size: icon.size, scale: icon.scale, resid: RESID.mobileIcon(icon.size, icon.scale) }))),
          el('Action', { 'xsi:type': 'ShowTaskpane' }, el('SourceLocation', { resid: RESID.taskpaneUrl })),
        ),
      ),
    ),
  );
}

function resources(urls: ManifestUrls): XmlElement {
  const c = def.commands;
  return el(
    'Resources',
    {},
    el(
      'bt:Images',
      {},
      ...COMMAND_ICON_SIZES.map((size) => el('bt:Image', { id: RESID.icon(size), DefaultValue: urls.icon(size) })),
      ...MOBILE_ICONS.map((icon) => el('bt:Image', { id: RESID.mobileIcon(icon.size, icon.scale), DefaultValue: urls.icon(icon.pixels) })),
    ),
    el('bt:Urls', {}, el('bt:Url', { id: RESID.taskpaneUrl, DefaultValue: urls.taskpane })),
    el(
      'bt:ShortStrings',
      {},
      el('bt:String', { id: RESID.groupLabel, DefaultValue: c.groupLabel }),
      el('bt:String', { id: RESID.buttonLabel, DefaultValue: c.buttonLabel }),
      el('bt:String', { id: RESID.tooltipTitle, DefaultValue: c.tooltipTitle }),
    ),
    el('bt:LongStrings', {}, el('bt:String', { id: RESID.tooltipDescription, DefaultValue: c.tooltipDescription })),
  );
}

function versionOverrides(urls: ManifestUrls): XmlElement {
  const v11 = el(
    'VersionOverrides',
    { xmlns: NS.mailOverrides11, 'xsi:type': 'VersionOverridesV1_1' },
    el('Requirements', {}, el('bt:Sets', { DefaultMinVersion: MAILBOX_MIN_VERSION }, el('bt:Set', { Name: 'Mailbox' }))),
    el(
      'Hosts',
      {},
      el(
        'Host',
        { 'xsi:type': 'MailHost' },
        el('DesktopFormFactor', {}, commandSurface('MessageReadCommandSurface'), commandSurface('MessageComposeCommandSurface')),
        mobileReadSurface(),
      ),
    ),
    resources(urls),
  );
  // The 1.0 wrapper carries nothing of its own: the base <Requirements> already demand
  // Mailbox 1.5, and every client with 1.5 reads VersionOverrides 1.1, so a 1.0 copy of the
  // commands would never be used.
  return el('VersionOverrides', { xmlns: NS.mailOverrides10, 'xsi:type': 'VersionOverridesV1_0' }, v11);
}

/** The XML manifest for one base URL (https only; throws InvalidBaseUrlError otherwise) and cloud. */
export function renderManifestXml(options: RenderOptions): string {
  const urls = manifestUrls(normalizeBaseUrl(options.baseUrl));
  const root = el(
    'OfficeApp',
    {
      xmlns: NS.officeApp,
      'xmlns:xsi': NS.xsi,
      'xmlns:bt': NS.basicTypes,
      'xsi:type': 'MailApp',
    },
    el('Id', {}, def.id),
    el('Version', {}, def.version),
    el('ProviderName', {}, def.providerName),
    el('DefaultLocale', {}, def.defaultLocale),
    el('DisplayName', { DefaultValue: def.displayName }),
    el('Description', { DefaultValue: def.description }),
    el('IconUrl', { DefaultValue: urls.icon(def.iconSize) }),
    el('HighResolutionIconUrl', { DefaultValue: urls.icon(def.highResolutionIconSize) }),
    el('SupportUrl', { DefaultValue: urls.support }),
    el('AppDomains', {}, ...manifestAppDomains({ baseUrl: urls.base, cloud: options.cloud }).map((domain) => el('AppDomain', {}, domain))),
    el('Hosts', {}, el('Host', { Name: 'Mailbox' })),
    el('Requirements', {}, el('Sets', {}, el('Set', { Name: 'Mailbox', MinVersion: MAILBOX_MIN_VERSION }))),
    el(
      'FormSettings',
      {},
      el(
        'Form',
        { 'xsi:type': 'ItemRead' },
        el(
          'DesktopSettings',
          {},
          el('SourceLocation', { DefaultValue: urls.taskpane }),
          el('RequestedHeight', {}, def.requestedReadHeight),
        ),
      ),
      el('Form', { 'xsi:type': 'ItemEdit' }, el('DesktopSettings', {}, el('SourceLocation', { DefaultValue: urls.taskpane }))),
    ),
    el('Permissions', {}, def.permission),
    el(
      'Rule',
      { 'xsi:type': 'RuleCollection', Mode: 'Or' },
      el('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Read' }),
      el('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Edit' }),
    ),
    el('DisableEntityHighlighting', {}, 'false'),
    versionOverrides(urls),
  );
  return renderXmlDocument(root);
}
