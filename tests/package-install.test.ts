import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The package as a user gets it: `npm pack` of a checkout without dist/ (prepack must build it),
// the tarball installed into a fresh project, then used as documented.
const repo = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const root = mkdtempSync(join(tmpdir(), 'woo-pack-'));
// An installed project is thousands of files: removed asynchronously, with time to spare.
afterAll(() => rm(root, { recursive: true, force: true }), 120_000);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NETWORK = /E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH|HOSTUNREACH)|network|offline/i;

// Asynchronous: a synchronous child would block this test worker's event loop for the whole
// pack and install, and vitest's own messages to it would time out.
function run(cmd: string, args: string[], cwd: string): Promise<{ status: number; out: string; stdout: string }> {
  // npm_config_* of an enclosing `npm test` (--silent, say) must not change how npm runs here.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, timeout: 240_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (error) => resolve({ status: -1, stdout, out: `${stdout}${stderr}${error.message}` }));
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, out: `${stdout}${stderr}` }));
  });
}

describe('the packed package', () => {
  it('builds on pack, installs from its tarball, and runs as ESM, CommonJS, CLI and under tsc --strict', { timeout: 300_000 }, async (ctx) => {
    // A clean checkout: sources and build files only, no dist/.
    const src = join(root, 'checkout');
    mkdirSync(src);
    for (const f of ['package.json', 'tsconfig.json', 'tsup.config.ts', 'src', 'scripts', 'bin', 'schema', 'licenses', 'LICENSE', 'NOTICE.md', 'README.md']) {
      cpSync(join(repo, f), join(src, f), { recursive: true });
    }
    symlinkSync(join(repo, 'node_modules'), join(src, 'node_modules'), 'dir');
    expect(existsSync(join(src, 'dist'))).toBe(false);
    const packed = await run(npm, ['pack', '--json', '--pack-destination', root], src);
    expect(packed.status, packed.out).toBe(0);
    const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('\n[') + 1)) as { filename: string; files: { path: string }[] }[];
    const shipped = info[0]?.files.map((f) => f.path) ?? [];
    for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js', 'dist/worker.js', 'dist/review-screen/client.js', 'dist/review-screen/pdf.worker.js', 'bin/woo-redact.mjs', 'LICENSE', 'schema/inventory-row.schema.json']) {
      expect(shipped, f).toContain(f);
    }
    expect(shipped.some((f) => f.startsWith('src/') || f.startsWith('tests/'))).toBe(false);
    const tarball = join(root, info[0]?.filename as string);

    // A consumer project; dependencies come from the npm cache or the registry.
    const app = join(root, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    const installed = await run(npm, ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
    if (installed.status !== 0 && NETWORK.test(installed.out)) {
      ctx.skip(`npm registry unreachable, the install test cannot run: ${installed.out.split('\n').find((l) => NETWORK.test(l))}`);
    }
    expect(installed.status, installed.out).toBe(0);

    const version = await run('npx', ['woo-redact', '--version'], app);
    expect(version.stdout.trim()).toBe(pkg.version);

    const text = 'Contactpersoon\\nAnouk de Wit\\n';
    writeFileSync(
      join(app, 'esm.mjs'),
      `import { redactText, WooRedactError } from 'woo-redact';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const schemas = ['manifest', 'config', 'inventory-row'].map((n) => require('woo-redact/' + n + '.schema.json').type);
let code;
try { redactText('x', { policy: { thresholds: { redact: 'hoog' } } }); } catch (e) { code = e instanceof WooRedactError && e.code; }
console.log(JSON.stringify({ text: redactText('${text}').text, schemas, code }));
`,
    );
    const esm = await run(process.execPath, ['esm.mjs'], app);
    expect(esm.status, esm.out).toBe(0);
    expect(JSON.parse(esm.stdout)).toEqual({ text: 'Contactpersoon\n[5.1.2e]\n', schemas: ['object', 'object', 'object'], code: 'CONFIG_INVALID' });

    writeFileSync(
      join(app, 'cjs.cjs'),
      `const { redactText, TOOL_VERSION } = require('woo-redact');
const schema = require('woo-redact/inventory-row.schema.json');
// The README also names them by their path in the package.
for (const n of ['manifest', 'config', 'inventory-row']) if (require('woo-redact/schema/' + n + '.schema.json').type !== 'object') throw new Error(n);
console.log(JSON.stringify({ text: redactText('${text}').text, version: TOOL_VERSION, schema: schema.type }));
`,
    );
    const cjs = await run(process.execPath, ['cjs.cjs'], app);
    expect(cjs.status, cjs.out).toBe(0);
    expect(JSON.parse(cjs.stdout)).toEqual({ text: 'Contactpersoon\n[5.1.2e]\n', version: pkg.version, schema: 'object' });

    // A typed consumer, as ESM and as CommonJS (each resolves its own .d.ts / .d.cts).
    const consumer = `import { redactText, runBatch, isWooRedactError, type FileResult, type WooErrorCode, type BatchSummary } from 'woo-redact';
export const text: string = redactText('Anouk de Wit', { policy: { publicPhoneNumbers: ['070 370 79 11'] } }).text;
export async function batch(): Promise<BatchSummary> {
  return runBatch({ inputs: ['in'], outDir: 'out', config: { policy: { publicPhoneNumbers: ['070 370 79 11'] } } });
}
export function codeOf(r: FileResult): WooErrorCode | undefined {
  return r.status === 'failed' ? r.code : undefined;
}
export function check(e: unknown): string {
  return isWooRedactError(e) ? e.code : 'other';
}
`;
    writeFileSync(join(app, 'consumer.mts'), consumer);
    writeFileSync(join(app, 'consumer.cts'), consumer);
    const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
    const typed = await run(
      process.execPath,
      [tsc, '--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--typeRoots', join(repo, 'node_modules', '@types'), '--types', 'node', 'consumer.mts', 'consumer.cts'],
      app,
    );
    expect(typed.status, typed.out).toBe(0);
    // And a consumer error is caught: the type check is not vacuous.
    writeFileSync(join(app, 'wrong.mts'), `import { redactText } from 'woo-redact';\nexport const n: number = redactText('x').text;\n`);
    const wrong = await run(process.execPath, [tsc, '--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--typeRoots', join(repo, 'node_modules', '@types'), '--types', 'node', 'wrong.mts'], app);
    expect(wrong.status).not.toBe(0);
    expect(wrong.out).toMatch(/TS2322/);
  });
});
