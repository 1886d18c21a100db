// Runs a command with the local certificate trusted by Node (NODE_EXTRA_CA_CERTS is read
// only when a process starts, so it has to be set by a parent process like this one).
import { spawn } from 'node:child_process';
import { ensureLocalCertificate } from './local-ca.ts';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: with-local-ca <command> [args...]');
  process.exit(2);
}
const { certPath } = await ensureLocalCertificate();
const child = spawn(command, args, {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, NODE_EXTRA_CA_CERTS: certPath },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
