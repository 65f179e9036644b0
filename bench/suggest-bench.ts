/**
 * `npm run bench:suggest`: runs the suggester on each seed report as if it were new — the
 * graph holding the known actors and only the OTHER reports' facts — and scores its
 * relationship candidates against the curated seed graph (relationships whose evidence
 * comes from that report); then on the held-out texts of an invented negotiation
 * (tests/fixtures/suggest-heldout.yaml). Both are scored by one rule, bench/suggest-score.ts.
 * Writes bench/SUGGEST-RESULTS.md. Without the report texts only the held-out part runs.
 *
 * `--explain report-000,heldout-a`: lists the misses and extra candidates of those texts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { projectRoot } from '../src/config/project-root.ts';
import { defaultSeedsDir, findReportsDir } from '../src/seed/load-seeds-from-disk.ts';
import { readSeedFiles } from '../src/seed/read-seed-files.ts';
import type { SeedFile } from '../src/seed/seed-schema.ts';
import { suggestFacts } from '../src/suggest/suggest-facts.ts';
import {
  SUGGESTED_RELATIONSHIP_TYPES,
  type KnownGraph,
  type KnownNode,
} from '../src/suggest/suggestion-types.ts';
import { runHeldOut } from './suggest-heldout.ts';
import {
  addTally,
  emptyTally,
  locate,
  score,
  type GoldRelationship,
  type Scored,
  type Tally,
} from './suggest-score.ts';

const SCORED: string[] = [...SUGGESTED_RELATIONSHIP_TYPES];
const TARGETS = ['DEMANDED', 'REJECTED', 'MEDIATED', 'BLAMED_FOR'];

const explainArg = process.argv.indexOf('--explain');
const explain = explainArg >= 0 ? (process.argv[explainArg + 1] ?? '').split(',') : [];

function printExplain(id: string, scored: Scored): void {
  if (!explain.includes(id)) return;
  for (const g of scored.missed)
    console.log(`${id} MISSED ${g.type} ${g.from} → ${g.to}: ${g.quote}`);
  for (const c of scored.extra)
    console.log(
      `${id} EXTRA ${c.type} ${c.from.id} [${c.trigger}] ${c.evidence.quote.slice(0, 160)}`,
    );
}

/** Seed reports: each scored with the graph holding only the other reports' facts. */
async function scoreSeedReports(reportsDir: string): Promise<Map<string, Scored>> {
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
  const place = (n: object) => ('place' in n && typeof n.place === 'string' ? n.place : '');
  const out = new Map<string, Scored>();
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
          text: `${String(n.name)} ${place(n)}`,
        })),
      ...seed.incidents
        .filter((n) => other(n.evidence))
        .map((n) => ({
          id: n.id,
          label: 'Incident' as const,
          text: `${String(n.summary)} ${place(n)}`,
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
    const targetEvidence = new Map<string, { source: string; quote: string }[]>(
      [...seed.demands, ...seed.meetings, ...seed.incidents, ...seed.statements].map((n) => [
        n.id,
        n.evidence,
      ]),
    );
    // every quote of this report that names a node as a relationship's target
    const targetedBy = new Map<string, { source: string; quote: string }[]>();
    for (const r of seed.relationships)
      targetedBy.set(r.to, [...(targetedBy.get(r.to) ?? []), ...r.evidence]);
    const gold: GoldRelationship[] = seed.relationships
      .filter((r) => SCORED.includes(r.type) && r.evidence.some((e) => e.source === source.id))
      .map((r) => ({
        type: r.type,
        from: r.from,
        to: r.to,
        quote: r.evidence.find((e) => e.source === source.id)?.quote ?? '',
        spans: [...r.evidence, ...(targetEvidence.get(r.to) ?? []), ...(targetedBy.get(r.to) ?? [])]
          .filter((e) => e.source === source.id)
          .flatMap((e) => locate(text, e.quote)),
      }))
      .filter((r) => r.spans.length > 0);
    const scored = score(SCORED, gold, suggestFacts(text, graph).relationships);
    printExplain(source.id, scored);
    out.set(source.id, scored);
  }
  return out;
}

const sum = (parts: Scored[], types: string[]): Tally =>
  parts
    .flatMap((p) => types.map((t) => p.byType.get(t) ?? emptyTally()))
    .reduce(addTally, emptyTally());
const f = (n: number, d: number) => (d === 0 ? '–' : (n / d).toFixed(2));
const row = (label: string, t: Tally) =>
  `| ${label} | ${t.gold} | ${t.cand} | ${f(t.found, t.gold)} | ${f(t.correct, t.cand)} | ${f(t.sameActor, t.cand)} |`;
function table(parts: Scored[], types: string[]): string {
  const targets = types.filter((t) => TARGETS.includes(t));
  return [
    '| type | curated | suggested | recall | precision | (type, actor) in text |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...types.map((t) => row(TARGETS.includes(t) ? `**${t}**` : t, sum(parts, [t]))),
    row(`targets (${targets.length} types)`, sum(parts, targets)),
    ...(types.length > targets.length ? [row('all scored types', sum(parts, types))] : []),
  ].join('\n');
}

async function main() {
  const sections: string[] = [];
  const reportsDir = findReportsDir();
  if (reportsDir) {
    const seeds = await scoreSeedReports(reportsDir);
    sections.push(
      '## The five seed reports',
      '',
      table([...seeds.values()], SCORED),
      '',
      'Per report, the four target types together:',
      '',
      '| report | curated | suggested | recall | precision | (type, actor) in text |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...[...seeds].map(([id, s]) => row(id, sum([s], TARGETS))),
      '',
    );
  } else {
    console.log(
      'Seed reports skipped: the report texts are not here (set REPORTS_DIR or put them in ../shared/seeds).',
    );
  }
  const held = runHeldOut(TARGETS);
  for (const h of held) printExplain(h.id, h.scored);
  sections.push(
    `## Held out: ${held.length} texts on an invented negotiation (tests/fixtures/suggest-heldout.yaml)`,
    '',
    table(
      held.map((h) => h.scored),
      TARGETS,
    ),
    '',
  );
  const md = [
    '# Suggestion benchmark (`npm run bench:suggest`)',
    '',
    'Each seed report is run through the suggester as if new: the graph holds the known actors and only',
    "the other reports' facts. The held-out texts are run with a graph holding only their actors.",
    'A candidate is correct when its type, source actor and target match a curated relationship the',
    "same text supports: the target is the existing node's id when the suggester resolved one, else",
    "the candidate's sentence overlaps a quote, in that text, of the relationship, of its target node, or",
    'of another curated relationship with the same target (a place where the text names that target).',
    'Negated candidates are not counted; candidates count once per (type, actor, sentence). The last',
    'column is a lenient bound, not a score: candidates whose (type, actor) the text supports at all.',
    'Full rule: bench/suggest-score.ts. Targets: recall ≥ 0.8 and precision ≥ 0.6 on DEMANDED,',
    'REJECTED, MEDIATED and BLAMED_FOR.',
    '',
    ...sections,
  ].join('\n');
  console.log(md);
  writeFileSync(path.join(projectRoot, 'bench', 'SUGGEST-RESULTS.md'), md);
}

await main();
