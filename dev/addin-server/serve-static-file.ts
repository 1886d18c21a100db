// Serves one file from a fixed directory, refusing any path that would leave it.
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { sendText } from './http-responses.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Resolves `relativePath` inside `root`; null when it escapes the directory or is malformed. */
export function resolveInside(root: string, relativePath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const target = resolve(base, `.${sep}${decoded.replace(/^[/\\]+/, '')}`);
  return target === base || target.startsWith(base + sep) ? target : null;
}

/** Answers with the file, or returns false (without answering) when there is no such file. */
export async function serveStaticFile(response: ServerResponse, options: { root: string; path: string; cache?: string }): Promise<boolean> {
  const file = resolveInside(options.root, options.path);
  if (!file) return false;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  sendText(response, {
    status: 200,
    contentType: contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    body: await readFile(file),
    cache: options.cache,
  });
  return true;
}
