import { SingleBar } from 'cli-progress';
import type { FileResult } from './batch.js';

/**
 * The terminal progress bar (cli-progress, on stderr): files and pages done, rate, ETA and failures
 * so far. It shows counts only: never a file's content, and file names stay out of it too.
 */
export class ProgressBar {
  readonly #bar: SingleBar;
  #started = false;
  #pages = 0;
  #failed = 0;

  constructor(io: { stderr: (text: string) => void }) {
    this.#bar = new SingleBar(
      {
        format: 'woo-redact |{bar}| {value}/{total} files | {pages} pages | {failed} failed | {rate} files/s | ETA {eta_formatted}',
        // A minimal terminal over the CLI's stderr writer, so tests can capture what it draws.
        stream: {
          write: (t: string) => io.stderr(t),
          isTTY: true,
          columns: 100,
          cursorTo: () => io.stderr('\r'),
          clearLine: () => io.stderr('\x1b[2K'),
          moveCursor: () => true,
        } as unknown as NodeJS.WriteStream,
        hideCursor: false,
        etaBuffer: 50,
        noTTYOutput: false,
      },
    );
  }

  update(done: number, total: number, result: FileResult): void {
    if (!this.#started) {
      this.#bar.start(total, 0, { pages: 0, failed: 0, rate: '0.0' });
      this.#started = true;
      this.#startTime = Date.now();
    }
    if (result.status === 'ok') this.#pages += result.pages;
    if (result.status === 'failed') this.#failed++;
    const seconds = Math.max(0.001, (Date.now() - this.#startTime) / 1000);
    this.#bar.update(done, { pages: this.#pages, failed: this.#failed, rate: (done / seconds).toFixed(1) });
  }

  #startTime = 0;

  stop(): void {
    if (this.#started) this.#bar.stop();
  }
}
