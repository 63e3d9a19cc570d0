// A batch worker thread: one task per message (a text file's persons for its folder, or a file to
// redact), answered with the persons or the FileResult.
import { parentPort } from 'node:worker_threads';
import { type PersonsTask, personsInFile, processFile, type WorkerTask } from './batch.js';
import { type ProposeTask, proposeFile } from '../review/propose.js';

// This thread runs nothing but woo-redact, so it may change its own globals: without
// DecompressionStream, pdf.js inflates with its synchronous decoder instead of Node's web-stream
// zlib, whose per-stream overhead made verification about a fifth slower (measured in bench).
// Library users keep their globals untouched.
Reflect.deleteProperty(globalThis, 'DecompressionStream');

parentPort?.on('message', (task: WorkerTask | PersonsTask | ProposeTask) => {
  if (task.kind === 'persons') {
    parentPort?.postMessage(personsInFile(task.path, task.maxBytes));
    return;
  }
  if (task.kind === 'propose') {
    // proposeFile turns every failure into a result.
    void proposeFile(task).then((result) => parentPort?.postMessage(result));
    return;
  }
  processFile(task.file, task.knownPersons, task.config, task.options).then(
    (result) => parentPort?.postMessage(result),
    // The file is named by its safe name, as everywhere: its path may hold a name.
    (error: unknown) => parentPort?.postMessage({ status: 'failed', input: task.file.names.safe, code: 'INTERNAL', message: `unexpected error (${(error as Error).name})` }),
  );
});
