// Local TLS for the embedded stand-ins: one self-signed certificate for localhost and
// 127.0.0.1, made once and kept in .data/certs, so the Graph stand-in and Cosmos stand-in
// can speak HTTPS like the real services and Node trusts them through NODE_EXTRA_CA_CERTS.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import selfsigned from 'selfsigned';

export interface LocalCertificate {
  certPath: string;
  cert: string;
  key: string;
}

export const DATA_DIR = resolve(import.meta.dirname, '..', '.data');
const CERT_DIR = join(DATA_DIR, 'certs');

/** Returns the local certificate, creating it on first use. */
export async function ensureLocalCertificate(): Promise<LocalCertificate> {
  const certPath = join(CERT_DIR, 'localhost.pem');
  const keyPath = join(CERT_DIR, 'localhost-key.pem');
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    mkdirSync(CERT_DIR, { recursive: true });
    const notAfter = new Date();
    notAfter.setFullYear(notAfter.getFullYear() + 5);
    const pems = await selfsigned.generate([{ name: 'commonName', value: 'Crosswalk local stack' }], {
      keySize: 2048,
      algorithm: 'sha256',
      notAfterDate: notAfter,
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    writeFileSync(certPath, pems.cert);
    writeFileSync(keyPath, pems.private, { mode: 0o600 });
  }
  return { certPath, cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
}
