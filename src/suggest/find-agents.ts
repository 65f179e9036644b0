/**
 * Who does what an event word names, read from one sentence's tokens and actor mentions
 * with clause-level heuristics (no parser): the "by" phrase of a passive or of an agent
 * noun ("mediated by X"), a compound ("X-brokered"), a possessive ("X's demand"), an "of"
 * phrase ("on the part of X"), the subject of a light verb ("X made a demand", "X launched
 * an attack"), or the subject of the verb itself (the nearest actor before it that is not
 * an object, the object of a preposition, or the speaker of an attribution).
 */
import type { Token } from './analyse-text.ts';
import type { CodingContext, Mention, Trigger } from './coding-context.ts';

const STOP_AGENT = new Set(['VERB', 'AUX', 'SCONJ']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const MODIFIER = new Set(['ADJ', 'NOUN', 'PUNCT', 'ADV']);
export const PRONOUNS = new Set(['they', 'it', 'he', 'she']);
const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'her']);

/**
 * Verbs that only carry an event noun ("made a demand", "presented demands", "launched an
 * attack"): their subject is the noun's agent. Any other verb between an actor and an event
 * noun makes the noun its object ("X rejected the conditions"), so X is not the agent.
 */
const LIGHT_VERBS = new Set([
  'make',
  'issue',
  'present',
  'raise',
  'table',
  'submit',
  'put',
  'set',
  'lay',
  'introduce',
  'renew',
  'repeat',
  'reiterate',
  'voice',
  'outline',
  'pose',
  'have',
  'launch',
  'carry',
  'conduct',
  'stage',
  'mount',
  'commit',
  'perpetrate',
]);

export function byAgents(ctx: CodingContext, trig: Trigger): Mention[] {
  const tokens = ctx.sentence.tokens;
  let k = trig.last + 1;
  if (tokens[k]?.pos === 'ADV') k++;
  if (tokens[k]?.lower !== 'by') return [];
  const out: Mention[] = [];
  for (let j = k + 1; j < Math.min(tokens.length, k + 14); j++) {
    const t = tokens[j]!;
    if (STOP_AGENT.has(t.pos) || [';', '.', ':'].includes(t.text)) break;
    // "mediated by Turkey, with President X expressing…": an absolute clause, not an agent;
    // "by Turkey, along with Qatar" goes on
    if (t.lower === 'with' && !['along', 'together'].includes(tokens[j - 1]?.lower ?? '')) break;
    const m = ctx.mentions.find((x) => x.first === j);
    if (m) out.push(m);
  }
  return out;
}

/** "Turkey-mediated", "Qatar-Turkey facilitation". */
export function compoundAgents(ctx: CodingContext, trig: Trigger): Mention[] {
  const tokens = ctx.sentence.tokens;
  const out: Mention[] = [];
  let end = trig.first - 1;
  if (
    tokens[end]?.text !== '-' &&
    tokens[end]?.pos !== 'PROPN' &&
    !ctx.mentions.some((m) => m.last === end)
  )
    return [];
  if (tokens[end]?.text === '-') end--;
  for (;;) {
    const m = ctx.mentions.find((x) => x.last === end);
    if (!m) break;
    out.push(m);
    if (tokens[m.first - 1]?.text !== '-') break;
    end = m.first - 2;
  }
  return out;
}

/** Index of the first token of the noun phrase an event noun heads ("Pakistan's core security"). */
function modifiersStart(tokens: Token[], trig: Trigger): number {
  let k = trig.first - 1;
  while (
    k >= trig.first - 4 &&
    k >= 0 &&
    MODIFIER.has(tokens[k]!.pos) &&
    !POSSESSIVE.has(tokens[k]!.text)
  )
    k--;
  return k;
}

/** "Pakistan's core security demands", "Pakistan's “illegitimate” conditions". */
export function possessor(ctx: CodingContext, trig: Trigger): Mention | undefined {
  const tokens = ctx.sentence.tokens;
  let k = modifiersStart(tokens, trig);
  if (POSSESSIVE.has(tokens[k]?.text ?? '')) k--;
  return ctx.mentions.find((m) => m.last === k);
}

/** "its demand for …", "their insistence that …": the possessive pronoun before the noun. */
export function hasPossessivePronoun(ctx: CodingContext, trig: Trigger): boolean {
  const tokens = ctx.sentence.tokens;
  const k = modifiersStart(tokens, trig);
  return POSSESSIVE_PRONOUNS.has(tokens[k]?.lower ?? '');
}

/** Agents named after a noun: "demands of X", "mediation by X", "on the part of X". */
export function ofAgent(ctx: CodingContext, trig: Trigger): Mention | undefined {
  const tokens = ctx.sentence.tokens;
  for (let k = trig.last + 1; k <= trig.last + 5 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.pos === 'PUNCT' || t.pos === 'VERB') return undefined;
    if (['of', 'by', 'from'].includes(t.lower)) {
      const m = ctx.mentions.find(
        (x) => x.first === k + 1 || (x.first === k + 2 && tokens[k + 1]?.pos === 'DET'),
      );
      if (m) return m;
    }
  }
  return undefined;
}

function isInAttribution(ctx: CodingContext, m: Mention, trig: Trigger): boolean {
  // an "according to X" speaker is the voice, not the agent, unless it is the only actor
  return (
    ctx.framing.attribution.has(m.first) && trig.first > m.last + 1 && ctx.framing.voice !== null
  );
}

/**
 * Evaluative insertions "what X described as", "what it calls": their words belong to
 * another speaker, so neither their actor nor their verb bears on the event word after.
 */
function insertions(tokens: Token[], before: number): Set<number> {
  const out = new Set<number>();
  for (let w = 0; w < before; w++) {
    if (tokens[w]!.lower !== 'what') continue;
    for (let k = w + 1; k < Math.min(before, w + 7); k++) {
      const t = tokens[k]!;
      if (t.pos === 'PUNCT') break;
      if (t.pos === 'VERB' && (tokens[k + 1]?.lower === 'as' || k + 1 === before)) {
        const end = tokens[k + 1]?.lower === 'as' ? k + 1 : k;
        for (let j = w; j <= end; j++) out.add(j);
        break;
      }
    }
  }
  return out;
}

/** Words tagged as prepositions that open a clause ("after Pakistan made…"). */
const CLAUSE_OPENERS = new Set([
  'after',
  'before',
  'since',
  'until',
  'while',
  'as',
  'once',
  'because',
]);

/** The mention is an object: right after a verb or a preposition ("accuses Afghanistan"). */
function isObject(tokens: Token[], m: Mention): boolean {
  let k = m.first - 1;
  while (k >= 0 && ['DET', 'ADJ', 'NUM'].includes(tokens[k]!.pos)) k--;
  const prev = tokens[k];
  if (!prev) return false;
  if (prev.lower === 'by' || CLAUSE_OPENERS.has(prev.lower)) return false;
  return prev.pos === 'ADP' || prev.pos === 'VERB' || prev.lower === 'and';
}

/**
 * The nearest actor before a verb that can be its subject: not the speaker of an
 * attribution, not an object ("accuses Afghanistan … yet asks for"), not a possessive far
 * from the verb ("X's concerns … they refused"). Falls back to the nearest.
 */
export function nearestBefore(ctx: CodingContext, trig: Trigger): Mention | undefined {
  const tokens = ctx.sentence.tokens;
  const skip = insertions(tokens, trig.first);
  const before = ctx.mentions.filter((m) => m.last < trig.first && !skip.has(m.first));
  const subjectLike = before.filter((m) => {
    if (isInAttribution(ctx, m, trig) || isObject(tokens, m)) return false;
    const possessive = POSSESSIVE.has(tokens[m.last + 1]?.text ?? '');
    return !possessive || trig.first - m.last <= 4;
  });
  // "with Kabul firmly rejecting": an actor right before the verb is its subject
  const adjacent = before.find((m) =>
    tokens.slice(m.last + 1, trig.first).every((t) => t.pos === 'ADV' || t.pos === 'AUX'),
  );
  const found = adjacent ?? subjectLike.at(-1);
  // "…, they refused": a pronoun subject refers back, not to a nearer object
  const pronounSubject = tokens
    .slice(Math.max(0, trig.first - 3), trig.first)
    .some((t) => PRONOUNS.has(t.lower));
  if (found || pronounSubject) return found;
  return before.at(-1);
}

/**
 * The agent of an event noun that has no possessor: the subject of a light verb carrying
 * it ("Pakistan made what Kabul described as an impossible demand", "X launched an
 * attack"). An actor separated from the noun by any other verb is that verb's subject and
 * the noun its object ("Afghan officials condemned the shelling"): no agent then.
 */
export function lightVerbSubject(ctx: CodingContext, trig: Trigger): Mention | undefined {
  const tokens = ctx.sentence.tokens;
  const skip = insertions(tokens, trig.first);
  const candidates = ctx.mentions.filter(
    (m) =>
      m.last < trig.first &&
      !skip.has(m.first) &&
      !isInAttribution(ctx, m, trig) &&
      !isObject(tokens, m),
  );
  for (const m of candidates.reverse()) {
    const between = tokens.slice(m.last + 1, trig.first).filter((t) => !skip.has(t.i));
    if (between.some((t) => [';', ':', '—', '–'].includes(t.text))) return undefined;
    const verbs = between.filter((t) => t.pos === 'VERB');
    if (verbs.every((v) => LIGHT_VERBS.has(v.lemma))) return m;
    return undefined;
  }
  return undefined;
}

/**
 * Whom a demand is addressed to: "urged X to", "pressing for X to", "called on X to",
 * "demanded that X …". Such an actor is never the demand's agent.
 */
export function addressee(ctx: CodingContext, trig: Trigger): Mention | undefined {
  const tokens = ctx.sentence.tokens;
  let k = trig.last + 1;
  while (tokens[k] && ['that', 'for', 'on', 'upon', 'of'].includes(tokens[k]!.lower)) k++;
  while (tokens[k]?.pos === 'DET') k++;
  const m = ctx.mentions.find((x) => x.first === k);
  if (!m) return undefined;
  const next = tokens[m.last + 1];
  return next && (next.lower === 'to' || next.pos === 'VERB' || next.pos === 'AUX') ? m : undefined;
}
