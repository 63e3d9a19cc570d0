import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

/** The compiled worker beside this module (dist/worker.js); absent when running from sources. */
export function workerScript(): URL | undefined {
  try {
    const url = new URL('./worker.js', import.meta.url);
    return existsSync(fileURLToPath(url)) ? url : undefined;
  } catch {
    return undefined;
  }
}

export function defaultJobs(): number {
  return Math.max(1, cpus().length);
}

/**
 * The host's Node options for a worker, without those that only make sense for the host's own
 * entry (`node --input-type=module -e ...`: a worker given --input-type fails to start) or
 * process: a worker given the host's --inspect would fight it for the port, and with
 * --inspect-brk wait for a debugger until its file timed out.
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i] as string;
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print' || a === '--input-type') {
      i++;
      continue;
    }
    if (a.startsWith('--input-type=') || a.startsWith('--eval=') || a.startsWith('--print=')) continue;
    if (/^--(inspect|debug)(-brk|-port|-wait)?(=|$)/.test(a)) continue;
    out.push(a);
  }
  return out;
}

/** Why a task has no result of its own: it ran too long, or its worker died (out of memory, say). */
export type TaskFailure = { readonly kind: 'timeout' } | { readonly kind: 'crash'; readonly outOfMemory: boolean };

/**
 * glibc's malloc for a worker process. A worker's big buffers (a 300 dpi page decoded is 26 MB,
 * its grey copy and the OCR engine's 9 MB each) are mmapped at first, but each one freed raises
 * glibc's mmap threshold to its size, so the next pages' buffers come from the heap and its
 * per-thread arenas, which keep what was freed: on a two-page scan 90-110 MB more at the peak
 * (woo-redact alone on woo-17 of real-pdf: 377 MB, with these 271 MB; CPU the same). A fixed
 * threshold keeps big buffers mmapped (returned when freed), two arenas keep the threads' garbage
 * in few places. glibc reads these only at start-up, hence worker processes; the variables are
 * ignored elsewhere (musl, macOS, Windows), and the user's own settings win.
 */
export function workerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', ...env };
}

/**
 * V8 flags of a worker process. WebAssembly is compiled by the optimising compiler only, not first
 * by the baseline compiler (Liftoff) and then again where it runs hot: the OCR engine's module is
 * 2.8 MB of WebAssembly, and holding both kinds of its code cost 25-45 MB at the peak of a scan
 * (woo-16 of real-pdf, worker settings otherwise: 291-313 -> 264-266 MB; woo-07 281-284 ->
 * 255-263). It costs about 0.2 CPU s and 0.8 s of waiting once per worker, when its engine starts
 * (the engine then stays for the worker's next scans). A host's own choice (--liftoff) wins.
 */
export function workerV8Flags(execArgv: readonly string[]): string[] {
  return execArgv.some((a) => a === '--liftoff' || a === '--no-liftoff') ? [] : ['--no-liftoff'];
}

/** What a dying V8 prints on stderr when the heap is full (the process aborts after it). */
const OUT_OF_MEMORY = /JavaScript heap out of memory|Allocation failed/;
/** The tail of a worker's stderr kept to tell why it died; nothing of it is shown. */
const STDERR_TAIL = 4096;

interface WorkerProcess {
  readonly child: ChildProcess;
  /** The end of its stderr (for the reason of a crash only: it may hold a file's text). */
  stderr: string;
}

function startWorker(script: URL): WorkerProcess {
  // A fresh process per worker (not a thread): its own malloc settings, and a crash of native
  // code (an image decoder, the OCR engine) takes only it down. Messages are structured clones
  // ("advanced" serialisation), as between threads.
  const execArgv = workerExecArgv();
  const child = fork(fileURLToPath(script), [], { execArgv: [...execArgv, ...workerV8Flags(execArgv)], env: workerEnv(), serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const w: WorkerProcess = { child, stderr: '' };
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    w.stderr = (w.stderr + chunk).slice(-STDERR_TAIL);
  });
  return w;
}

/**
 * An idle worker does not keep the host alive (a host that never closes its pool still exits);
 * a busy one, or one being stopped, does: its answer or its exit is awaited.
 */
function setBusy(w: WorkerProcess, busy: boolean): void {
  type Handle = { ref(): void; unref(): void };
  // The stderr pipe is a socket (ref and unref), typed as a plain stream.
  const handles = [w.child, w.child.channel, w.child.stderr] as (Handle | null | undefined)[];
  for (const handle of handles) {
    if (busy) handle?.ref();
    else handle?.unref();
  }
}

function alive(w: WorkerProcess): boolean {
  return w.child.exitCode === null && w.child.signalCode === null && w.child.connected;
}

function stop(w: WorkerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const { child } = w;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  setBusy(w, true);
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/**
 * Up to `jobs` worker processes, kept between runs (a batch has two passes, and a worker costs
 * half a second to start). Each run's results keep the order of its tasks whatever order they
 * finish in. A task that runs longer than `timeoutMs` has its worker killed, and a task whose
 * worker dies takes only itself down: both get `onFailure`'s result, and a fresh worker takes
 * the place. The worker script answers each message (a task) with one message (its result).
 */
export class WorkerPool {
  readonly #idle: WorkerProcess[] = [];

  constructor(
    private readonly script: URL,
    private readonly jobs: number,
    private readonly timeoutMs: number,
  ) {}

  async run<T, R>(tasks: readonly T[], onFailure: (task: T, failure: TaskFailure) => R, onResult: (index: number, result: R) => void = () => undefined): Promise<R[]> {
    const results = new Array<R>(tasks.length);
    let next = 0;
    const runWorker = async (): Promise<void> => {
      let worker: WorkerProcess | undefined = this.#idle.pop();
      try {
        while (next < tasks.length) {
          const index = next++;
          const task = tasks[index] as T;
          // An idle worker that died since its last answer is replaced, not handed the task.
          if (worker && !alive(worker)) worker = undefined;
          worker ??= startWorker(this.script);
          const w = worker;
          setBusy(w, true);
          const result = await new Promise<R>((resolve) => {
            let settled = false;
            const settle = () => {
              clearTimeout(timer);
              w.child.off('message', onMessage);
              w.child.off('exit', onExit);
              w.child.off('error', onError);
            };
            const onMessage = (message: unknown) => {
              settled = true;
              settle();
              resolve(message as R);
            };
            const died = (failure: TaskFailure) => {
              // Once: a failed send reports both through its callback and as an 'error' event.
              if (settled) return;
              settled = true;
              settle();
              void stop(w, 'SIGKILL');
              worker = undefined;
              resolve(onFailure(task, failure));
            };
            const onExit = () => died({ kind: 'crash', outOfMemory: OUT_OF_MEMORY.test(w.stderr) });
            // The process could not be started or sent to (it died under the message).
            const onError = () => died({ kind: 'crash', outOfMemory: false });
            const timer = setTimeout(() => died({ kind: 'timeout' }), this.timeoutMs);
            w.child.on('message', onMessage);
            w.child.on('exit', onExit);
            w.child.on('error', onError);
            w.child.send(task as never, (error) => {
              if (error) onError();
            });
          });
          results[index] = result;
          onResult(index, result);
        }
      } finally {
        if (worker) {
          setBusy(worker, false);
          this.#idle.push(worker);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.jobs, tasks.length) }, runWorker));
    return results;
  }

  /** Stops the workers; the pool can run again afterwards (it starts new ones). */
  async close(): Promise<void> {
    await Promise.all(this.#idle.splice(0).map((w) => stop(w)));
  }
}
