// The generator CLI: writes both forms for a base URL, refuses http with exit code 2, and its
// --check mode passes on the repository and fails when a checked-in file drifts.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, MANIFEST_DIR, renderManifestJson, renderManifestXml, runGenerateManifest } from '../../manifest/generate-manifest.ts';
import type { CliIo } from '../../manifest/generate-manifest.ts';
import { ICON_FILES } from '../../manifest/icon-files.ts';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (l) => out.push(l), error: (l) => err.push(l) };
}

let tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosswalk-manifest-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs = [];
});

describe('generate-manifest CLI', () => {
  it('writes both forms (and the package icons) for a given base URL into --out-dir', async () => {
    const out = tempDir();
    const io = captureIo();
    const code = await runGenerateManifest(['--base-url', 'https://crosswalk.example.gov', '--out-dir', out], io);
    expect(code).toBe(EXIT.ok);
    expect(readFileSync(join(out, 'manifest.xml'), 'utf8')).toBe(renderManifestXml({ baseUrl: 'https://crosswalk.example.gov' }));
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(renderManifestJson({ baseUrl: 'https://crosswalk.example.gov' }));
    for (const icon of ICON_FILES) expect(existsSync(join(out, icon.file)), icon.file).toBe(true);
    // And the written files pass --check for that base URL.
    expect(await runGenerateManifest(['--base-url', 'https://crosswalk.example.gov', '--out-dir', out, '--check'], captureIo())).toBe(EXIT.ok);
  });

  it('rejects a non-https base URL with exit code 2 and writes nothing', async () => {
    const out = tempDir();
    const io = captureIo();
    expect(await runGenerateManifest(['--base-url', 'http://localhost:3443', '--out-dir', out], io)).toBe(EXIT.usage);
    expect(io.err.join('\n')).toMatch(/must use https/);
    expect(existsSync(join(out, 'manifest.xml'))).toBe(false);
  });

  it('rejects unknown options with exit code 2', async () => {
    const io = captureIo();
    expect(await runGenerateManifest(['--base', 'https://x.example'], io)).toBe(EXIT.usage);
    expect(io.err.join('\n')).toMatch(/Usage:/);
  });

  it('--check passes on the checked-in files', async () => {
    const io = captureIo();
    expect(await runGenerateManifest(['--check'], io)).toBe(EXIT.ok);
  });

  it('--check fails, naming the file, when a manifest or an icon differs', async () => {
    const out = tempDir();
    cpSync(MANIFEST_DIR, out, { recursive: true });
    expect(await runGenerateManifest(['--check', '--out-dir', out], captureIo())).toBe(EXIT.ok);

    const xmlPath = join(out, 'manifest.xml');
    writeFileSync(xmlPath, readFileSync(xmlPath, 'utf8').replace('ReadItem', 'ReadWriteMailbox'));
    writeFileSync(join(out, 'assets/icon-32.png'), readFileSync(join(out, 'assets/icon-16.png')));
    const io = captureIo();
    expect(await runGenerateManifest(['--check', '--out-dir', out], io)).toBe(EXIT.checkFailed);
    expect(io.err.join('\n')).toContain('manifest.xml');
    expect(io.err.join('\n')).toContain('assets/icon-32.png');
    expect(io.err.join('\n')).not.toContain('manifest.json');
  });

  it('--check fails when the files were generated for another base URL', async () => {
    const out = tempDir();
    await runGenerateManifest(['--base-url', 'https://crosswalk.example.gov', '--out-dir', out], captureIo());
    expect(await runGenerateManifest(['--check', '--out-dir', out], captureIo())).toBe(EXIT.checkFailed);
  });

  it('exits 2 as a real process for an http base URL', () => {
    const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    const result = spawnSync(tsx, [join(PROJECT_ROOT, 'manifest', 'generate-manifest.ts'), '--base-url', 'http://localhost:3443', '--out-dir', tempDir()], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/must use https/);
  });
});
