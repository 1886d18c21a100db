// Small response helpers for the dev add-in server, answering errors in the API's own shape.
import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/api/error-body.ts';

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

export function sendError(response: ServerResponse, options: { status: number; code: ErrorCode; message: string }): void {
  sendJson(response, options.status, { error: { code: options.code, message: options.message } });
}

export function sendText(response: ServerResponse, options: { status: number; contentType: string; body: string | Buffer; cache?: string }): void {
  response.writeHead(options.status, {
    'content-type': options.contentType,
    'content-length': Buffer.byteLength(options.body),
    'cache-control': options.cache ?? 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  response.end(options.body);
}
