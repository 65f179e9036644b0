/**
 * Whether an event word in a sentence tells of a fact: negated ("did not reject"),
 * hypothetical ("would reject", "rejecting … may"), a restatement in apposition, an incident
 * that happened rather than a kind of event or an intention; and its voice (passive).
 */
import type { Token } from './analyse-text.ts';
import type { CodingContext, Trigger } from './coding-context.ts';

/** Words before an incident word that make it hypothetical ("any attack", "would strike"). */
const MODALS = new Set([
  'will',
  'would',
  'could',
  'may',
  'might',
  'can',
  'should',
  'if',
  'any',
  'prepare',
]);
/** Modals that make an event hypothetical or future ("would reject", "may demand"). */
const EVENT_MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'can', 'should', 'if']);

/** Passive voice: a form of "be" or "get" just before the verb. */
export function isPassive(ctx: CodingContext, trig: Trigger): boolean {
  const tokens = ctx.sentence.tokens;
  for (let k = trig.first - 1; k >= Math.max(0, trig.first - 3); k--) {
    const t = tokens[k]!;
    if (t.pos === 'AUX' && ['be', 'get'].includes(t.lemma)) return true;
    if (t.pos !== 'ADV' && t.pos !== 'AUX') return false;
  }
  return false;
}

export function isNegated(ctx: CodingContext, trig: Trigger): boolean {
  const tokens = ctx.sentence.tokens;
  const cues = new Set(ctx.lexicon.negation.map((w) => w.toLowerCase()));
  // wink-nlp's own negation flag runs to the end of the clause ("failed … despite mediation"),
  // too far for event coding: only a cue just before the event word counts.
  for (let k = trig.first - 1; k >= Math.max(0, trig.first - 3); k--) {
    const t = tokens[k]!;
    if (t.pos === 'PUNCT' || t.lower === 'but') break;
    if (cues.has(t.lower) || cues.has(t.lemma)) return true;
  }
  return false;
}

/**
 * A hypothetical or future event: a modal or "if" just before the event word in its clause
 * ("would reject", "if Kabul refuses"), or a gerund that is the subject of a modal
 * ("rejecting the conditions may reinforce…").
 */
export function isHypothetical(ctx: CodingContext, trig: Trigger): boolean {
  const tokens = ctx.sentence.tokens;
  for (let k = trig.first - 1; k >= Math.max(0, trig.first - 4); k--) {
    const t = tokens[k]!;
    if (t.pos === 'PUNCT' || ['but', 'and', 'that'].includes(t.lower)) break;
    if (EVENT_MODALS.has(t.lower)) return true;
  }
  const head = tokens[trig.first]!;
  const opensClause = trig.first === 0 || tokens[trig.first - 1]!.pos === 'PUNCT';
  if (trig.form === 'verb' && head.lower.endsWith('ing') && opensClause) {
    for (let k = trig.last + 1; k < tokens.length; k++) {
      const t = tokens[k]!;
      if ([';', '.', '—'].includes(t.text)) break;
      if (t.pos === 'AUX' && EVENT_MODALS.has(t.lower)) return true;
    }
  }
  return false;
}

/** A demand noun in apposition restates the demand just told ("…—a condition Kabul dismissed"). */
export function isAppositive(tokens: Token[], trig: Trigger): boolean {
  let k = trig.first - 1;
  while (k >= 0 && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'ADV')) k--;
  if (!['a', 'an'].includes(tokens[k]?.lower ?? '')) return false;
  return [',', '—', '–', '-'].includes(tokens[k - 1]?.text ?? '');
}

/**
 * An incident word that tells of one incident that happened: not a kind of event ("terrorist
 * attacks", a bare plural), not hypothetical ("any attack", "if … strikes", "would
 * strike"), not intended ("claiming to target", "plans to strike").
 */
export function isActualIncident(tokens: Token[], trig: Trigger): boolean {
  if (isGenericPlural(tokens, trig)) return false;
  if (
    tokens
      .slice(Math.max(0, trig.first - 6), trig.first)
      .some((t) => MODALS.has(t.lower) || MODALS.has(t.lemma))
  )
    return false;
  return !(trig.form === 'verb' && tokens[trig.first - 1]?.lower === 'to');
}

/** A plural event noun with no determiner ("attacks", "terrorist attacks"). */
function isGenericPlural(tokens: Token[], trig: Trigger): boolean {
  const head = tokens[trig.last]!;
  if (trig.form === 'verb') return false;
  // the model leaves some plurals unlemmatised ("airstrikes")
  const plural = head.lower !== head.lemma || (/[^s]s$/.test(head.lower) && head.lower.length > 4);
  if (!plural) return false;
  let k = trig.first - 1;
  while (k >= 0 && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NOUN')) k--;
  return tokens[k]?.pos !== 'DET';
}
