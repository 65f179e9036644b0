/**
 * Builds tools/neo4j-local (a Maven project) once, and again only when its sources change.
 *
 * Guarantee: when this resolves, target/ holds a launcher built from the current pom.xml and
 * Java sources: its jar, target/lib, and target/classpath.txt listing them in order. Maven caches Neo4j's jars in ~/.m2, so only the
 * first build on a machine downloads (about 120 MB).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { projectRoot } from '../config/project-root.ts';
import { CLASSPATH_FILE, writeLauncherClasspath } from './class-data-archive.ts';

export const launcherDir = path.join(projectRoot, 'tools', 'neo4j-local');
export const launcherTargetDir = path.join(launcherDir, 'target');
const targetDir = launcherTargetDir;
const stampFile = path.join(targetDir, 'build.sha256');

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = ['pom.xml'];
  const javaRoot = path.join(launcherDir, 'src', 'main', 'java');
  for (const entry of await readdir(javaRoot, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files.push(path.relative(launcherDir, path.join(entry.parentPath, entry.name)));
  }
  for (const file of files.sort()) {
    hash.update(file).update(await readFile(path.join(launcherDir, file)));
  }
  return hash.digest('hex');
}

/** True when the launcher on disk matches its sources. */
async function isLauncherBuilt(): Promise<boolean> {
  if (!existsSync(stampFile) || !existsSync(path.join(targetDir, CLASSPATH_FILE))) return false;
  return (await readFile(stampFile, 'utf8')).trim() === (await sourceHash());
}

/** The stamp of the launcher on disk (its sources' hash); call after `ensureLauncherBuilt`. */
export async function launcherBuildStamp(): Promise<string> {
  return (await readFile(stampFile, 'utf8')).trim();
}

/** Builds the launcher with Maven when needed; `log` receives progress lines. */
export async function ensureLauncherBuilt(
  log: (line: string) => void = console.log,
): Promise<void> {
  if (await isLauncherBuilt()) return;
  log(
    'neo4j-local: building the Neo4j launcher with Maven (the first build downloads Neo4j 5.26 into ~/.m2)…',
  );
  const started = Date.now();
  await run('mvn', ['-B', '-q', '-f', path.join(launcherDir, 'pom.xml'), 'clean', 'package'], log);
  await writeLauncherClasspath(targetDir);
  await writeFile(stampFile, `${await sourceHash()}\n`);
  log(`neo4j-local: launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function run(command: string, args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'ENOENT'
          ? new Error(
              `neo4j-local: '${command}' was not found on PATH. Install Java 17+ and Maven 3.8+ ` +
                'to run the local Neo4j, or set NEO4J_URI to use an existing server.',
            )
          : err,
      );
    });
    child.on('close', (code) => {
      if (code === 0) {
        resolve();
        return;
      }
      log(output.trim());
      reject(
        new Error(`neo4j-local: '${command} ${args.join(' ')}' failed with exit code ${code}`),
      );
    });
  });
}
