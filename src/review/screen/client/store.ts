/**
 * What the reviewer decided, kept in the browser's localStorage under a key of the package (the
 * policy and every document's sha256), with an undo history; exported as the decisions file
 * `woo-redact apply` reads, and imported from one to go on (or to approve it).
 */
import type { Addition, DecisionsInput, ReviewerDecision } from '../../decisions-schema.js';
import type { ReviewIndex } from '../../package-schema.js';

export interface State {
  decidedBy: string;
  /** When an imported file was decided (kept for an approval pass). */
  decidedAt: string;
  approvedBy: string;
  /** `${sha256}|${finding id}` -> the decision for that one occurrence. */
  findings: Record<string, ReviewerDecision>;
  persons: Record<string, ReviewerDecision>;
  /** sha256 -> what the reviewer added. */
  additions: Record<string, Addition[]>;
}

const empty = (): State => ({ decidedBy: '', decidedAt: '', approvedBy: '', findings: {}, persons: {}, additions: {} });

export const findingKey = (sha: string, id: string) => `${sha}|${id}`;

/** FNV-1a over the package's identity: short, stable, no crypto.subtle (not on file:// everywhere). */
function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export function storageKeyOf(index: ReviewIndex): string {
  const identity = [index.tool.version, index.policy.sha256, ...index.documents.map((d) => d.sha256)].join(',');
  return `woo-redact-review:${index.policy.sha256.slice(0, 12)}:${hash(identity)}`;
}

const MAX_UNDO = 500;

/** The browser's localStorage (typed here so the model and the export also load in Node tests). */
interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
const storage = (): KeyValueStore => (globalThis as unknown as { localStorage: KeyValueStore }).localStorage;

export class Store {
  state: State;
  private readonly undoStack: string[] = [];
  private readonly listeners: (() => void)[] = [];
  /** The last save failed (storage full or off): the screen says so. */
  saveError = false;

  constructor(private readonly key: string) {
    this.state = this.read();
  }

  private read(): State {
    try {
      const raw = storage().getItem(this.key);
      if (!raw) return empty();
      const parsed = JSON.parse(raw) as Partial<State> & { v?: number };
      return { ...empty(), ...parsed };
    } catch {
      return empty();
    }
  }

  private save(): void {
    try {
      storage().setItem(this.key, JSON.stringify({ v: 1, ...this.state }));
      this.saveError = false;
    } catch {
      this.saveError = true;
    }
  }

  onChange(f: () => void): void {
    this.listeners.push(f);
  }

  /** One undoable step. */
  change(f: (s: State) => void): void {
    this.undoStack.push(JSON.stringify(this.state));
    if (this.undoStack.length > MAX_UNDO) this.undoStack.shift();
    const next = structuredClone(this.state);
    f(next);
    this.state = next;
    this.save();
    for (const l of this.listeners) l();
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  undo(): boolean {
    const prev = this.undoStack.pop();
    if (prev === undefined) return false;
    this.state = JSON.parse(prev) as State;
    this.save();
    for (const l of this.listeners) l();
    return true;
  }
}

/** The decisions file for `woo-redact apply` (schema/decisions.schema.json). */
export function exportDecisions(index: ReviewIndex, state: State, now: Date): DecisionsInput {
  const at = now.toISOString();
  const approving = state.approvedBy.trim() !== '';
  const names = new Map(index.persons.map((p) => [p.id, p.name]));
  return {
    schemaVersion: '1.0.0',
    kind: 'woo-redact-decisions',
    internal: true,
    tool: { name: 'woo-redact', version: index.tool.version },
    policy: { sha256: index.policy.sha256 },
    decidedBy: state.decidedBy.trim(),
    decidedAt: approving && state.decidedAt ? state.decidedAt : at,
    ...(approving ? { approvedBy: state.approvedBy.trim(), approvedAt: at } : {}),
    persons: Object.entries(state.persons)
      .filter(([id]) => names.has(id))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([person, decision]) => ({ person, name: names.get(person) ?? '', decision })),
    documents: index.documents.map((d) => {
      const prefix = `${d.sha256}|`;
      const findings = Object.entries(state.findings)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, decision]) => ({ id: k.slice(prefix.length), decision }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { sha256: d.sha256, path: d.path, findings, additions: state.additions[d.sha256] ?? [], removals: [] };
    }),
  };
}

export class ImportError extends Error {}

const isDecision = (d: unknown): d is ReviewerDecision =>
  typeof d === 'object' && d !== null && (((d as { action?: unknown }).action === 'redact' && typeof (d as { ground?: unknown }).ground === 'string') || ((d as { action?: unknown }).action === 'keep' && typeof (d as { reason?: unknown }).reason === 'string'));

/** A decisions file read back into the screen's state (the whole state: it replaces what is there). */
export function importDecisions(index: ReviewIndex, data: unknown): State {
  const file = data as Partial<DecisionsInput> | null;
  if (!file || file.kind !== 'woo-redact-decisions') throw new ImportError('dit is geen beslissingenbestand van woo-redact');
  if (file.policy?.sha256 !== index.policy.sha256) throw new ImportError('dit bestand hoort bij een voorstel onder een ander beleid (policy)');
  if (file.tool?.version !== index.tool.version) throw new ImportError(`dit bestand is gemaakt met woo-redact ${file.tool?.version ?? '?'}, dit pakket met ${index.tool.version}`);
  const shas = new Set(index.documents.map((d) => d.sha256));
  const persons = new Set(index.persons.map((p) => p.id));
  const state = empty();
  state.decidedBy = typeof file.decidedBy === 'string' ? file.decidedBy : '';
  state.decidedAt = typeof file.decidedAt === 'string' ? file.decidedAt : '';
  for (const p of file.persons ?? []) if (persons.has(p.person) && isDecision(p.decision)) state.persons[p.person] = p.decision;
  for (const d of file.documents ?? []) {
    if (!shas.has(d.sha256)) continue;
    for (const f of d.findings ?? []) if (isDecision(f.decision)) state.findings[findingKey(d.sha256, f.id)] = f.decision;
    for (const r of d.removals ?? []) state.findings[findingKey(d.sha256, r.id)] = { action: 'keep', reason: r.reason };
    if (d.additions?.length) state.additions[d.sha256] = d.additions.map((a) => (a.kind === 'box' ? a : { ...a, entity: a.entity ?? 'person' })) as Addition[];
  }
  return state;
}
