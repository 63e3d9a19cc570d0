// A batch worker process: one task per message (a text file's persons for its folder, a file to
// redact, a file to propose for review), answered with one message, its result.
import { type PersonsTask, personsInFile, processFile, type WorkerTask } from './batch.js';
import { type ProposeTask, proposeFile } from '../review/propose.js';

// This process runs nothing but woo-redact, so it may change its own globals: without
// DecompressionStream, pdf.js inflates with its synchronous decoder instead of Node's web-stream
// zlib, whose per-stream overhead made verification about a fifth slower (measured in bench).
// Library users keep their globals untouched.
Reflect.deleteProperty(globalThis, 'DecompressionStream');

const answer = (result: unknown) => process.send?.(result as never);

process.on('message', (task: WorkerTask | PersonsTask | ProposeTask) => {
  if (task.kind === 'persons') {
    answer(personsInFile(task.path, task.maxBytes));
    return;
  }
  if (task.kind === 'propose') {
    // proposeFile turns every failure into a result.
    void proposeFile(task).then(answer);
    return;
  }
  processFile(task.file, task.knownPersons, task.config, task.options).then(
    answer,
    // The file is named by its safe name, as everywhere: its path may hold a name.
    (error: unknown) => answer({ status: 'failed', input: task.file.names.safe, code: 'INTERNAL', message: `unexpected error (${(error as Error).name})` }),
  );
});

// The batch is gone (it ended, or died): nothing is left to answer to.
process.on('disconnect', () => process.exit(0));
