// Token-validation settings: local defaults, Entra-shaped overrides, and refusal of settings
// that would make every request fail.
import { LOCAL_AUTH_DEFAULTS, readAuthConfig } from '../../../functions/src/auth/auth-config.ts';

describe('readAuthConfig', () => {
  it('points at the local issuer by default', () => {
    expect(readAuthConfig({})).toEqual({
      jwksUri: 'http://127.0.0.1:7072/discovery/v2.0/keys',
      issuerTemplate: 'http://127.0.0.1:7072/{tenantid}/v2.0',
      audience: 'api://localhost/crosswalk',
    });
    expect(readAuthConfig({})).toEqual({ ...LOCAL_AUTH_DEFAULTS });
  });

  it('reads Entra settings, several audiences and an allow-list', () => {
    const config = readAuthConfig({
      CROSSWALK_JWKS_URI: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
      CROSSWALK_ISSUER_TEMPLATE: 'https://login.microsoftonline.com/{tenantid}/v2.0',
      CROSSWALK_API_AUDIENCE: 'api://crosswalk.example.gov/4d2c, 4d2c8a1e-0000-4000-8000-000000000001',
      CROSSWALK_ALLOWED_TENANTS: '7C1F0E6A-3B7D-4C55-9A51-2F0C1D8E4B10,',
    });
    expect(config).toEqual({
      jwksUri: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
      issuerTemplate: 'https://login.microsoftonline.com/{tenantid}/v2.0',
      audience: ['api://crosswalk.example.gov/4d2c', '4d2c8a1e-0000-4000-8000-000000000001'],
      allowedTenants: ['7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10'],
    });
  });

  it('treats blank variables as unset', () => {
    expect(readAuthConfig({ CROSSWALK_JWKS_URI: ' ', CROSSWALK_API_AUDIENCE: '' })).toEqual({ ...LOCAL_AUTH_DEFAULTS });
  });

  it('refuses an issuer template without {tenantid} and a JWKS URI that is not a URL', () => {
    expect(() => readAuthConfig({ CROSSWALK_ISSUER_TEMPLATE: 'https://login.microsoftonline.com/common/v2.0' })).toThrow(
      /CROSSWALK_ISSUER_TEMPLATE must contain \{tenantid\}/,
    );
    expect(() => readAuthConfig({ CROSSWALK_JWKS_URI: 'keys.json' })).toThrow(/CROSSWALK_JWKS_URI must be an http\(s\) URL/);
  });
});

describe('readAuthConfig per national cloud', () => {
  it.each([
    { cloud: 'worldwide', login: 'https://login.microsoftonline.com' },
    { cloud: 'gcc', login: 'https://login.microsoftonline.com' },
    { cloud: 'gcc-high', login: 'https://login.microsoftonline.us' },
    { cloud: 'dod', login: 'https://login.microsoftonline.us' },
  ])('CROSSWALK_CLOUD=$cloud takes Entra keys and issuer from $login', ({ cloud, login }) => {
    expect(readAuthConfig({ CROSSWALK_CLOUD: cloud, CROSSWALK_API_AUDIENCE: 'api://4d2c' })).toEqual({
      jwksUri: `${login}/common/discovery/v2.0/keys`,
      issuerTemplate: `${login}/{tenantid}/v2.0`,
      audience: 'api://4d2c',
    });
  });

  it('needs the API audience once a cloud is chosen', () => {
    expect(() => readAuthConfig({ CROSSWALK_CLOUD: 'gcc-high' })).toThrow(/CROSSWALK_API_AUDIENCE is required/);
  });

  it('refuses keys or an issuer of another cloud', () => {
    expect(() =>
      readAuthConfig({
        CROSSWALK_CLOUD: 'gcc-high',
        CROSSWALK_API_AUDIENCE: 'api://4d2c',
        CROSSWALK_ISSUER_TEMPLATE: 'https://login.microsoftonline.com/{tenantid}/v2.0',
      }),
    ).toThrow(/CROSSWALK_ISSUER_TEMPLATE .*another cloud/);
    expect(() =>
      readAuthConfig({
        CROSSWALK_CLOUD: 'worldwide',
        CROSSWALK_API_AUDIENCE: 'api://4d2c',
        CROSSWALK_JWKS_URI: 'https://login.microsoftonline.us/common/discovery/v2.0/keys',
      }),
    ).toThrow(/CROSSWALK_JWKS_URI .*another cloud/);
  });
});
