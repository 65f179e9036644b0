/**
 * Tells this project's local Neo4j from any other server on its port.
 *
 * A Bolt port counts as ours only when the launcher's pid file in the store directory names
 * a live process that (where /proc exists, i.e. Linux) runs the launcher with this store
 * directory and this port. Anything else listening there — another project's Neo4j, a Neo4j
 * Desktop — is foreign: the caller refuses rather than loading seeds into it.
 */
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

import { PID_FILE } from './start-local-neo4j.ts';

/** Resolves true when something accepts TCP connections on 127.0.0.1:port. */
export function isPortOpen(port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The pid of our launcher serving `storeDir` on `port`, or undefined. */
export async function ownLauncherPid(storeDir: string, port: number): Promise<number | undefined> {
  const text = await readFile(path.join(storeDir, PID_FILE), 'utf8').catch(() => '');
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (cmdline === undefined) return process.platform === 'linux' ? undefined : pid;
  const args = cmdline.split('\0');
  const at = (flag: string) => args[args.indexOf(flag) + 1];
  const ours =
    args.includes('dev.negotiation.neo4jlocal.Neo4jLocal') &&
    at('--home') !== undefined &&
    path.resolve(at('--home') ?? '') === path.resolve(storeDir) &&
    at('--port') === String(port);
  return ours ? pid : undefined;
}

export function foreignServerMessage(port: number, storeDir: string): string {
  return (
    `Something is already listening on 127.0.0.1:${port}, and it is not this project's Neo4j ` +
    `(no running launcher for ${storeDir} is recorded in ${path.join(storeDir, PID_FILE)}). ` +
    'Nothing was changed. Stop that server, or set NEO4J_LOCAL_PORT to a free port for the ' +
    'local Neo4j, or set NEO4J_URI (with NEO4J_PASSWORD) to use that server on purpose.'
  );
}
