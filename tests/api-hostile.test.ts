import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { WooRedactError } from '../src/index.js';

// Every entry point, fed what a hurried integrator or a hostile caller passes: it fails with a
// WooRedactError and a stable code, and never takes the host process down.
const root = mkdtempSync(join(tmpdir(), 'woo-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const input = join(root, 'in');
mkdirSync(input);
writeFileSync(join(input, 'a.txt'), 'Bel 070 370 79 11 of Anouk de Wit.\n');

const throwing = new Proxy({}, {
  get() {
    throw new RangeError('boom');
  },
  ownKeys() {
    throw new RangeError('boom');
  },
});
const getter = Object.defineProperty({}, 'policy', {
  enumerable: true,
  get() {
    throw new Error('getter');
  },
});
const circular: Record<string, unknown> = {};
circular.policy = circular;
const hostileValues: unknown[] = [undefined, null, 0, Number.NaN, -1, 'x', '', true, [], [1], {}, () => 1, Symbol('s'), 10n, throwing, getter, circular, new Uint8Array(0), Object.create(null), JSON.parse('{"__proto__": {"polluted": true}}')];

async function failure(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

type Entry = [string, (bad: unknown) => unknown];
const entries: Entry[] = [
  ['redactText(text)', (bad) => api.redactText(bad as string)],
  ['redactText(options)', (bad) => api.redactText('Anouk de Wit', bad as never)],
  ['redactText(policy)', (bad) => api.redactText('Anouk de Wit', { policy: bad as never })],
  ['analyze(text)', (bad) => api.analyze(bad as string)],
  ['analyze(options)', (bad) => api.analyze('x', bad as never)],
  ['redactFile(path)', (bad) => api.redactFile(bad as string)],
  ['redactFile(options)', (bad) => api.redactFile(join(input, 'a.txt'), bad as never)],
  ['redactBytes(bytes)', (bad) => api.redactBytes(bad as Uint8Array, 'a.txt')],
  ['redactBytes(path)', (bad) => api.redactBytes(new Uint8Array([65]), bad as string)],
  ['readInput(path)', (bad) => api.readInput(bad as string)],
  ['runPipeline(doc)', (bad) => api.runPipeline(bad as never)],
  ['analyzeDocument(doc)', (bad) => api.analyzeDocument(bad as never)],
  ['runPdfPipeline(bytes)', (bad) => api.runPdfPipeline(bad as Uint8Array, 'x.pdf')],
  ['resolvePolicy', (bad) => api.resolvePolicy(bad as never)],
  ['loadConfig(path)', (bad) => api.loadConfig(bad as string)],
  ['resolveConfig', (bad) => api.resolveConfig(bad as never, root)],
  ['runBatch(options)', (bad) => api.runBatch(bad as never)],
  ['runBatch(inputs)', (bad) => api.runBatch({ inputs: bad as string[], outDir: join(root, 'o1') })],
  // A string is a valid output folder: kept inside the temporary folder, not the working one.
  ['runBatch(outDir)', (bad) => api.runBatch({ inputs: [input], outDir: typeof bad === 'string' && bad !== '' ? join(root, 'o0', bad) : (bad as string) })],
  ['runBatch(jobs)', (bad) => api.runBatch({ inputs: [input], outDir: join(root, 'o2'), jobs: bad as number })],
  ['runBatch(config)', (bad) => api.runBatch({ inputs: [input], outDir: join(root, 'o3'), config: bad as never })],
];

describe('every API entry point, fed wrong types and hostile values', () => {
  it.each(entries)('%s fails with a WooRedactError or succeeds', async (_name, call) => {
    for (const bad of hostileValues) {
      const error = await failure(() => call(bad));
      if (error === undefined) continue; // e.g. undefined options, {} as config: fine.
      expect(error, `${_name} with ${String(typeof bad)}`).toBeInstanceOf(WooRedactError);
      expect((error as WooRedactError).code).toMatch(/^(INVALID_ARGUMENT|CONFIG_INVALID|CONFIG_NOT_FOUND|INPUT_NOT_FOUND|INPUT_UNREADABLE|UNSUPPORTED_TYPE|PDF_DAMAGED|INPUT_EMPTY|USAGE)$/);
      expect((error as Error).message).not.toContain('Anouk');
    }
  });

  it('names the path and what was expected in a bad policy', async () => {
    const error = (await failure(() => api.redactText('x', { policy: { thresholds: { redact: 'hoog' as never } } }))) as api.WooRedactError & { issues: api.ConfigIssue[] };
    expect(error).toBeInstanceOf(WooRedactError);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.issues).toEqual([{ path: 'policy.thresholds.redact', expected: 'number', message: 'policy.thresholds.redact: expected number, received string' }]);
    expect(error.message).toBe('policy is invalid: policy.thresholds.redact: expected number, received string');
  });

  it('wraps what a custom recognizer throws, and refuses a malformed one', async () => {
    const bad = api.defineRecognizer({ id: 'stuk', entity: 'v-number', suggestedGround: '5.1.2e', find: () => { throw new TypeError('intern'); }, examples: [] });
    expect(await failure(() => api.redactText('x', { recognizers: [bad] }))).toMatchObject({ code: 'INTERNAL' });
    const garbage = api.defineRecognizer({ id: 'stuk', entity: 'v-number', suggestedGround: '5.1.2e', find: () => [{ span: { start: -5, end: 1e9 }, confidence: 2 }], examples: [] });
    const error = await failure(() => api.redactText('Anouk de Wit', { recognizers: [garbage] }));
    if (error !== undefined) expect(error).toBeInstanceOf(WooRedactError);
    expect(await failure(() => api.redactText('x', { recognizers: [{ id: 'x' } as never] }))).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/recognizers\[0\]\.entity/) });
  });
});

describe('runBatch under real use', () => {
  it('takes a partial config like redactText takes a policy, and config {}', async () => {
    const out = join(root, 'partial');
    const summary = await api.runBatch({ inputs: [input], outDir: out, jobs: 1, config: { policy: { publicPhoneNumbers: ['070 3707911'] } } });
    expect(summary.totals.ok).toBe(1);
    expect(readFileSync(join(out, 'a.redacted.txt'), 'utf8')).toBe('Bel 070 370 79 11 of [5.1.2e].\n');
    expect((await api.runBatch({ inputs: [input], outDir: join(root, 'empty'), config: {} })).totals.ok).toBe(1);
    await expect(api.runBatch({ inputs: [input], outDir: join(root, 'bad'), config: { policy: { thresholds: { redact: 2 } } } })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      issues: [{ path: 'policy.thresholds.redact', expected: 'at most 1' }],
    });
  });

  it('finishes the batch when onFile throws, and says so with a WooRedactError', async () => {
    const out = join(root, 'callback');
    const error = await failure(() => api.runBatch({ inputs: [input], outDir: out, onFile: () => { throw new Error('host bug'); } }));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(existsSync(join(out, 'a.redacted.txt'))).toBe(true);
    expect(existsSync(join(out, 'publicatie', 'productierapport.csv'))).toBe(true);
  });

  // The built package runs files in worker processes: no input may crash the process or leave a
  // worker that keeps it alive. The child exits on its own (no process.exit) or the test fails.
  it('in worker processes: config {}, bad options and a throwing callback end, and the process exits by itself', async () => {
    const dist = new URL('../dist/index.js', import.meta.url).href;
    const script = `
      import { runBatch, WooRedactError } from ${JSON.stringify(dist)};
      const input = ${JSON.stringify(input)};
      const out = ${JSON.stringify(join(root, 'workers'))};
      const codes = [];
      const ok = await runBatch({ inputs: [input], outDir: out + '1', config: {}, jobs: 2 });
      codes.push(ok.totals.ok);
      for (const options of [
        { inputs: [input], outDir: out + '2', config: { maxSecondsPerFile: -1 } },
        { inputs: [input], outDir: out + '3', jobs: 0.5 },
        { inputs: [input], outDir: out + '4', jobs: 2, onFile: () => { throw new Error('x'); } },
        { inputs: [input], outDir: out + '5', config: { policy: { entities: { person: { action: 'weg' } } } } },
      ]) {
        try { await runBatch(options); codes.push('resolved'); } catch (e) { codes.push(e instanceof WooRedactError ? e.code : 'raw ' + e?.name); }
      }
      console.log(JSON.stringify(codes));
    `;
    const r = await new Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { timeout: 60_000 });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    });
    expect(r.signal, 'the process hung').toBeNull();
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([1, 'CONFIG_INVALID', 'INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'CONFIG_INVALID']);
  });
});
