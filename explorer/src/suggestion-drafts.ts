/**
 * What the analyst works on in "Add a report": the server's suggestions (suggestFacts) as
 * drafts that can be accepted, edited or discarded. A draft starts as suggested; nothing of
 * it is written until the analyst records the accepted ones.
 */
import { RELATIONSHIP_TARGETS, type TargetKind } from './relationship-targets.ts';
import { ID_PATTERN, checkQuote, slugId } from './verbatim.ts';

const SELECTOR = 'selector { exact start end }';
export const SUGGEST_QUERY = `query SuggestFacts($text: String!) {
  suggestFacts(text: $text) {
    actors { actorId name resolvedBy ${SELECTOR} }
    newActors { name confidence ${SELECTOR} sentence { exact start end } }
    relationships {
      type kind trigger negated hedged blamedBy confidence existingId
      from { kind id text } to { kind id text }
      date { text precision }
      casualties { killed injured text }
      evidence { quote framing ${SELECTOR} voice { text actorId } }
    }
  }
}`;

export interface Span {
  exact: string;
  start: number;
  end: number;
}
interface NodeRef {
  kind: string;
  id: string | null;
  text: string;
}
export interface Suggestions {
  actors: { actorId: string; name: string; resolvedBy: string; selector: Span }[];
  newActors: { name: string; confidence: number; selector: Span; sentence: Span }[];
  relationships: {
    type: string;
    kind: string | null;
    trigger: string;
    negated: boolean;
    hedged: boolean;
    blamedBy: string | null;
    confidence: number;
    existingId: string | null;
    from: NodeRef;
    to: NodeRef;
    date: { text: string; precision: string } | null;
    casualties: { killed: number | null; injured: number | null; text: string } | null;
    evidence: {
      quote: string;
      framing: string;
      selector: Span;
      voice: { text: string; actorId: string | null } | null;
    };
  }[];
}
export type Candidate = Suggestions['relationships'][number];

export type DraftState = 'pending' | 'accepted' | 'discarded';

export interface RelationshipDraft {
  key: string;
  candidate: Candidate;
  state: DraftState;
  type: string;
  from: string;
  /** An existing node's id; empty when the target is a new node. */
  to: string;
  /** A new target node: its id, name or summary, and its kind's value (issue, meeting kind…). */
  newId: string;
  newText: string;
  newValue: string;
  quote: string;
  framing: string;
  voice: string;
  problems: string[];
}

export interface ActorDraft {
  key: string;
  name: string;
  id: string;
  kind: string;
  quote: string;
  selector: Span;
  state: DraftState;
  problems: string[];
}

/** The enum a new target node needs, by kind: a demand's issue, a meeting's kind… */
export const NEW_NODE_ENUM: Record<TargetKind, string> = {
  DEMAND: 'Issue',
  MEETING: 'MeetingKind',
  INCIDENT: 'IncidentKind',
  STATEMENT: 'StatementKind',
};

export function draftsFrom(s: Suggestions, enums: Record<string, string[]>) {
  const taken = new Set<string>();
  const actors: ActorDraft[] = s.newActors.map((a, i) => ({
    key: `a${i}`,
    name: a.name,
    id: slugId(a.name, taken),
    kind: '',
    quote: a.sentence.exact,
    selector: a.selector,
    state: 'pending',
    problems: [],
  }));
  // candidates that propose the same new node (a demand made and rejected) share its id
  const newIds = new Map<string, string>();
  const newId = (to: NodeRef) => {
    const k = `${to.kind}\u0000${to.text}`;
    let id = newIds.get(k);
    if (id === undefined) newIds.set(k, (id = slugId(to.text, taken)));
    return id;
  };
  const relationships: RelationshipDraft[] = s.relationships.map((c, i) => {
    const target = RELATIONSHIP_TARGETS[c.type];
    const values = target ? (enums[NEW_NODE_ENUM[target]] ?? []) : [];
    const kind = c.kind?.toUpperCase() ?? '';
    return {
      key: `r${i}`,
      candidate: c,
      // "did not reject": the text denies it, so it starts discarded
      state: c.negated ? 'discarded' : 'pending',
      type: c.type,
      from: c.from.id ?? c.from.text,
      to: c.to.id ?? '',
      newId: c.to.id ? '' : newId(c.to),
      newText: c.to.id ? '' : c.to.text,
      newValue: values.includes(kind) ? kind : '',
      quote: c.evidence.quote,
      framing: c.evidence.framing,
      voice: c.evidence.voice?.actorId ?? c.evidence.voice?.text ?? '',
      problems: [],
    };
  });
  return { actors, relationships };
}

/** What keeps a draft from being accepted (empty: it may be). */
export function relationshipProblems(d: RelationshipDraft, text: string): string[] {
  const problems: string[] = [];
  const q = checkQuote(d.quote, text, d.candidate.evidence.selector.start);
  if (!q.ok) problems.push(`Quote: ${q.reason}`);
  if (!d.from.trim()) problems.push('From: name the actor (an id, name or alias).');
  if (d.to === '') {
    const target = RELATIONSHIP_TARGETS[d.type];
    if (!d.newText.trim()) problems.push('To: the new node needs a name or summary.');
    if (!ID_PATTERN.test(d.newId))
      problems.push('Id: lower-case letters, digits and - or _ (e.g. "patrol-boats").');
    if (target && !d.newValue)
      problems.push(
        `To: choose the new ${target.toLowerCase()}’s ${words(NEW_NODE_ENUM[target])}.`,
      );
  }
  return problems;
}

export function actorProblems(a: ActorDraft, text: string): string[] {
  const problems: string[] = [];
  const q = checkQuote(a.quote, text, a.selector.start);
  if (!q.ok) problems.push(`Quote: ${q.reason}`);
  if (!a.name.trim()) problems.push('Name: the actor needs a name.');
  if (!ID_PATTERN.test(a.id))
    problems.push('Id: lower-case letters, digits and - or _ (e.g. "veland").');
  if (!a.kind) problems.push('Kind: choose what kind of actor this is.');
  return problems;
}

/** "MeetingKind" → "meeting kind"; "Issue" → "issue". */
const words = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
