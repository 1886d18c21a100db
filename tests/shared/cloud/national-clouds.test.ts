// The national clouds as data: each cloud's endpoints, the setting's spellings, and refusal of
// settings that point into another cloud.
import {
  assertUrlInCloud,
  CLOUD_IDS,
  formatAuthority,
  getNationalCloud,
  NATIONAL_CLOUDS,
  parseCloudId,
  UnknownCloudError,
} from '../../../shared/cloud/national-clouds.ts';
import type { CloudId } from '../../../shared/cloud/national-clouds.ts';

const EXPECTED: Record<CloudId, { graph: string; login: string; officeJs: string }> = {
  worldwide: {
    graph: 'https://graph.microsoft.com',
    login: 'https://login.microsoftonline.com',
    officeJs: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  },
  'gcc-high': {
    graph: 'https://graph.microsoft.us',
    login: 'https://login.microsoftonline.us',
    officeJs: 'https://appsforoffice.gcch.cdn.office.net/appsforoffice/lib/1/hosted/office.js',
  },
  dod: {
    graph: 'https://dod-graph.microsoft.us',
    login: 'https://login.microsoftonline.us',
    officeJs: 'https://appsforoffice.dod.cdn.office.net/appsforoffice/lib/1/hosted/office.js',
  },
};

describe('national clouds', () => {
  it('defines exactly worldwide, GCC High and DoD', () => {
    expect([...CLOUD_IDS]).toEqual(['worldwide', 'gcc-high', 'dod']);
    expect(Object.keys(NATIONAL_CLOUDS).sort()).toEqual([...CLOUD_IDS].sort());
  });

  it.each(CLOUD_IDS)('%s: Graph, scope, authority, keys, issuer and office.js follow from one definition', (id) => {
    const cloud = getNationalCloud(id);
    const expected = EXPECTED[id];
    expect(cloud.id).toBe(id);
    expect(cloud.graphResource).toBe(expected.graph);
    expect(cloud.graphBaseUrl).toBe(`${expected.graph}/`);
    expect(cloud.graphDefaultScope).toBe(`${expected.graph}/.default`);
    expect(cloud.loginHost).toBe(expected.login);
    expect(formatAuthority({ cloud })).toBe(`${expected.login}/organizations`);
    expect(formatAuthority({ cloud, tenant: '7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10' })).toBe(
      `${expected.login}/7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10`,
    );
    expect(cloud.jwksUri).toBe(`${expected.login}/common/discovery/v2.0/keys`);
    expect(cloud.issuerTemplate).toBe(`${expected.login}/{tenantid}/v2.0`);
    expect(cloud.officeJsUrl).toBe(expected.officeJs);
    // Everything a deployment talks to is https.
    for (const url of [cloud.graphBaseUrl, cloud.loginHost, cloud.jwksUri, cloud.officeJsUrl]) expect(url.startsWith('https://')).toBe(true);
  });

  it('reads the setting: blank is worldwide, GCC is worldwide, aliases and case are forgiven', () => {
    expect(parseCloudId(undefined)).toBe('worldwide');
    expect(parseCloudId('  ')).toBe('worldwide');
    expect(parseCloudId('GCC')).toBe('worldwide');
    expect(parseCloudId('gcc-high')).toBe('gcc-high');
    expect(parseCloudId('GCCH')).toBe('gcc-high');
    expect(parseCloudId(' DoD ')).toBe('dod');
  });

  it('refuses an unknown cloud instead of guessing one', () => {
    expect(() => parseCloudId('china')).toThrow(UnknownCloudError);
    expect(() => parseCloudId('usgov', 'VITE_CROSSWALK_CLOUD')).toThrow(/VITE_CROSSWALK_CLOUD must be one of/);
  });

  it('refuses a URL of another cloud and allows hosts of no known cloud', () => {
    const gccHigh = getNationalCloud('gcc-high');
    expect(() => assertUrlInCloud({ cloud: gccHigh, url: 'https://graph.microsoft.us/', settingName: 'X' })).not.toThrow();
    expect(() => assertUrlInCloud({ cloud: gccHigh, url: 'https://login.microsoftonline.us/t/oauth2/v2.0/token', settingName: 'X' })).not.toThrow();
    expect(() => assertUrlInCloud({ cloud: gccHigh, url: 'https://127.0.0.1:7443/v1.0', settingName: 'X' })).not.toThrow();
    expect(() => assertUrlInCloud({ cloud: gccHigh, url: 'https://graph.microsoft.com/', settingName: 'CROSSWALK_GRAPH_BASE_URL' })).toThrow(
      /CROSSWALK_GRAPH_BASE_URL .*another cloud/,
    );
    expect(() => assertUrlInCloud({ cloud: gccHigh, url: 'https://dod-graph.microsoft.us/', settingName: 'X' })).toThrow(/another cloud/);
    expect(() =>
      assertUrlInCloud({ cloud: getNationalCloud('worldwide'), url: 'https://login.microsoftonline.us/common/discovery/v2.0/keys', settingName: 'X' }),
    ).toThrow(/another cloud/);
  });
});
