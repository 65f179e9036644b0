/**
 * The write path's inputs from the accepted drafts: `addReport`'s ReportInput (the text and
 * the origin fields the analyst filled in) and `recordFacts`' FactsInput. New target nodes
 * that several accepted relationships share (same id) are listed once. `origins` maps each
 * input path prefix back to the draft it came from, so the server's problems can be shown
 * on the right card.
 */
import { RELATIONSHIP_TARGETS } from './relationship-targets.ts';
import type { ActorDraft, RelationshipDraft } from './suggestion-drafts.ts';

export const ORIGIN_FIELDS = ['title', 'outlet', 'byline', 'dateline', 'published'] as const;
export type Origin = Partial<Record<(typeof ORIGIN_FIELDS)[number], string>>;

interface Evidence {
  quote: string;
  framing: string;
  voice?: string;
}
type Fact = Record<string, unknown> & { id: string; evidence: Evidence[] };

const SECTION = {
  DEMAND: 'demands',
  MEETING: 'meetings',
  INCIDENT: 'incidents',
  STATEMENT: 'statements',
} as const;

export function reportInput(text: string, origin: Origin): Record<string, string> {
  const input: Record<string, string> = { text };
  for (const f of ORIGIN_FIELDS) {
    const v = origin[f]?.trim();
    if (v) input[f] = v;
  }
  return input;
}

export function factsInput(
  report: string,
  actors: ActorDraft[],
  relationships: RelationshipDraft[],
): { input: Record<string, unknown>; origins: Map<string, string> } {
  const origins = new Map<string, string>();
  const sections: Record<string, Fact[]> = {
    actors: [],
    demands: [],
    meetings: [],
    incidents: [],
    statements: [],
  };
  for (const a of actors.filter((d) => d.state === 'accepted')) {
    origins.set(`actors[${sections.actors!.length}]`, a.key);
    sections.actors!.push({
      id: a.id,
      name: a.name.trim(),
      kind: a.kind,
      evidence: [{ quote: a.quote, framing: 'REPORTER' }],
    });
  }
  const rels: Record<string, unknown>[] = [];
  for (const d of relationships.filter((r) => r.state === 'accepted')) {
    const evidence: Evidence = {
      quote: d.quote,
      framing: d.framing,
      ...(d.voice.trim() ? { voice: d.voice.trim() } : {}),
    };
    let to = d.to;
    const target = RELATIONSHIP_TARGETS[d.type];
    if (to === '' && target) {
      to = d.newId;
      const list = sections[SECTION[target]]!;
      const same = list.find((n) => n.id === d.newId);
      if (same) {
        if (!same.evidence.some((e) => e.quote === evidence.quote)) same.evidence.push(evidence);
      } else {
        origins.set(`${SECTION[target]}[${list.length}]`, d.key);
        list.push(newNode(d, target, evidence));
      }
    }
    origins.set(`relationships[${rels.length}]`, d.key);
    const blamedBy = d.type === 'BLAMED_FOR' ? d.candidate.blamedBy : null;
    rels.push({
      type: d.type,
      from: d.from.trim(),
      to,
      ...(blamedBy ? { props: { blamedBy } } : {}),
      evidence: [evidence],
    });
  }
  const input: Record<string, unknown> = { report };
  for (const [name, list] of Object.entries(sections)) if (list.length) input[name] = list;
  if (rels.length) input.relationships = rels;
  return { input, origins };
}

function newNode(d: RelationshipDraft, target: keyof typeof SECTION, evidence: Evidence): Fact {
  const c = d.candidate;
  const date = c.date ? { date: { text: c.date.text, precision: c.date.precision } } : {};
  const text = d.newText.trim();
  switch (target) {
    case 'DEMAND':
      return { id: d.newId, summary: text, issue: d.newValue, evidence: [evidence] };
    case 'MEETING':
      return { id: d.newId, name: text, kind: d.newValue, ...date, evidence: [evidence] };
    case 'STATEMENT':
      return { id: d.newId, summary: text, kind: d.newValue, ...date, evidence: [evidence] };
    case 'INCIDENT': {
      const k = c.casualties;
      return {
        id: d.newId,
        summary: text,
        kind: d.newValue,
        ...date,
        ...(k?.killed != null ? { killed: k.killed } : {}),
        ...(k?.injured != null ? { injured: k.injured } : {}),
        ...(k ? { casualtiesText: k.text } : {}),
        evidence: [evidence],
      };
    }
  }
}

/** The draft a problem path ("relationships[2].evidence[0].quote") belongs to, if any. */
export function draftOf(path: string, origins: Map<string, string>): string | undefined {
  const head = /^(\w+\[\d+\])/.exec(path)?.[1];
  return head ? origins.get(head) : undefined;
}
