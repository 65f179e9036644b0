/**
 * Deterministic synthetic negotiations with the seed graph's shape: per negotiation 8 actors
 * (two parties, two mediators, two persons representing the parties, an armed group, an
 * organization), 5 reports, 6 meetings in a FOLLOWED chain, 20 demands with responses,
 * 6 incidents, 10 statements and 2 claims that disagree — every node and relationship with
 * evidence (a report and a quote), so REPORTED_BY edges are derived as for the real seeds.
 * About 57 nodes and 265 relationships per negotiation.
 */
import { IssueSchema, type SeedFile } from '../src/seed/seed-schema.ts';

export const NODES_PER_NEGOTIATION = 57;

/** mulberry32: a small deterministic PRNG, so every run generates the same graph. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ISSUES = IssueSchema.options;

export function generateNegotiations(count: number): SeedFile {
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const file: Required<SeedFile> = {
    sources: [],
    actors: [],
    demands: [],
    meetings: [],
    incidents: [],
    statements: [],
    claims: [],
    positions: [],
    relationships: [],
  };
  for (let n = 0; n < count; n++) {
    const p = `n${n}`;
    const reports = Array.from({ length: 5 }, (_, i) => `${p}-r${i}`);
    const ev = (id: string, k = 2) =>
      Array.from({ length: k }, (_, i) => {
        const source = reports[(id.length + i * 2 + n) % 5]!;
        return { source, quote: `Synthetic report ${source} states ${id} (${i}).` };
      });
    const rel = (
      type: SeedFile['relationships'] extends (infer R)[] | undefined
        ? R extends { type: infer T }
          ? T
          : never
        : never,
      from: string,
      to: string,
      props: Record<string, unknown> = {},
    ) =>
      file.relationships.push({ type, from, to, props, evidence: ev(`${from}-${type}-${to}`, 1) });

    for (const [i, r] of reports.entries()) {
      file.sources.push({
        id: r,
        file: `${r}.txt`,
        title: `Report ${i} on negotiation ${n}`,
        originNote: 'synthetic',
        evidence: [{ source: r, quote: `Report ${i} on negotiation ${n}` }],
      });
    }
    const a = (i: number) => `${p}-a${i}`;
    const kinds = [
      'state',
      'state',
      'state',
      'organization',
      'person',
      'person',
      'armed_group',
      'organization',
    ] as const;
    for (let i = 0; i < 8; i++) {
      file.actors.push({
        id: a(i),
        name: `Actor ${i} of negotiation ${n}`,
        kind: kinds[i]!,
        aliases: [`A${i}N${n}`],
        ...(kinds[i] === 'person' ? { role: 'minister' } : {}),
        evidence: ev(a(i)),
      });
    }
    rel('REPRESENTS', a(4), a(0), { role: 'minister' });
    rel('REPRESENTS', a(5), a(1), { role: 'minister' });
    const m = (i: number) => `${p}-m${i}`;
    for (let i = 0; i < 6; i++) {
      file.meetings.push({
        id: m(i),
        name: `Round ${i} of negotiation ${n}`,
        kind: 'round',
        place: `City ${i}`,
        date: { text: 'this week', precision: 'week', relativeTo: reports[i % 5]! },
        outcome: 'inconclusive',
        evidence: ev(m(i)),
      });
      rel('ATTENDED', a(0), m(i), { role: 'party' });
      rel('ATTENDED', a(1), m(i), { role: 'party' });
      rel('MEDIATED', a(2), m(i), { role: 'mediator' });
      rel('MEDIATED', a(3), m(i), { role: 'facilitator' });
      rel('HOSTED', a(2), m(i));
      if (i > 0) rel('FOLLOWED', m(i), m(i - 1));
    }
    for (let i = 0; i < 20; i++) {
      const d = `${p}-d${i}`;
      const by = i % 4 === 3 ? 1 : 0;
      file.demands.push({
        id: d,
        summary: `Demand ${i} of negotiation ${n} on ${ISSUES[i % 7]}`,
        issue: ISSUES[i % 7]!,
        evidence: ev(d),
      });
      rel('DEMANDED', a(by), d);
      rel('ADDRESSED_TO', d, a(1 - by));
      rel('RAISED_AT', d, m(i % 6));
      if (i % 3 === 0) rel('CONCERNS', d, a(6));
      const response = rnd();
      if (response < 0.55) rel('REJECTED', a(1 - by), d, { reason: 'unacceptable' });
      else if (response < 0.65) rel('ACCEPTED', a(1 - by), d);
      else if (response < 0.8) rel('COUNTERED', a(1 - by), d);
    }
    for (let i = 0; i < 6; i++) {
      const inc = `${p}-i${i}`;
      file.incidents.push({
        id: inc,
        summary: `Incident ${i} of negotiation ${n}`,
        kind: pick(['shelling', 'armed_clash', 'airstrike'] as const),
        place: `Village ${i}`,
        killed: Math.floor(rnd() * 6),
        evidence: ev(inc),
      });
      rel('OCCURRED_DURING', inc, m(i));
      rel('BLAMED_FOR', a(i % 2), inc, { blamedBy: a(1 - (i % 2)) });
      rel('ACCUSED', a(1 - (i % 2)), inc);
    }
    for (let i = 0; i < 10; i++) {
      const s = `${p}-s${i}`;
      file.statements.push({
        id: s,
        summary: `Statement ${i} of negotiation ${n}`,
        kind: pick(['statement', 'threat', 'warning', 'accusation'] as const),
        evidence: ev(s),
      });
      rel('STATED', a(i % 2 === 0 ? 4 : 5), s);
      rel('ABOUT', s, m(i % 6));
    }
    file.claims.push(
      {
        id: `${p}-c0`,
        subject: m(5),
        property: 'round',
        value: 'fifth round',
        evidence: ev(`${p}-c0`, 1),
      },
      {
        id: `${p}-c1`,
        subject: m(5),
        property: 'round',
        value: 'sixth round',
        evidence: ev(`${p}-c1`, 1),
      },
    );
  }
  return file;
}
