/**
 * The benchmark tools' process helpers: starting a served API (serve-ours.js, serve-floor.js,
 * serve-peer.ts) and waiting for it, `npm start`'s node flags, and a process's CPU time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import readline from 'node:readline';

/** The node flags of `npm start` (package.json), which the benchmarked API runs with too. */
export const START_NODE_FLAGS = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }
).scripts.start
  .split(' ')
  .filter((arg) => arg.startsWith('--'));

/**
 * Starts a server script — compiled JavaScript (dist/) with plain node and `nodeFlags`, else
 * TypeScript via tsx — and resolves once it prints `listening`; rejects if it exits first.
 */
export function startChild(
  script: string,
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
): Promise<ChildProcess> {
  const args = script.endsWith('.js') ? [...nodeFlags, script] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'listening') resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/** Polls `url` until it answers 2xx; throws after 120 s. */
export async function waitReady(url: string): Promise<void> {
  for (const end = Date.now() + 120_000; Date.now() < end;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready within 120 s`);
}

/** CPU time (user + system) a process has used, in ms (Linux /proc, 10 ms ticks). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}

/** Stops a child with SIGTERM and resolves once it has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** A memory figure of a process's /proc status (VmRSS resident, VmHWM peak), in MB; NaN once it has gone. */
export function memoryMb(pid: number, key: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}
