/**
 * The one planner (src/write/plan-load.ts), with no database: the same bad input refused
 * through the seed path (seed files → planSeedLoad) and through the API path (a recordFacts
 * call → planCallFacts, names resolved against a table standing for the graph) gives the
 * same problem at the same path.
 */
import { describe, expect, it } from 'vitest';

import { formatPath } from '../../src/seed/seed-error.ts';
import { SeedFileSchema, type SeedFile } from '../../src/seed/seed-schema.ts';
import { planSeedLoad, seedFacts } from '../../src/seed/validate-dataset.ts';
import type { NamedNode, Resolution } from '../../src/resolve/resolve-name.ts';
import { planCallFacts, type GraphLookup } from '../../src/write/plan-facts.ts';
import { FactsInputSchema } from '../../src/write/write-input.ts';
import { zodProblems } from '../../src/write/write-problems.ts';

const TEXT =
  'ISTANBUL — Pakistan demanded at the Istanbul talks that Afghanistan close the militant camps on its territory. Afghan negotiators rejected the demand.';
const DEMAND_QUOTE = 'Pakistan demanded at the Istanbul talks';
const REJECT_QUOTE = 'Afghan negotiators rejected the demand';

/** The nodes both paths know before the facts: in the seed files, or in the graph. */
const KNOWN = {
  actors: [
    {
      id: 'pakistan',
      name: 'Pakistan',
      kind: 'state',
      evidence: [{ source: 'report-t', quote: DEMAND_QUOTE }],
    },
    {
      id: 'afghanistan',
      name: 'Afghanistan',
      kind: 'state',
      evidence: [{ source: 'report-t', quote: REJECT_QUOTE }],
    },
  ],
  meetings: [
    {
      id: 'istanbul-talks',
      name: 'Istanbul talks',
      kind: 'talks',
      evidence: [{ source: 'report-t', quote: DEMAND_QUOTE }],
    },
  ],
};
const LABELS: Record<string, string> = {
  pakistan: 'Actor',
  afghanistan: 'Actor',
  'istanbul-talks': 'Meeting',
  'report-t': 'Source',
};

/** Facts of one report, as a seed file's sections (evidence with `source`) or a call's (without). */
const demand = (quote = DEMAND_QUOTE, issue = 'security') => ({
  id: 'camp-closure',
  summary: 'Afghanistan close the militant camps on its territory.',
  issue,
  evidence: [{ quote, framing: 'reported' }],
});
const rel = (type: string, from: string, to: string, quote: string) => ({
  type,
  from,
  to,
  evidence: [{ quote, framing: 'reported' }],
});
const good = () => ({
  demands: [demand()],
  relationships: [
    rel('DEMANDED', 'pakistan', 'camp-closure', DEMAND_QUOTE),
    rel('REJECTED', 'afghanistan', 'camp-closure', REJECT_QUOTE),
  ],
});
type Sections = ReturnType<typeof good>;

interface Found {
  path: string;
  message: string;
}

/** The seed path: the sections in a seed file beside the known nodes and the report. */
function seedProblems(sections: Sections): Found[] {
  const withSource = <T extends { evidence: object[] }>(xs: T[]) =>
    xs.map((x) => ({ ...x, evidence: x.evidence.map((e) => ({ source: 'report-t', ...e })) }));
  const known = SeedFileSchema.parse({
    sources: [
      {
        id: 'report-t',
        file: 't.txt',
        originNote: 'A test report.',
        evidence: [{ source: 'report-t', quote: DEMAND_QUOTE }],
      },
    ],
    ...KNOWN,
  }) as SeedFile;
  const parsed = SeedFileSchema.safeParse({
    demands: withSource(sections.demands),
    relationships: withSource(sections.relationships),
  });
  if (!parsed.success)
    return parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  const files = [
    { file: 'seeds/known.yaml', data: known },
    { file: 'seeds/facts.yaml', data: parsed.data as SeedFile },
  ];
  const { problems } = planSeedLoad(seedFacts(files), new Map([['report-t', TEXT]]));
  return problems.map(({ path, message }) => ({ path, message }));
}

/** The graph of the API path: the known nodes, found by id or name. */
const graph: GraphLookup = {
  labelsOf: (ids) =>
    Promise.resolve(new Map(ids.filter((id) => LABELS[id]).map((id) => [id, LABELS[id]!]))),
  resolve: (name, labels): Promise<Resolution> => {
    const all: NamedNode[] = [
      ...KNOWN.actors.map((a) => ({ ...a, label: 'Actor' })),
      ...KNOWN.meetings.map((m) => ({ ...m, label: 'Meeting' })),
    ];
    const hits = all.filter((n) => labels.includes(n.label) && (n.id === name || n.name === name));
    return Promise.resolve(
      hits[0] ? { kind: 'found', node: hits[0] } : { kind: 'unknown', closest: [] },
    );
  },
};

/** The API path: the sections as one recordFacts call on report-t. */
async function apiProblems(sections: Sections): Promise<Found[]> {
  const parsed = FactsInputSchema.safeParse({ report: 'report-t', ...sections });
  if (!parsed.success) return zodProblems(parsed.error);
  const { problems } = await planCallFacts(parsed.data, { id: 'report-t', text: TEXT }, graph);
  return problems;
}

describe('one planner for the seed loader and the API', () => {
  it('accepts the good facts on both paths, writing the same rows but for the API’s ids and selectors', async () => {
    expect(seedProblems(good())).toEqual([]);
    expect(await apiProblems(good())).toEqual([]);
    const parsed = FactsInputSchema.parse({ report: 'report-t', ...good() });
    const { plan } = await planCallFacts(parsed, { id: 'report-t', text: TEXT }, graph);
    expect(plan.nodes.map((n) => n.id)).toEqual(['camp-closure']);
    expect(plan.relationships.map((r) => r.id).sort()).toEqual([
      'afghanistan-REJECTED-camp-closure@report-t',
      'camp-closure-REPORTED_BY-report-t',
      'pakistan-DEMANDED-camp-closure@report-t',
    ]);
    expect(plan.nodes[0]?.props).toMatchObject({
      origin: 'api',
      sourceIds: ['report-t'],
      quotes: [DEMAND_QUOTE],
      framings: ['reported'],
      quoteStarts: [TEXT.indexOf(DEMAND_QUOTE)],
    });
  });

  const cases: { name: string; sections: () => Sections; path: string; message: RegExp }[] = [
    {
      name: 'a quote that is not verbatim in its report',
      sections: () => ({
        ...good(),
        demands: [demand('Pakistan demanded a weekly list of camps')],
      }),
      path: 'demands[0].evidence[0].quote',
      message:
        /^quote is not verbatim in report 'report-t': "Pakistan demanded a weekly list of camps"$/,
    },
    {
      name: 'a relationship end that names no node',
      sections: () => ({
        ...good(),
        relationships: [rel('DEMANDED', 'atlantis', 'camp-closure', DEMAND_QUOTE)],
      }),
      path: 'relationships[0].from',
      message: /^dangling reference: /,
    },
    {
      name: 'a relationship end of a label the model does not allow',
      sections: () => ({
        ...good(),
        relationships: [rel('DEMANDED', 'istanbul-talks', 'camp-closure', DEMAND_QUOTE)],
      }),
      path: 'relationships[0].from',
      message: /^'istanbul-talks' is a Meeting, expected Actor$/,
    },
    {
      name: 'a value outside the model’s enum',
      sections: () => ({ ...good(), demands: [demand(DEMAND_QUOTE, 'migration')] }),
      path: 'demands[0].issue',
      message: /"security"/,
    },
    {
      name: 'a fact with no evidence',
      sections: () => ({ ...good(), demands: [{ ...demand(), evidence: [] }] }),
      path: 'demands[0].evidence',
      message: /^every fact needs at least one quote from a report$/,
    },
    {
      name: 'a relationship from a node to itself',
      sections: () => ({
        ...good(),
        relationships: [rel('REPRESENTS', 'pakistan', 'pakistan', DEMAND_QUOTE)],
      }),
      path: 'relationships[0]',
      message:
        /^REPRESENTS from 'pakistan' to itself: a relationship must join two different nodes$/,
    },
  ];

  it.each(cases)(
    'refuses $name with the same problem on both paths',
    async ({ sections, path, message }) => {
      const seed = seedProblems(sections());
      const api = await apiProblems(sections());
      expect(seed).toContainEqual({ path, message: expect.stringMatching(message) as unknown });
      expect(api).toContainEqual({ path, message: expect.stringMatching(message) as unknown });
      const at = (ps: Found[]) => ps.filter((p) => p.path === path);
      // The same rule, the same words: only a dangling reference's reason is the resolver's own.
      if (!String(message).startsWith('/^dangling')) expect(at(api)).toEqual(at(seed));
    },
  );
});
