/**
 * "Add a report": the analyst pastes a report's text (and the origin fields the text itself
 * states), asks the server for suggestions (`suggestFacts`), sees them marked in the text,
 * accepts, edits or discards each, and records the accepted ones with their API key through
 * the write path (`addReport`, then `recordFacts`). Nothing is written before the click on
 * "Record"; a refusal shows every problem the server names, with its input path.
 */
import { send, storeKey, storedKey, type ApiAnswer, type ApiError } from './api-key.ts';
import { appLink, byId, el, plural } from './dom.ts';
import { ORIGIN_FIELDS, draftOf, factsInput, reportInput, type Origin } from './facts-input.ts';
import { highlightText, type Highlight } from './highlight-text.ts';
import { RELATIONSHIP_TARGETS, typesFor } from './relationship-targets.ts';
import {
  NEW_NODE_ENUM,
  SUGGEST_QUERY,
  actorProblems,
  draftsFrom,
  relationshipProblems,
  type ActorDraft,
  type RelationshipDraft,
  type Suggestions,
} from './suggestion-drafts.ts';
import { checkQuote } from './verbatim.ts';

const ENUM_NAMES = [
  'Issue',
  'ActorKind',
  'MeetingKind',
  'IncidentKind',
  'StatementKind',
  'Framing',
];
const ENUMS_QUERY = `{ ${ENUM_NAMES.map((n) => `${n}: __type(name: "${n}") { enumValues { name } }`).join(' ')} }`;

const ADD_REPORT = `mutation AddReport($input: ReportInput!) {
  addReport(input: $input) { created report { id } }
}`;
const RECORD_FACTS = `mutation RecordFacts($input: FactsInput!, $idempotencyKey: String) {
  recordFacts(input: $input, idempotencyKey: $idempotencyKey) {
    reportId createdNodes createdRelationships edit { id }
  }
}`;

interface Session {
  text: string;
  actors: ActorDraft[];
  relationships: RelationshipDraft[];
  mentions: Suggestions['actors'];
}
let session: Session | null = null;
let enums: Record<string, string[]> = {};
let knownActors: { id: string; name: string }[] = [];
const recorded: (() => void)[] = [];
/** Called after a report was written (lists of reports held elsewhere are then stale). */
export const onRecorded = (fn: () => void) => recorded.push(fn);

const FRAMING_WORDS: Record<string, string> = {
  ON_RECORD: 'on the record',
  CONFIRMED: 'confirmed',
  REPORTED: 'reported',
  ALLEGED: 'alleged',
  ASSESSMENT: 'an assessment',
  REPORTER: 'the reporter’s own',
};
const pretty = (v: string) => v.toLowerCase().replace(/_/g, ' ');

function select(
  id: string,
  label: string,
  values: string[],
  value: string,
  first = '',
  show: (v: string) => string = (v) => FRAMING_WORDS[v] ?? pretty(v),
) {
  const s = el(
    'select',
    { id },
    ...(first ? [new Option(first, '')] : []),
    ...values.map((v) => new Option(show(v), v)),
  );
  s.value = value;
  return el('label', { className: 'field' }, el('span', {}, label), s);
}

function input(id: string, label: string, value: string, list = '', wide = false) {
  const field = el('input', { id, value, type: 'text', autocomplete: 'off' });
  if (list) field.setAttribute('list', list);
  return el('label', { className: wide ? 'field wide' : 'field' }, el('span', {}, label), field);
}

export async function renderAddReport(actors: { id: string; name: string }[]): Promise<void> {
  knownActors = actors;
  const root = byId('add-view');
  if (root.dataset.built) return;
  const data = await send<Record<string, { enumValues: { name: string }[] } | null>>(
    ENUMS_QUERY,
    {},
    storedKey(),
  );
  if (!data.data) throw new Error(data.errors.map((e) => e.message).join('; '));
  enums = Object.fromEntries(
    ENUM_NAMES.map((n) => [n, data.data?.[n]?.enumValues.map((v) => v.name) ?? []]),
  );
  root.dataset.built = 'true';
  root.replaceChildren(
    el(
      'form',
      { className: 'add-form', id: 'add-form' },
      el('h2', {}, 'Add a report'),
      el(
        'p',
        { className: 'hint' },
        'Paste a report. The server suggests the facts it states, each a verbatim span of the text; accept, edit or discard each one, then record the accepted ones with your editor key. Nothing is written before you click “Record”.',
      ),
      el('label', { htmlFor: 'add-text', className: 'block-label' }, 'Report text'),
      el('textarea', { id: 'add-text', rows: 9, spellcheck: false }),
      el(
        'details',
        { className: 'origin' },
        el('summary', {}, 'Origin, as the text itself states it (optional)'),
        el(
          'p',
          { className: 'hint' },
          'Each must occur verbatim in the text; leave out what the text does not say.',
        ),
        el(
          'div',
          { className: 'origin-fields' },
          ...ORIGIN_FIELDS.map((f) => input(`add-${f}`, f[0]!.toUpperCase() + f.slice(1), '')),
        ),
      ),
      el(
        'div',
        { className: 'actions' },
        el('button', { type: 'submit', className: 'primary', id: 'add-suggest' }, 'Suggest facts'),
        el('span', { id: 'add-status', className: 'hint', role: 'status' }),
      ),
    ),
    el('div', { id: 'add-work', className: 'add-work', hidden: true }),
  );
  wire(root);
}

function wire(root: HTMLElement): void {
  byId('add-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void suggest();
  });
  byId('add-text').addEventListener('input', () => {
    if (!session) return;
    const stale = normalised() !== session.text;
    byId('add-status').textContent = stale
      ? 'The text changed since the suggestions: suggest again before recording.'
      : '';
    updateRecordButton();
  });
  root.addEventListener('click', (e) => {
    const button = (e.target as HTMLElement).closest('button');
    const mark = (e.target as HTMLElement).closest('mark[data-candidates]');
    if (button?.dataset.act) act(button.dataset.act, button.dataset.key ?? '');
    else if (button?.id === 'add-record') void record();
    else if (button?.id === 'add-forget-key') {
      storeKey('');
      byId<HTMLInputElement>('add-key').value = '';
    } else if (mark instanceof HTMLElement) {
      const card = document.getElementById(`cand-${mark.dataset.candidates?.split(' ')[0]}`);
      card?.scrollIntoView({ block: 'nearest' });
      card?.focus();
    }
  });
  root.addEventListener('input', (e) => {
    const t = e.target as HTMLInputElement;
    if (t.id === 'add-key') storeKey(t.value.trim());
    const key = t.closest<HTMLElement>('[data-draft]')?.dataset.draft;
    if (key) edit(key, t);
  });
}

const normalised = () => byId<HTMLTextAreaElement>('add-text').value.replace(/\r\n?/g, '\n').trim();

async function suggest(): Promise<void> {
  const text = normalised();
  const status = byId('add-status');
  if (text === '') {
    status.textContent = 'Paste the report’s text first.';
    return;
  }
  status.textContent = 'Asking the server for suggestions…';
  const answer = await send<{ suggestFacts: Suggestions }>(SUGGEST_QUERY, { text }, storedKey());
  if (!answer.data) {
    status.textContent = `No suggestions: ${answer.errors.map(describeError).join('; ')}`;
    return;
  }
  const s = answer.data.suggestFacts;
  session = { text, mentions: s.actors, ...draftsFrom(s, enums) };
  status.textContent = `${plural(s.relationships.length, 'candidate fact')} and ${plural(s.newActors.length, 'new actor')} suggested; nothing is recorded yet.`;
  drawWork();
}

function describeError(e: ApiError): string {
  return e.code ? `${e.code}: ${e.message}` : e.message;
}

function drawWork(): void {
  if (!session) return;
  const work = byId('add-work');
  work.hidden = false;
  work.replaceChildren(
    el(
      'section',
      { className: 'add-text-panel', ariaLabel: 'The text with its suggestions' },
      el('h3', {}, 'The text, with what is suggested'),
      el(
        'p',
        { className: 'legend hint' },
        el('mark', { dataset: { state: 'pending' } }, 'to review'),
        ' ',
        el('mark', { dataset: { state: 'accepted' } }, 'accepted'),
        ' ',
        el('mark', { dataset: { state: 'discarded' } }, 'discarded'),
        ' ',
        el('span', { className: 'mention' }, 'known actor'),
        ' ',
        el('span', { className: 'new-mention' }, 'new actor?'),
      ),
      el('div', { id: 'add-text-box' }),
    ),
    el(
      'section',
      { className: 'add-candidates', ariaLabel: 'Suggestions' },
      el('h3', {}, 'Suggestions'),
      el('p', { id: 'add-counts', className: 'hint' }),
      el('h4', {}, `New actors (${session.actors.length})`),
      session.actors.length
        ? el('ol', { className: 'candidates', id: 'add-actors' }, ...session.actors.map(actorCard))
        : el('p', { className: 'hint' }, 'Every name in the text is an actor the graph knows.'),
      el('h4', {}, `Facts (${session.relationships.length})`),
      session.relationships.length
        ? el(
            'ol',
            { className: 'candidates', id: 'add-facts' },
            ...session.relationships.map(relationshipCard),
          )
        : el('p', { className: 'hint' }, 'No candidate fact in this text.'),
      recordPanel(),
    ),
    el('datalist', { id: 'add-actor-names' }, ...knownActors.map((a) => new Option(a.name, a.id))),
  );
  drawText();
  updateRecordButton();
}

function drawText(): void {
  if (!session) return;
  const highlights: Highlight[] = [
    ...session.mentions.map((m, i) => ({
      key: `m${i}`,
      kind: 'actor' as const,
      start: m.selector.start,
      end: m.selector.end,
    })),
    ...session.actors.map((a) => ({
      key: a.key,
      kind: 'new-actor' as const,
      start: a.selector.start,
      end: a.selector.end,
    })),
    ...session.relationships.map((d) => {
      const sel = d.candidate.evidence.selector;
      const q = checkQuote(d.quote, session!.text, sel.start);
      return {
        key: d.key,
        kind: 'quote' as const,
        state: d.state,
        start: q.ok ? q.start : sel.start,
        end: q.ok ? q.end : sel.end,
      };
    }),
  ];
  byId('add-text-box').replaceChildren(highlightText(session.text, highlights));
}

function flags(d: RelationshipDraft): string[] {
  const c = d.candidate;
  return [
    `confidence ${Math.round(c.confidence * 100)}%`,
    FRAMING_WORDS[d.framing] ?? pretty(d.framing),
    d.voice ? `voice: ${d.voice}` : '',
    c.hedged ? 'hedged in the text' : '',
    c.date ? `date: “${c.date.text}” (${pretty(c.date.precision)})` : '',
    c.casualties ? `casualties: “${c.casualties.text}”` : '',
  ].filter(Boolean);
}

function targetText(d: RelationshipDraft): (string | HTMLElement)[] {
  const target = (RELATIONSHIP_TARGETS[d.type] ?? 'node').toLowerCase();
  if (d.to !== '')
    return [`${d.candidate.to.id === d.to ? d.candidate.to.text : d.to} (existing ${target})`];
  // drafts given the same id point at one new node: the first one's summary is recorded
  const first = session?.relationships.find((r) => r.to === '' && r.newId === d.newId) ?? d;
  return [
    `new ${target}: “${first.newText}” `,
    el('code', { className: 'node-id' }, first === d ? d.newId : `${d.newId}, shared`),
  ];
}

function stateButtons(key: string, state: string, editing: boolean) {
  return el(
    'div',
    { className: 'actions cand-actions' },
    el(
      'button',
      {
        type: 'button',
        className: 'accept',
        id: `accept-${key}`,
        dataset: { act: 'accept', key },
        ariaPressed: String(state === 'accepted'),
      },
      state === 'accepted' ? 'Accepted ✓' : 'Accept',
    ),
    el(
      'button',
      {
        type: 'button',
        id: `edit-${key}`,
        dataset: { act: 'edit', key },
        ariaExpanded: String(editing),
      },
      editing ? 'Close editor' : 'Edit',
    ),
    el(
      'button',
      {
        type: 'button',
        className: 'discard',
        id: `discard-${key}`,
        dataset: { act: 'discard', key },
        ariaPressed: String(state === 'discarded'),
      },
      state === 'discarded' ? 'Discarded' : 'Discard',
    ),
  );
}

const editing = new Set<string>();

function problemList(key: string, problems: string[]) {
  return el(
    'ul',
    { className: 'cand-problems error', id: `problems-${key}`, hidden: problems.length === 0 },
    ...problems.map((p) => el('li', {}, p)),
  );
}

function relationshipCard(d: RelationshipDraft): HTMLElement {
  const c = d.candidate;
  const open = editing.has(d.key);
  const target = RELATIONSHIP_TARGETS[d.type];
  return el(
    'li',
    {
      className: 'candidate',
      id: `cand-${d.key}`,
      tabIndex: -1,
      dataset: { state: d.state, draft: d.key, type: d.type },
    },
    el(
      'p',
      { className: 'cand-head' },
      el('span', { className: 'edge-type' }, d.type),
      ' ',
      el('strong', {}, d.from === (c.from.id ?? c.from.text) ? c.from.text : d.from),
      ' → ',
      ...targetText(d),
    ),
    c.negated
      ? el(
          'p',
          { className: 'cand-note' },
          `Denied in the text (“${c.trigger}”): not a fact as stated; discarded unless you accept it.`,
        )
      : '',
    c.existingId
      ? el(
          'p',
          { className: 'cand-note corroborates' },
          `The graph already holds this (${c.existingId}): recording it adds this report as a source.`,
        )
      : '',
    el('blockquote', { className: 'cand-quote' }, `“${d.quote}”`),
    el('p', { className: 'kind' }, flags(d).join(' · ')),
    stateButtons(d.key, d.state, open),
    problemList(d.key, d.problems),
    open
      ? el(
          'fieldset',
          { className: 'cand-editor' },
          el('legend', {}, 'Edit this fact'),
          select(`type-${d.key}`, 'Type', typesFor(target ?? ''), d.type, '', (v) => v),
          input(`from-${d.key}`, 'From (actor id, name or alias)', d.from, 'add-actor-names'),
          d.to !== ''
            ? input(`to-${d.key}`, 'To (existing node id)', d.to)
            : el(
                'div',
                { className: 'new-node' },
                input(
                  `newText-${d.key}`,
                  `New ${target?.toLowerCase() ?? 'node'}: ${target === 'MEETING' ? 'name' : 'summary'}`,
                  d.newText,
                  '',
                  true,
                ),
                input(`newId-${d.key}`, 'Its id (the same id as another fact: one node)', d.newId),
                target
                  ? select(
                      `newValue-${d.key}`,
                      target === 'DEMAND' ? 'Issue' : 'Kind',
                      enums[NEW_NODE_ENUM[target]] ?? [],
                      d.newValue,
                      '— choose —',
                    )
                  : '',
              ),
          el(
            'label',
            { className: 'field wide' },
            el('span', {}, 'Quote (a verbatim span of the text)'),
            el('textarea', { id: `quote-${d.key}`, rows: 3, value: d.quote }),
          ),
          el(
            'p',
            { className: 'quote-check', id: `check-${d.key}`, ariaLive: 'polite' },
            quoteStatus(d.quote, c.evidence.selector.start),
          ),
          select(`framing-${d.key}`, 'Framing', enums.Framing ?? [], d.framing),
          input(`voice-${d.key}`, 'Voice (who the report attributes it to)', d.voice),
        )
      : '',
  );
}

function actorCard(a: ActorDraft): HTMLElement {
  const open = editing.has(a.key);
  return el(
    'li',
    {
      className: 'candidate',
      id: `cand-${a.key}`,
      tabIndex: -1,
      dataset: { state: a.state, draft: a.key },
    },
    el(
      'p',
      { className: 'cand-head' },
      el('span', { className: 'edge-type' }, 'NEW ACTOR'),
      ' ',
      el('strong', {}, a.name),
      a.kind ? ` (${pretty(a.kind)}, id ${a.id})` : ` (id ${a.id})`,
    ),
    el('blockquote', { className: 'cand-quote' }, `“${a.quote}”`),
    stateButtons(a.key, a.state, open),
    problemList(a.key, a.problems),
    open
      ? el(
          'fieldset',
          { className: 'cand-editor' },
          el('legend', {}, 'Edit this actor'),
          input(`name-${a.key}`, 'Name', a.name),
          input(`id-${a.key}`, 'Id', a.id),
          select(`kind-${a.key}`, 'Kind', enums.ActorKind ?? [], a.kind, '— choose —'),
          el(
            'label',
            { className: 'field wide' },
            el('span', {}, 'Quote (a verbatim span of the text)'),
            el('textarea', { id: `quote-${a.key}`, rows: 3, value: a.quote }),
          ),
          el(
            'p',
            { className: 'quote-check', id: `check-${a.key}`, ariaLive: 'polite' },
            quoteStatus(a.quote, a.selector.start),
          ),
        )
      : '',
  );
}

function quoteStatus(quote: string, near: number): string {
  if (!session) return '';
  const q = checkQuote(quote, session.text, near);
  return q.ok ? `✓ Verbatim: characters ${q.start}–${q.end} of the text.` : `✗ ${q.reason}`;
}

function findDraft(key: string): ActorDraft | RelationshipDraft | undefined {
  return (
    session?.actors.find((a) => a.key === key) ?? session?.relationships.find((r) => r.key === key)
  );
}

function redraw(key: string, focus?: string): void {
  const d = findDraft(key);
  const card = document.getElementById(`cand-${key}`);
  if (!d || !card) return;
  card.replaceWith('candidate' in d ? relationshipCard(d) : actorCard(d));
  if (focus) document.getElementById(focus)?.focus();
  drawText();
  updateRecordButton();
}

function act(action: string, key: string): void {
  const d = findDraft(key);
  if (!d || !session) return;
  if (action === 'accept') {
    d.problems =
      'candidate' in d ? relationshipProblems(d, session.text) : actorProblems(d, session.text);
    if (d.problems.length === 0) {
      d.state = 'accepted';
      editing.delete(key);
    } else editing.add(key);
    redraw(key, d.problems.length ? `problems-${key}` : `accept-${key}`);
    if (d.problems.length) document.getElementById(`cand-${key}`)?.focus();
  } else if (action === 'discard') {
    d.state = 'discarded';
    d.problems = [];
    editing.delete(key);
    redraw(key, `discard-${key}`);
  } else if (action === 'edit') {
    if (editing.has(key)) editing.delete(key);
    else editing.add(key);
    redraw(key, `edit-${key}`);
  }
}

/** An edit in a card's editor: the draft follows the field; an accepted draft is reviewed again. */
function edit(key: string, field: HTMLInputElement): void {
  const d = findDraft(key);
  if (!d) return;
  const name = field.id.slice(0, field.id.length - key.length - 1);
  const value = field.value;
  const record = d as unknown as Record<string, unknown>;
  if (!(name in record) || typeof record[name] !== 'string') return;
  record[name] = value;
  if (d.state === 'accepted') {
    d.state = 'pending';
    const card = document.getElementById(`cand-${key}`);
    if (card) card.dataset.state = 'pending';
    const accept = document.getElementById(`accept-${key}`);
    if (accept) {
      accept.textContent = 'Accept';
      accept.setAttribute('aria-pressed', 'false');
    }
  }
  if (name === 'quote') {
    const near = 'candidate' in d ? d.candidate.evidence.selector.start : d.selector.start;
    const check = document.getElementById(`check-${key}`);
    if (check) check.textContent = quoteStatus(value, near);
  }
  if (name === 'type') redraw(key, field.id);
  else drawText();
  updateRecordButton();
}

function recordPanel(): HTMLElement {
  return el(
    'section',
    { className: 'add-record', ariaLabel: 'Record' },
    el('h4', {}, 'Record'),
    el(
      'label',
      { className: 'field' },
      el('span', {}, 'Your editor API key'),
      el('input', {
        id: 'add-key',
        type: 'password',
        autocomplete: 'off',
        value: storedKey(),
        placeholder: 'ngk_…',
      }),
    ),
    el(
      'p',
      { className: 'hint' },
      'Kept only in this browser tab (sessionStorage) and sent as “Authorization: Bearer …” with this view’s requests. ',
      el('button', { type: 'button', id: 'add-forget-key' }, 'Forget key'),
    ),
    el(
      'div',
      { className: 'actions' },
      el('button', { type: 'button', id: 'add-record', className: 'primary' }, 'Record'),
    ),
    el('div', { id: 'add-outcome', className: 'outcome', role: 'status', tabIndex: -1 }),
  );
}

function updateRecordButton(): void {
  const button = document.getElementById('add-record') as HTMLButtonElement | null;
  if (!button || !session) return;
  const actors = session.actors.filter((a) => a.state === 'accepted').length;
  const facts = session.relationships.filter((r) => r.state === 'accepted').length;
  const pending = [...session.actors, ...session.relationships].filter(
    (d) => d.state === 'pending',
  ).length;
  const discarded = [...session.actors, ...session.relationships].filter(
    (d) => d.state === 'discarded',
  ).length;
  const stale = normalised() !== session.text;
  button.disabled = stale;
  button.textContent = `Record the report${actors + facts ? ` with ${plural(facts, 'fact')}${actors ? ` and ${plural(actors, 'new actor')}` : ''}` : ' (no facts accepted)'}`;
  byId('add-counts').textContent =
    `${facts + actors} accepted · ${discarded} discarded · ${pending} to review. Only accepted ones are recorded.`;
}

function origin(): Origin {
  return Object.fromEntries(
    ORIGIN_FIELDS.map((f) => [f, byId<HTMLInputElement>(`add-${f}`).value]),
  );
}

async function record(): Promise<void> {
  if (!session) return;
  const out = byId('add-outcome');
  const key = byId<HTMLInputElement>('add-key').value.trim();
  const button = byId<HTMLButtonElement>('add-record');
  out.className = 'outcome error';
  out.setAttribute('role', 'alert');
  if (!key) {
    out.replaceChildren(
      el(
        'p',
        {},
        'Nothing was recorded: enter an editor API key above (create one with “npm run keys -- create --role editor --name …”).',
      ),
    );
    byId('add-key').focus();
    return;
  }
  button.disabled = true;
  out.replaceChildren(el('p', {}, 'Recording…'));
  try {
    const added = await send<{ addReport: { created: boolean; report: { id: string } } }>(
      ADD_REPORT,
      { input: reportInput(session.text, origin()) },
      key,
    );
    if (!added.data) {
      refused(out, 'The report was refused; nothing was written.', added, new Map());
      return;
    }
    const id = added.data.addReport.report.id;
    const { input, origins } = factsInput(id, session.actors, session.relationships);
    const hasFacts = Object.keys(input).length > 1;
    if (!hasFacts) {
      succeeded(out, id, added.data.addReport.created, null);
      return;
    }
    const facts = await send<{
      recordFacts: { reportId: string; createdNodes: string[]; createdRelationships: string[] };
    }>(RECORD_FACTS, { input, idempotencyKey: `explorer-${crypto.randomUUID()}` }, key);
    if (!facts.data) {
      refused(
        out,
        `The report’s text is stored as ${id}${added.data.addReport.created ? '' : ' (it was already there)'}, but its facts were refused; none of them was written.`,
        facts,
        origins,
      );
      return;
    }
    succeeded(out, id, added.data.addReport.created, facts.data.recordFacts);
  } finally {
    button.disabled = normalised() !== session.text;
  }
}

function refused(
  out: HTMLElement,
  headline: string,
  answer: ApiAnswer<unknown>,
  origins: Map<string, string>,
): void {
  const items = answer.errors.flatMap((e) =>
    e.problems.length
      ? e.problems.map((p) => {
          const key = draftOf(p.path, origins);
          return el(
            'li',
            {},
            el('code', {}, p.path || '(input)'),
            `: ${p.message}`,
            key ? ' — ' : '',
            key
              ? el('a', { href: `#cand-${key}`, className: 'to-card' }, 'show the suggestion')
              : '',
          );
        })
      : [el('li', {}, describeError(e))],
  );
  for (const e of answer.errors)
    for (const p of e.problems) {
      const key = draftOf(p.path, origins);
      const d = key ? findDraft(key) : undefined;
      if (d && key) {
        d.problems = [`Refused by the server: ${p.path}: ${p.message}`];
        redraw(key);
      }
    }
  out.replaceChildren(
    el('p', {}, el('strong', {}, headline), ` (HTTP ${answer.status})`),
    el('ul', { className: 'server-problems' }, ...items),
  );
  out.focus();
}

function succeeded(
  out: HTMLElement,
  id: string,
  created: boolean,
  facts: { createdNodes: string[]; createdRelationships: string[] } | null,
): void {
  recorded.forEach((fn) => fn());
  out.className = 'outcome ok';
  out.setAttribute('role', 'status');
  out.replaceChildren(
    el(
      'p',
      {},
      el('strong', {}, `Recorded ${id}`),
      created ? ' (new report)' : ' (the same text was already stored)',
      facts
        ? `: ${plural(facts.createdNodes.length, 'node')} and ${plural(facts.createdRelationships.length, 'relationship')} created.`
        : ': its text only, no facts.',
    ),
    el(
      'p',
      {},
      appLink(`Open ${id} in the report reader`, { view: 'reports', report: id }, 'to-reader'),
    ),
  );
}

/** The drafts as rows, for "This view as CSV / JSON". */
export const addRows = (): Record<string, string | number>[] =>
  session
    ? [
        ...session.actors.map((a) => ({
          candidate: a.key,
          state: a.state,
          type: 'NEW_ACTOR',
          from: a.name,
          to: '',
          quote: a.quote,
        })),
        ...session.relationships.map((r) => ({
          candidate: r.key,
          state: r.state,
          type: r.type,
          from: r.from,
          to: r.to || r.newId,
          quote: r.quote,
        })),
      ]
    : [];
