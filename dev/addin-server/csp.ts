// The Content-Security-Policy of the add-in's pages (task pane, sign-in dialog, preview, the
// support pages). The pane shows data about people from other organizations, so an injected
// script must have nowhere to load from and nowhere to send what it reads: scripts only from
// the page's own origin and the office.js CDN of the configured cloud, connections only to
// the own origin (the API, same-origin through the add-in server), the API's origin if it is
// elsewhere, and the cloud's sign-in authority (MSAL in the sign-in dialog).
//
//   npx tsx dev/addin-server/csp.ts --cloud gcc-high [--api-origin https://…]
// prints the header value a deployment's web server should send (docs/SECURITY.md).
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CLOUD_ID, getNationalCloud, parseCloudId } from '../../shared/cloud/national-clouds.ts';
import type { CloudId } from '../../shared/cloud/national-clouds.ts';

export const CSP_HEADER = 'content-security-policy';

export interface ContentSecurityPolicyOptions {
  cloud?: CloudId;
  /** self: office.js comes from the page's own origin (the local server); cdn: from the cloud's CDN (deployments). */
  officeJs?: 'self' | 'cdn';
  /** The API's origin when the add-in calls it directly rather than through its own origin. */
  apiOrigin?: string;
}

/** Builds the policy; one directive per line of thought, joined with "; ". */
export function buildContentSecurityPolicy(options: ContentSecurityPolicyOptions = {}): string {
  const cloud = getNationalCloud(options.cloud ?? DEFAULT_CLOUD_ID);
  const officeJsOrigin = options.officeJs === 'cdn' ? [new URL(cloud.officeJsUrl).origin] : [];
  const apiOrigin = options.apiOrigin ? [new URL(options.apiOrigin).origin] : [];
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    // No 'unsafe-inline', no 'unsafe-eval': every script is a file from here or the Office CDN.
    ['script-src', ["'self'", ...officeJsOrigin]],
    // Fluent UI v9 styles through Griffel, which inserts <style> elements at run time, and the
    // pages carry a small inline <style>; CSS cannot run script, so this is the one allowance.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...apiOrigin, cloud.loginHost]],
    // MSAL renews silently in a hidden frame of the authority; the preview frames the task pane.
    ['frame-src', ["'self'", cloud.loginHost]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { cloud: { type: 'string' }, 'api-origin': { type: 'string' } }, strict: true });
  console.log(buildContentSecurityPolicy({ cloud: parseCloudId(values.cloud, '--cloud'), officeJs: 'cdn', apiOrigin: values['api-origin'] }));
}
