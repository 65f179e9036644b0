/** cypher/README.md documents every label, relationship type and property of the seeded database, with its type. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

import { RELATIONSHIP_TYPES } from '../src/seed/seed-schema.ts';
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

const normalise = (t: string) =>
  t.replace(/ NOT NULL/g, '').replace('LIST<NOTHING>', 'LIST<STRING>');

beforeAll(async () => {
  await loadTestSeeds(driver, database);
});

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

  it('documents no relationship type the loader cannot create', () => {
    for (const type of relationshipRows.keys())
      expect([...RELATIONSHIP_TYPES, 'REPORTED_BY', 'HELD', 'ON'], type).toContain(type);
    for (const type of RELATIONSHIP_TYPES)
      expect(relationshipRows.has(type), `${type} missing from the document`).toBe(true);
  });
});
