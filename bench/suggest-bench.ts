/**
 * `npm run bench:suggest`: runs the suggester on each seed report as if it were new — the
 * graph holding the known actors and only the OTHER reports' facts — and scores its
 * relationship candidates against the curated seed graph (relationships whose evidence
 * comes from that report). Writes bench/SUGGEST-RESULTS.md.
 *
 * A candidate matches a curated relationship when the type and the source actor are the
 * same and the candidate's sentence overlaps one of that relationship's quotes from the
 * report, or a quote where the report states its target (the demand, meeting, incident). Which demand / meeting / incident it points at is not scored (the analyst picks
 * or confirms the target). Negated candidates ("did not reject") are not facts and are not
 * counted. Candidates are counted once per (type, actor, sentence text): a capture that repeats a paragraph
 * does not count it twice.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { projectRoot } from '../src/config/project-root.ts';
import { defaultSeedsDir, findReportsDir } from '../src/seed/load-seeds-from-disk.ts';
import { readSeedFiles } from '../src/seed/read-seed-files.ts';
import type { SeedFile } from '../src/seed/seed-schema.ts';
import { suggestFacts } from '../src/suggest/suggest-facts.ts';
import type { KnownGraph, KnownNode } from '../src/suggest/suggestion-types.ts';

const SCORED = [
  'DEMANDED',
  'REJECTED',
  'ACCEPTED',
  'COUNTERED',
  'MEDIATED',
  'HOSTED',
  'ACCUSED',
  'BLAMED_FOR',
  'CARRIED_OUT',
  'STATED',
];
const TARGETS = ['DEMANDED', 'REJECTED', 'MEDIATED', 'BLAMED_FOR'];
/** Reports the lexicon's few adjustments were checked on; 003–004 were only scored. */
const TUNE = ['report-000', 'report-001', 'report-002'];

/** Every place a quote occurs in the text, comparing whitespace and quote marks loosely. */
export function locate(text: string, quote: string): [number, number][] {
  const norm = (c: string) =>
    /[\u2018\u2019\u201A\u201B\u2032`]/.test(c)
      ? "'"
      : /[\u201C\u201D\u201E\u201F\u2033]/.test(c)
        ? '"'
        : c;
  let flat = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (flat.endsWith(' ')) continue;
      flat += ' ';
    } else flat += norm(c);
    map.push(i);
  }
  const q = [...quote.trim().replace(/\s+/g, ' ')].map(norm).join('');
  const spans: [number, number][] = [];
  for (let at = flat.indexOf(q); at >= 0 && q.length > 0; at = flat.indexOf(q, at + 1)) {
    spans.push([map[at]!, map[at + q.length - 1]! + 1]);
  }
  return spans;
}

interface Tally {
  gold: number;
  found: number;
  cand: number;
  correct: number;
}
const empty = (): Tally => ({ gold: 0, found: 0, cand: 0, correct: 0 });

/** `--explain report-000,report-001`: list the misses and extra candidates of those reports. */
const explainArg = process.argv.indexOf('--explain');
const explain = explainArg >= 0 ? (process.argv[explainArg + 1] ?? '').split(',') : [];

async function main() {
  const reportsDir = findReportsDir();
  if (!reportsDir) {
    console.log(
      'bench:suggest skipped: the report texts are not here (set REPORTS_DIR or put them in ../shared/seeds).',
    );
    return;
  }
  const files = await readSeedFiles(defaultSeedsDir);
  const seed: Required<SeedFile> = {
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
  for (const f of files)
    for (const [k, v] of Object.entries(f.data))
      (seed as Record<string, unknown[]>)[k]!.push(...(v as unknown[]));
  const actors = seed.actors.map((a) => ({
    id: a.id,
    name: String(a.name),
    kind: String(a.kind),
    aliases: (a.aliases ?? []) as string[],
  }));

  const tallies = new Map<string, Map<string, Tally>>(); // report → type → tally
  for (const source of seed.sources) {
    const text = readFileSync(path.join(reportsDir, String(source.file)), 'utf8');
    const other = (e: { source: string }[]) => e.some((x) => x.source !== source.id);
    const nodes: KnownNode[] = [
      ...seed.demands
        .filter((n) => other(n.evidence))
        .map((n) => ({ id: n.id, label: 'Demand' as const, text: String(n.summary) })),
      ...seed.meetings
        .filter((n) => other(n.evidence))
        .map((n) => ({
          id: n.id,
          label: 'Meeting' as const,
          text: `${String(n.name)} ${typeof n.place === 'string' ? n.place : ''}`,
        })),
      ...seed.incidents
        .filter((n) => other(n.evidence))
        .map((n) => ({
          id: n.id,
          label: 'Incident' as const,
          text: `${String(n.summary)} ${typeof n.place === 'string' ? n.place : ''}`,
        })),
      ...seed.statements
        .filter((n) => other(n.evidence))
        .map((n) => ({ id: n.id, label: 'Statement' as const, text: String(n.summary) })),
    ];
    const graph: KnownGraph = {
      actors,
      nodes,
      relationships: seed.relationships
        .filter((r) => other(r.evidence))
        .map((r) => ({ id: `${r.from}-${r.type}-${r.to}`, type: r.type, from: r.from, to: r.to })),
    };
    // where the report states the relationship, or states its target node (the demand,
    // meeting or incident the relationship points at)
    const targetEvidence = new Map<string, { source: string; quote: string }[]>(
      [...seed.demands, ...seed.meetings, ...seed.incidents, ...seed.statements].map((n) => [
        n.id,
        n.evidence,
      ]),
    );
    const gold = seed.relationships
      .filter((r) => SCORED.includes(r.type) && r.evidence.some((e) => e.source === source.id))
      .map((r) => ({
        ...r,
        spans: [...r.evidence, ...(targetEvidence.get(r.to) ?? [])]
          .filter((e) => e.source === source.id)
          .flatMap((e) => locate(text, e.quote)),
      }))
      .filter((r) => r.spans.length > 0);
    const seen = new Set<string>();
    const candidates = suggestFacts(text, graph).relationships.filter((c) => {
      const key = `${c.type}|${c.from.id}|${c.evidence.quote}`;
      if (c.negated || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const byType = new Map(SCORED.map((t) => [t, empty()]));
    const hits = (c: (typeof candidates)[number], g: (typeof gold)[number]) =>
      c.type === g.type &&
      c.from.id === g.from &&
      g.spans.some(([s, e]) => c.evidence.selector.start < e && s < c.evidence.selector.end);
    for (const g of gold) {
      const t = byType.get(g.type)!;
      t.gold++;
      if (candidates.some((c) => hits(c, g))) t.found++;
    }
    for (const c of candidates) {
      const t = byType.get(c.type)!;
      t.cand++;
      if (gold.some((g) => hits(c, g))) t.correct++;
    }
    tallies.set(source.id, byType);
    if (explain.includes(source.id)) {
      for (const g of gold.filter((g) => !candidates.some((c) => hits(c, g)))) {
        console.log(
          `${source.id} MISSED ${g.type} ${g.from} → ${g.to}: ${g.evidence.find((e) => e.source === source.id)?.quote}`,
        );
      }
      for (const c of candidates.filter((c) => !gold.some((g) => hits(c, g)))) {
        console.log(
          `${source.id} EXTRA ${c.type} ${c.from.id} [${c.trigger}] ${c.evidence.quote.slice(0, 140)}`,
        );
      }
    }
  }

  const sum = (ids: string[], type?: string): Tally => {
    const out = empty();
    for (const id of ids)
      for (const [t, v] of tallies.get(id) ?? []) {
        if (type && t !== type) continue;
        out.gold += v.gold;
        out.found += v.found;
        out.cand += v.cand;
        out.correct += v.correct;
      }
    return out;
  };
  const f = (n: number, d: number) => (d === 0 ? '–' : (n / d).toFixed(2));
  const row = (label: string, t: Tally) =>
    `| ${label} | ${t.gold} | ${t.cand} | ${f(t.found, t.gold)} | ${f(t.correct, t.cand)} |`;
  const all = [...tallies.keys()];
  const held = all.filter((id) => !TUNE.includes(id));
  const table = (ids: string[]) =>
    [
      '| type | curated | suggested | recall | precision |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...SCORED.map((t) => row(TARGETS.includes(t) ? `**${t}**` : t, sum(ids, t))),
      row(
        'targets (4 types)',
        TARGETS.map((t) => sum(ids, t)).reduce((a, b) => ({
          gold: a.gold + b.gold,
          found: a.found + b.found,
          cand: a.cand + b.cand,
          correct: a.correct + b.correct,
        })),
      ),
      row('all scored types', sum(ids)),
    ].join('\n');
  const md = [
    '# Suggestion benchmark (`npm run bench:suggest`)',
    '',
    'Each seed report is run through the suggester as if new: the graph holds the known actors and only',
    "the other reports' facts. Relationship candidates are scored against the curated relationships whose",
    'evidence comes from that report (type and source actor equal, sentence overlapping a curated quote of',
    'the relationship or of its target node from that report;',
    'the target node is not scored; negated candidates are not counted). Targets: recall ≥ 0.8 and',
    'precision ≥ 0.6 on DEMANDED, REJECTED, MEDIATED and BLAMED_FOR.',
    '',
    `## All five reports`,
    '',
    table(all),
    '',
    `## Held out: ${held.join(', ')} (never used to adjust the lexicon or rules)`,
    '',
    table(held),
    '',
    `## Used for adjustments: ${TUNE.join(', ')}`,
    '',
    table(TUNE),
    '',
  ].join('\n');
  console.log(md);
  writeFileSync(path.join(projectRoot, 'bench', 'SUGGEST-RESULTS.md'), md);
}

await main();
