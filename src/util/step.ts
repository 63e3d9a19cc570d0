/**
 * One pipeline frame for a synchronous format (text) and an asynchronous one (PDF): a stage is a
 * generator that yields the promises it waits for. `runSync` drives a stage that never waits,
 * `runAsync` one that does; the order of stages is written once either way.
 */
export type Step<T> = Generator<Promise<unknown>, T, unknown>;

/** Waits for a promise inside a step: `const x = yield* wait(load())`. */
export function* wait<T>(promise: Promise<T>): Step<T> {
  return (yield promise) as T;
}

/** Drives a step that must not wait; a format that does is a programming error. */
export function runSync<T>(step: Step<T>): T {
  const r = step.next();
  if (!r.done) throw new Error('an asynchronous stage was run synchronously');
  return r.value;
}

export async function runAsync<T>(step: Step<T>): Promise<T> {
  let r = step.next();
  while (!r.done) {
    let value: unknown;
    try {
      value = await r.value;
    } catch (error) {
      r = step.throw(error);
      continue;
    }
    r = step.next(value);
  }
  return r.value;
}
