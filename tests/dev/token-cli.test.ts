// `npm run dev:token`: prints a token the API's verifier accepts on its last line, and refuses
// to run without a usable --user.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startTokenIssuer } from '../../dev/token-issuer.ts';
import type { TokenIssuer } from '../../dev/token-issuer.ts';
import { createAccessTokenVerifier } from '../../functions/src/auth/verify-access-token.ts';
import { AppError } from '../../functions/src/errors/app-error.ts';

const projectRoot = resolve(import.meta.dirname, '..', '..');

let issuer: TokenIssuer;

beforeAll(async () => {
  issuer = await startTokenIssuer({ port: 0 });
});

afterAll(async () => {
  await issuer.close();
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npx', ['tsx', 'dev/token-cli.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, CROSSWALK_ISSUER_URL: issuer.baseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}

function createVerifier() {
  return createAccessTokenVerifier({
    jwksUri: issuer.jwksUri,
    issuerTemplate: `${issuer.baseUrl}/{tenantid}/v2.0`,
    audience: 'api://localhost/crosswalk',
  });
}

describe('token-cli', () => {
  it('prints on its last line a token the API accepts', async () => {
    const result = await runCli(['--user', 'dana.reyes@housing.cascadia.gov']);
    expect(result.code).toBe(0);
    const caller = await createVerifier()(`Bearer ${lastLine(result.stdout)}`);
    expect(caller).toMatchObject({
      tenantId: '7c1f0e6a-3b7d-4c55-9a51-2f0c1d8e4b10',
      userPrincipalName: 'dana.reyes@housing.cascadia.gov',
      scopes: ['access_as_user'],
    });
  });

  it('honours --tenant, --audience and a negative --expires-in', async () => {
    const result = await runCli([
      '--user',
      'dana.reyes@housing.cascadia.gov',
      '--tenant',
      '0b5a9d3e-6f21-4c0a-8e7d-3a9c2b1f4e58',
      '--audience',
      'api://elsewhere',
      '--expires-in',
      '-120',
    ]);
    expect(result.code).toBe(0);
    const verifier = createAccessTokenVerifier({
      jwksUri: issuer.jwksUri,
      issuerTemplate: `${issuer.baseUrl}/{tenantid}/v2.0`,
      audience: 'api://elsewhere',
      clockToleranceSeconds: 0,
    });
    const error = await verifier(`Bearer ${lastLine(result.stdout)}`).catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('token expired');
  });

  it.each([
    { name: 'without --user', args: [], message: '--user <address> is required' },
    { name: 'with an invalid --user', args: ['--user', 'dana'], message: '--user must be an email address' },
    { name: 'with an invalid --tenant', args: ['--user', 'dana@x.gov', '--tenant', 'contoso'], message: '--tenant must be a tenant id' },
    { name: 'with an unknown option', args: ['--user', 'dana@x.gov', '--nope'], message: "Unknown option '--nope'" },
  ])('exits 2 $name', async (row) => {
    const result = await runCli(row.args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(row.message);
    expect(result.stdout.trim()).toBe('');
  });
});
