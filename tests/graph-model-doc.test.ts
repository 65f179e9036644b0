/**
 * cypher/README.md documents every label, relationship type and property of the seeded
 * database, with its type, exactly as the vocabulary (src/model/) declares them.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

import { ENUMS } from '../src/model/enums.ts';
import { NODE_KINDS, NODE_LABELS } from '../src/model/node-kinds.ts';
import { storedProperties, type PropertySpec } from '../src/model/property.ts';
import {
  RELATIONSHIPS,
  RELATIONSHIP_TYPES,
  type RelationshipSpec,
} from '../src/model/relationships.ts';
import { useTestDriver } from './neo4j-context.ts';
import { loadTestSeeds } from './seed-helpers.ts';

const { driver, database } = useTestDriver();
const doc = readFileSync('cypher/README.md', 'utf8');

/** `### Label` sections → property → documented type. */
function documentedNodeProperties(): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  const part = doc.slice(
    doc.indexOf('## Labels and properties'),
    doc.indexOf('## Relationship types'),
  );
  for (const section of part.split(/^### /m).slice(1)) {
    const label = section.split('\n')[0]?.trim() ?? '';
    const props = new Map<string, string>();
    for (const [, name, type] of section.matchAll(
      /^\|\s*`(\w+)`\s*\|\s*(LIST<STRING>|STRING|INTEGER)\s*\|/gm,
    ))
      props.set(name!, type!);
    sections.set(label, props);
  }
  return sections;
}
const common = new Map(
  [
    ...doc.matchAll(
      /^\|\s*`(id|sourceIds|quotes|voices|framings|origin)`\s*\|\s*(LIST<STRING>|STRING)\s*\|/gm,
    ),
  ].map((m) => [m[1]!, m[2]!]),
);
const relationshipRows = new Map(
  [...doc.matchAll(/^\|\s*`([A-Z_]+)`\s*\|[^|]+\|([^|]*)\|/gm)].map((m) => [
    m[1]!,
    new Map([...m[2]!.matchAll(/`(\w+)` (STRING|INTEGER)/g)].map((p) => [p[1]!, p[2]!])),
  ]),
);
/** Relationship type → documented `from → to` labels ('any' when the row says any). */
const relationshipEnds = new Map(
  [...doc.matchAll(/^\|\s*`([A-Z_]+)`\s*\|([^|]+)→([^|]+)\|/gm)].map((m) => {
    const side = (text: string) =>
      /any/.test(text)
        ? 'any'
        : text
            .split('/')
            .map((l) => l.trim())
            .sort()
            .join(', ');
    return [m[1]!, { from: side(m[2]!), to: side(m[3]!) }];
  }),
);
/** `### Label` sections → property → the backticked words of its meaning column. */
function documentedValues(label: string, property: string): string[] {
  const section = doc.split(/^### /m).find((s) => s.startsWith(`${label}\n`)) ?? '';
  const row = new RegExp(`^\\|\\s*\`${property}\`\\s*\\|[^|]+\\|([^|]*)\\|`, 'm').exec(section);
  return [...(row?.[1] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1]!);
}

const normalise = (t: string) =>
  t.replace(/ NOT NULL/g, '').replace('LIST<NOTHING>', 'LIST<STRING>');

beforeAll(async () => {
  await loadTestSeeds(driver, database);
});

/** Labels of the write path's bookkeeping (src/write/edit-log.ts), outside src/model/. */
const AUDIT_LABELS = ['Edit'];

describe('the graph model document', () => {
  it('documents every node label and each of its properties with the right type', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (n) UNWIND labels(n) AS label WITH label, n WHERE label <> 'Entity'
       UNWIND keys(n) AS key RETURN label, key, collect(DISTINCT valueType(n[key])) AS types`,
      {},
      { database },
    );
    const documented = documentedNodeProperties();
    expect(records.length).toBeGreaterThan(40);
    for (const r of records) {
      const label = r.get('label') as string;
      const key = r.get('key') as string;
      const type = documented.get(label)?.get(key) ?? common.get(key);
      expect(type, `${label}.${key} is not documented`).toBeDefined();
      for (const actual of r.get('types') as string[])
        expect(normalise(actual), `${label}.${key}`).toBe(type);
    }
  });

  it('documents only labels and properties the database or the loader knows', async () => {
    const { records } = await driver.executeQuery(
      'CALL db.labels() YIELD label RETURN collect(label) AS labels',
      {},
      { database },
    );
    const labels = records[0]?.get('labels') as string[];
    for (const label of documentedNodeProperties().keys()) expect(labels, label).toContain(label);
  });

  it('documents every relationship type and relationship property with its type', async () => {
    const { records } = await driver.executeQuery(
      `MATCH ()-[r]->() UNWIND keys(r) AS key
       RETURN type(r) AS type, key, collect(DISTINCT valueType(r[key])) AS types`,
      {},
      { database },
    );
    for (const r of records) {
      const type = r.get('type') as string;
      const key = r.get('key') as string;
      expect(relationshipRows.has(type), `${type} is not documented`).toBe(true);
      const documented = relationshipRows.get(type)?.get(key) ?? common.get(key);
      expect(documented, `${type}.${key} is not documented`).toBeDefined();
      for (const actual of r.get('types') as string[])
        expect(normalise(actual), `${type}.${key}`).toBe(documented);
    }
  });

  it('documents exactly the relationship types of the model, with their ends and properties', () => {
    for (const type of relationshipRows.keys()) expect(RELATIONSHIP_TYPES, type).toContain(type);
    for (const type of RELATIONSHIP_TYPES) {
      const spec: RelationshipSpec = RELATIONSHIPS[type];
      expect(relationshipRows.has(type), `${type} missing from the document`).toBe(true);
      const ends = relationshipEnds.get(type);
      const sorted = (labels: readonly string[]) => [...labels].sort().join(', ');
      if (ends?.from !== 'any') expect(ends?.from, `${type} from`).toBe(sorted(spec.from));
      if (ends?.to !== 'any') expect(ends?.to, `${type} to`).toBe(sorted(spec.to));
      const declared = Object.entries(spec.properties).flatMap(([n, p]) => storedProperties(n, p));
      expect(
        [...(relationshipRows.get(type) ?? new Map<string, string>())].sort(),
        `${type} properties`,
      ).toEqual(declared.sort());
    }
  });

  it('documents exactly the labels and properties of the model, with their types and enum values', () => {
    const documented = documentedNodeProperties();
    // The write path's audit trail (Edit) is documented too, but is not the negotiation graph.
    const graphLabels = [...documented.keys()].filter((l) => !AUDIT_LABELS.includes(l));
    expect(graphLabels.sort()).toEqual([...NODE_LABELS].sort());
    for (const label of NODE_LABELS) {
      const properties: Record<string, PropertySpec> = NODE_KINDS[label].properties;
      const declared = Object.entries(properties).flatMap(([n, p]) => storedProperties(n, p));
      expect([...(documented.get(label) ?? [])].sort(), label).toEqual(declared.sort());
      for (const [name, p] of Object.entries(properties)) {
        if (p.type === 'enum')
          expect(documentedValues(label, name), `${label}.${name}`).toEqual(ENUMS[p.enum]);
      }
    }
  });
});
