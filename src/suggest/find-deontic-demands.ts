/**
 * Demands stated as obligations in reported speech: "X said that Y must return the boats",
 * "“commitments must be put in writing,” X stated". When a known actor is the speaker and
 * the reported words hold a deontic modal (the lexicon's `deontic` list: must, should…)
 * whose subject is not the speaker itself ("we must", "it should" are its own
 * commitments), the speaker DEMANDED what the clause says. Weaker than a demand verb; only
 * suggested when the sentence yields no other demand by that speaker.
 */
import type { CodingContext } from './coding-context.ts';
import type { CodedRelationship } from './code-relationships.ts';
import type { EventEntry } from './load-lexicon.ts';

const DEONTIC: EventEntry = {
  type: 'DEMANDED',
  weight: 0.55,
  agentBy: false,
  verbs: [],
  nouns: [],
  phrases: [],
  forms: [],
};
const SELF = new Set(['we', 'i', 'it', 'us', 'our']);
const SPEECH_FRAMINGS = new Set(['ON_RECORD', 'CONFIRMED', 'REPORTED']);

export function findDeonticDemands(
  ctx: CodingContext,
  coded: CodedRelationship[],
): CodedRelationship[] {
  const voice = ctx.framing.voice;
  if (!voice?.actorId || !SPEECH_FRAMINGS.has(ctx.framing.framing)) return [];
  if (coded.some((c) => c.type === 'DEMANDED' && c.from.id === voice.actorId)) return [];
  const speaker = ctx.mentions.find((m) => m.actorId === voice.actorId);
  const tokens = ctx.sentence.tokens;
  const modals = ctx.lexicon.deontic.map((d) => d.toLowerCase().split(/\s+/));
  for (let k = 0; k < tokens.length; k++) {
    if (ctx.framing.attribution.has(k)) continue;
    const words = modals.find((w) => w.every((x, j) => tokens[k + j]?.lower === x));
    if (!words) continue;
    // "an impossible demand—that Afghanistan should…": the content of a demand already told
    if (coded.some((c) => c.type === 'DEMANDED' && c.trigger.last < k)) continue;
    const subject = tokens.slice(Math.max(0, k - 2), k);
    if (subject.some((t) => SELF.has(t.lower))) continue;
    if (speaker && speaker.last >= k - 2 && speaker.last < k) continue;
    let start = k - 1;
    while (start > 0 && !['PUNCT', 'SCONJ'].includes(tokens[start - 1]!.pos)) start--;
    const clauseStart = tokens[Math.max(0, start)]!.start;
    let end = k;
    while (end + 1 < tokens.length && ![';', '.', '”', '"'].includes(tokens[end + 1]!.text)) end++;
    return [
      {
        type: 'DEMANDED',
        from: { kind: 'Actor', id: voice.actorId, text: ctx.actorName(voice.actorId) },
        to: { kind: 'Demand', id: null, text: ctx.text.slice(clauseStart, tokens[end]!.end) },
        kind: null,
        trigger: {
          first: k,
          last: k + words.length - 1,
          form: 'verb',
          event: DEONTIC,
          incident: null,
        },
        negated: false,
        blamedBy: null,
        confidence: Math.round(DEONTIC.weight * (ctx.framing.hedged ? 0.85 : 1) * 100) / 100,
      },
    ];
  }
  return [];
}
