/**
 * Starts the Java launcher (tools/neo4j-local) as a child process and resolves once Neo4j
 * accepts authenticated Bolt connections.
 *
 * Guarantees:
 * - the child's stdin is a pipe and the launcher exits when it closes, so the Java process
 *   never outlives this Node process, even if Node is killed;
 * - `stop()` shuts Neo4j down cleanly (SIGTERM, then SIGKILL after a grace period) and
 *   resolves when the process has exited;
 * - a pid file in the store directory lets `npm run neo4j:stop` stop a server started
 *   from another terminal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';

import { ensureLauncherBuilt, launcherBuildStamp, launcherTargetDir } from './build-launcher.ts';
import {
  archiveJvmFlags,
  archiveSettled,
  buildClassDataArchive,
  launcherClasspath,
  type LauncherPaths,
} from './class-data-archive.ts';

export interface LocalNeo4jOptions {
  /** Store directory; created when missing, kept between runs. */
  storeDir: string;
  port: number;
  password: string;
  /** JVM heap, e.g. '1g'. */
  heap: string;
  /** Neo4j page cache, e.g. '512m' (Neo4j's own default is half the machine's memory). */
  pagecache: string;
  /** Give up when Neo4j is not ready after this long. @default 180000 */
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  stop(): Promise<void>;
}

export const PID_FILE = 'neo4j-local.pid';

/**
 * Builds the launcher when its sources changed, then makes its class-data archive when this
 * build has none (class-data-archive.ts); resolves the JVM flags that use the archive.
 */
export async function prepareLauncher(
  log: (line: string) => void = console.log,
  startTimeoutMs?: number,
): Promise<string[]> {
  await ensureLauncherBuilt(log);
  const paths: LauncherPaths = {
    targetDir: launcherTargetDir,
    buildStamp: await launcherBuildStamp(),
  };
  if (!archiveSettled(paths)) {
    await buildClassDataArchive(
      paths,
      { start: (o) => spawnLauncher({ ...o, startTimeoutMs }, o.jvmFlags) },
      log,
    );
  }
  return archiveJvmFlags(paths);
}

/**
 * `java`'s arguments up to the launcher's main class: heap, collector, `jvmFlags` (those of
 * `prepareLauncher`, or a training start's), the launcher's classpath.
 */
export function launcherJavaArgs(
  heap: string,
  jvmFlags: readonly string[],
  mainClass: 'Neo4jLocal' | 'Neo4jImport',
): string[] {
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    ...jvmFlags,
    '-cp',
    launcherClasspath(launcherTargetDir),
    `dev.negotiation.neo4jlocal.${mainClass}`,
  ];
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const flags = await prepareLauncher(options.log ?? console.log, options.startTimeoutMs);
  return spawnLauncher(options, flags);
}

/** Starts the Java launcher on `options.storeDir` and resolves once it is ready. */
async function spawnLauncher(
  options: Pick<LocalNeo4jOptions, 'storeDir' | 'port' | 'password' | 'startTimeoutMs'> &
    Partial<Pick<LocalNeo4jOptions, 'heap' | 'pagecache'>>,
  jvmFlags: string[],
): Promise<LocalNeo4j> {
  await mkdir(options.storeDir, { recursive: true });
  const heap = options.heap ?? '1g';
  const child = spawn(
    'java',
    [
      ...launcherJavaArgs(heap, jvmFlags, 'Neo4jLocal'),
      '--home',
      options.storeDir,
      '--port',
      String(options.port),
      '--pagecache',
      options.pagecache ?? '256m',
      '--exit-on-stdin-close',
    ],
    {
      env: { ...process.env, NEO4J_PASSWORD: options.password },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );

  const uri = await waitForReadyLine(child, options.startTimeoutMs ?? 180_000);
  const pid = child.pid ?? -1;
  const pidFile = path.join(options.storeDir, PID_FILE);
  await writeFile(pidFile, `${pid}\n`);

  let stopping: Promise<void> | undefined;
  return {
    uri,
    pid,
    stop() {
      stopping ??= stopChild(child).finally(() => rm(pidFile, { force: true }));
      return stopping;
    },
  };
}

function waitForReadyLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const stderrTail: string[] = [];
    const remember = (line: string) => {
      stderrTail.push(line);
      if (stderrTail.length > 40) stderrTail.shift();
    };
    if (child.stderr) readline.createInterface({ input: child.stderr }).on('line', remember);

    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `neo4j-local: Neo4j was not ready after ${timeoutMs / 1000} s\n${stderrTail.join('\n')}`,
        ),
      );
    }, timeoutMs);

    if (child.stdout) {
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        const match = /^neo4j-local ready (\S+)$/.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    }
    child.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        err.code === 'ENOENT'
          ? new Error(
              'neo4j-local: `java` was not found on PATH. Install Java 17+ or set NEO4J_URI.',
            )
          : err,
      );
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const why = signal ? `signal ${signal}` : `exit code ${code}`;
      reject(
        new Error(
          `neo4j-local: Neo4j stopped before it was ready (${why}):\n${stderrTail.join('\n')}`,
        ),
      );
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
