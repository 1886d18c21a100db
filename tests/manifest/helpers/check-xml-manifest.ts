// Structural checks for an Outlook MailApp XML manifest, standing in for the XSD validation
// that cannot run offline (see /work/shared/reference/manifest/INDEX.md). Returns a list of
// problems instead of asserting, so tests can also prove each check fires on a broken manifest.
import { getNationalCloud } from '../../../shared/cloud/national-clouds.ts';
import type { CloudId } from '../../../shared/cloud/national-clouds.ts';
import { ancestors, attr, descendants, parseXml } from './parse-xml.ts';
import type { XmlNode } from './parse-xml.ts';

export const NS = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  vo10: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  vo11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
} as const;

/** The MailApp sequence from the OfficeApp schema (the subset Crosswalk uses, all required here). */
export const MAIL_APP_ORDER = [
  'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'FormSettings',
  'Permissions', 'Rule', 'DisableEntityHighlighting', 'VersionOverrides',
] as const;

const PERMISSIONS = ['Restricted', 'ReadItem', 'ReadWriteItem', 'ReadWriteMailbox'];
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const LOOKS_LIKE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const MAX_RESID = 32;

/** Which Resources collection a resid must point into, by the referring element's name. */
const RESOURCE_KIND: Record<string, string> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};
const STRING_LIMIT: Record<string, number> = { ShortStrings: 125, LongStrings: 250 };

const xsiType = (n: XmlNode): string | undefined => attr(n, 'type', NS.xsi);
const isVo = (n: XmlNode, ns: string): boolean => n.localName === 'VersionOverrides' && n.ns === ns;

function checkOrder(parent: XmlNode, order: readonly string[], required: readonly string[], where: string, problems: string[]): void {
  let last = -1;
  const seen = new Set<string>();
  for (const child of parent.children) {
    const index = order.indexOf(child.localName);
    if (index < 0) problems.push(`${where}: unexpected element <${child.qName}> (line ${child.line})`);
    else if (index <= last) problems.push(`${where}: <${child.qName}> is out of order or repeated (line ${child.line})`);
    else last = index;
    seen.add(child.localName);
  }
  for (const name of required) if (!seen.has(name)) problems.push(`${where}: missing <${name}>`);
}

/** `cloud` names the national cloud whose sign-in authority may appear among the AppDomains (default worldwide). */
export function checkXmlManifest(xml: string, baseUrl: string, cloud: CloudId = 'worldwide'): string[] {
  const problems: string[] = [];
  let root: XmlNode;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [`not well-formed: ${(error as Error).message}`];
  }
  const all = [root, ...descendants(root)];

  // Root, namespace, type.
  if (root.localName !== 'OfficeApp' || root.ns !== NS.officeApp) problems.push(`root is <${root.qName}> in ${root.ns}, expected OfficeApp in ${NS.officeApp}`);
  if (xsiType(root) !== 'MailApp') problems.push(`root xsi:type is ${xsiType(root)}, expected MailApp`);
  for (const child of root.children) if (child.ns !== NS.officeApp && child.localName !== 'VersionOverrides') problems.push(`<${child.qName}> is not in the OfficeApp namespace`);

  // Element order and required elements.
  checkOrder(root, MAIL_APP_ORDER, MAIL_APP_ORDER, 'OfficeApp', problems);
  const top = (name: string): XmlNode | undefined => root.children.find((c) => c.localName === name);

  const id = top('Id')?.text.trim() ?? '';
  if (!GUID.test(id)) problems.push(`Id "${id}" is not a GUID`);
  const version = top('Version')?.text.trim() ?? '';
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) problems.push(`Version "${version}" is not n[.n[.n[.n]]]`);
  const permission = top('Permissions')?.text.trim() ?? '';
  if (!PERMISSIONS.includes(permission)) problems.push(`Permissions "${permission}" is not one of ${PERMISSIONS.join(', ')}`);
  const mailboxSet = top('Requirements')?.children.flatMap((s) => s.children).find((s) => attr(s, 'Name') === 'Mailbox');
  if (!mailboxSet) problems.push('base Requirements do not name the Mailbox requirement set');

  // URLs: every URL-looking value must be https under the base URL; URL-typed values must be URLs.
  const base = baseUrl.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  const urlTyped = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation']);
  for (const node of all) {
    const values: Array<[string, string]> = node.attributes.filter((a) => a.ns === null).map((a) => [`${node.qName}@${a.qName}`, a.value]);
    if (node.children.length === 0 && node.text.trim()) values.push([node.qName, node.text.trim()]);
    for (const [where, value] of values) {
      if (!LOOKS_LIKE_URL.test(value)) continue;
      if (!value.startsWith('https://')) problems.push(`${where}: ${value} is not https`);
      const allowed = node.localName === 'AppDomain' ? value === origin || value === getNationalCloud(cloud).loginHost : value.startsWith(`${base}/`);
      if (!allowed) problems.push(`${where}: ${value} is not under the base URL ${base}`);
    }
    const isUrlResource = node.ns === NS.bt && (node.localName === 'Url' || (node.localName === 'Image' && attr(node, 'id') !== undefined));
    if ((urlTyped.has(node.localName) && attr(node, 'DefaultValue') !== undefined) || isUrlResource) {
      const value = attr(node, 'DefaultValue') ?? '';
      if (!LOOKS_LIKE_URL.test(value)) problems.push(`${node.qName}@DefaultValue "${value}" is not an absolute URL`);
    }
  }

  // VersionOverrides 1.0 containing 1.1, and nothing else shaped like VersionOverrides.
  const vo10s = root.children.filter((c) => isVo(c, NS.vo10));
  const vo10 = vo10s[0];
  if (vo10s.length !== 1 || !vo10) problems.push(`expected one VersionOverrides 1.0 under OfficeApp, found ${vo10s.length}`);
  else if (xsiType(vo10) !== 'VersionOverridesV1_0') problems.push(`VersionOverrides 1.0 has xsi:type ${xsiType(vo10)}`);
  const vo11s = vo10?.children.filter((c) => isVo(c, NS.vo11)) ?? [];
  const vo11 = vo11s[0];
  if (vo11s.length !== 1 || !vo11) problems.push(`expected one VersionOverrides 1.1 inside 1.0, found ${vo11s.length}`);
  else if (xsiType(vo11) !== 'VersionOverridesV1_1') problems.push(`VersionOverrides 1.1 has xsi:type ${xsiType(vo11)}`);
  const allVo = all.filter((n) => n.localName === 'VersionOverrides');
  if (allVo.length !== vo10s.length + vo11s.length) problems.push('VersionOverrides found outside the 1.0 → 1.1 nesting');
  if (vo10) checkOrder(vo10, ['Description', 'Requirements', 'Hosts', 'Resources', 'VersionOverrides'], [], 'VersionOverrides 1.0', problems);
  if (vo11) checkOrder(vo11, ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins', 'ExtendedPermissions'], ['Hosts', 'Resources'], 'VersionOverrides 1.1', problems);

  // Resources: ids unique, ≤ 32 chars, in schema order; every resid resolves to the right kind.
  const resourceKinds = new Map<string, string>();
  for (const vo of [vo10, vo11]) {
    const resources = vo?.children.find((c) => c.localName === 'Resources');
    if (!resources) continue;
    checkOrder(resources, ['Images', 'Urls', 'ShortStrings', 'LongStrings'], [], 'Resources', problems);
    for (const collection of resources.children) {
      if (collection.ns !== NS.bt) problems.push(`<${collection.qName}> in Resources is not in the basic types namespace`);
      for (const entry of collection.children) {
        const resId = attr(entry, 'id') ?? '';
        if (!resId) problems.push(`<${entry.qName}> in ${collection.localName} has no id`);
        if (resId.length > MAX_RESID) problems.push(`resource id "${resId}" is longer than ${MAX_RESID} characters`);
        if (resourceKinds.has(resId)) problems.push(`resource id "${resId}" is defined twice`);
        resourceKinds.set(resId, collection.localName);
        const limit = STRING_LIMIT[collection.localName];
        const text = attr(entry, 'DefaultValue') ?? '';
        if (limit !== undefined && text.length > limit) problems.push(`string "${resId}" is longer than ${limit} characters`);
      }
    }
  }
  for (const node of all) {
    const resid = attr(node, 'resid');
    if (resid === undefined) continue;
    if (resid.length > MAX_RESID) problems.push(`resid "${resid}" is longer than ${MAX_RESID} characters`);
    const kind = resourceKinds.get(resid);
    const expected = RESOURCE_KIND[node.localName];
    if (!kind) problems.push(`resid "${resid}" on <${node.qName}> (line ${node.line}) does not resolve`);
    else if (expected && kind !== expected) problems.push(`resid "${resid}" on <${node.qName}> points into ${kind}, expected ${expected}`);
  }

  // Pinning: only in 1.1, only on a read-surface ShowTaskpane action.
  for (const pin of all.filter((n) => n.localName === 'SupportsPinning')) {
    const up = ancestors(pin);
    if (pin.ns !== NS.vo11 || !up.some((a) => isVo(a, NS.vo11))) problems.push(`SupportsPinning outside VersionOverrides 1.1 (line ${pin.line})`);
    if (pin.parent?.localName !== 'Action' || xsiType(pin.parent) !== 'ShowTaskpane') problems.push(`SupportsPinning not inside a ShowTaskpane action (line ${pin.line})`);
    if (!up.some((a) => a.localName === 'ExtensionPoint' && xsiType(a) === 'MessageReadCommandSurface')) problems.push(`SupportsPinning outside MessageReadCommandSurface (line ${pin.line})`);
    if (!['true', 'false'].includes(pin.text.trim())) problems.push(`SupportsPinning value "${pin.text.trim()}" is not a boolean`);
  }

  // The command surfaces Crosswalk needs: a pinnable task pane on read, the task pane on compose.
  const points = vo11 ? descendants(vo11).filter((n) => n.localName === 'ExtensionPoint') : [];
  const showTaskpaneIn = (surface: string): XmlNode[] =>
    points.filter((p) => xsiType(p) === surface).flatMap(descendants).filter((n) => n.localName === 'Action' && xsiType(n) === 'ShowTaskpane');
  const readActions = showTaskpaneIn('MessageReadCommandSurface');
  if (readActions.length === 0) problems.push('no MessageReadCommandSurface with a ShowTaskpane action in VersionOverrides 1.1');
  if (!readActions.some((a) => a.children.some((c) => c.localName === 'SupportsPinning' && c.text.trim() === 'true'))) problems.push('the read-surface task pane does not support pinning');
  if (showTaskpaneIn('MessageComposeCommandSurface').length === 0) problems.push('no MessageComposeCommandSurface with a ShowTaskpane action in VersionOverrides 1.1');
  for (const action of [...readActions, ...showTaskpaneIn('MessageComposeCommandSurface')]) {
    if (!action.children.some((c) => c.localName === 'SourceLocation' && attr(c, 'resid'))) problems.push(`ShowTaskpane action without a SourceLocation resid (line ${action.line})`);
  }

  // Outlook mobile: the read surface inside MobileFormFactor (after DesktopFormFactor in the MailHost),
  // a MobileButton whose icon list has the three sizes at the three scales, and no pinning.
  for (const host of vo11 ? descendants(vo11).filter((n) => n.localName === 'Host') : []) {
    checkOrder(host, ['DesktopFormFactor', 'MobileFormFactor'], ['DesktopFormFactor'], 'MailHost', problems);
  }
  for (const mobile of all.filter((n) => n.localName === 'MobileFormFactor')) {
    if (mobile.parent?.localName !== 'Host' || !ancestors(mobile).some((a) => isVo(a, NS.vo11))) problems.push(`MobileFormFactor outside a VersionOverrides 1.1 host (line ${mobile.line})`);
    const mobilePoints = mobile.children.filter((c) => c.localName === 'ExtensionPoint');
    if (!mobilePoints.some((p) => xsiType(p) === 'MobileMessageReadCommandSurface')) problems.push('MobileFormFactor without a MobileMessageReadCommandSurface');
    for (const control of descendants(mobile).filter((n) => n.localName === 'Control')) {
      if (xsiType(control) !== 'MobileButton') problems.push(`mobile control ${attr(control, 'id')} is ${xsiType(control)}, expected MobileButton`);
      const icon = control.children.find((c) => c.localName === 'Icon');
      if (!icon || xsiType(icon) !== 'bt:MobileIconList') problems.push(`mobile control ${attr(control, 'id')} has no bt:MobileIconList icon`);
      const pairs = new Set((icon?.children ?? []).map((i) => `${attr(i, 'size')}@${attr(i, 'scale')}`));
      for (const size of ['25', '32', '48']) for (const scale of ['1', '2', '3']) if (!pairs.has(`${size}@${scale}`)) problems.push(`mobile control ${attr(control, 'id')} lacks the ${size}px icon at scale ${scale}`);
      if (!control.children.some((c) => c.localName === 'Action' && xsiType(c) === 'ShowTaskpane')) problems.push(`mobile control ${attr(control, 'id')} has no ShowTaskpane action`);
    }
  }

  return problems;
}
