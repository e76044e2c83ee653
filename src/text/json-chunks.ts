// JSON written as it is made (so a 20,000-file run keeps its memory bounded): a report of 20,000 files is never one
// 16 MB string. Pure; used by the pin report and the scan report alike.

/** Entries a chunk: big enough to keep writes few, small enough that a chunk is a few hundred kB. */
const entriesPerChunk = 1000;

/** `prefix` then a JSON array of `toJson(entry)`, a chunk per `entriesPerChunk` entries. */
export function* jsonArrayChunks<T>(
  prefix: string,
  entries: readonly T[],
  toJson: (entry: T) => unknown,
): Generator<string> {
  let chunk = `${prefix}[`;
  for (let start = 0; start < entries.length; start += entriesPerChunk) {
    const parts: string[] = [];
    for (const entry of entries.slice(start, start + entriesPerChunk))
      parts.push(JSON.stringify(toJson(entry)));
    yield `${chunk}${start === 0 ? '' : ','}${parts.join(',')}`;
    chunk = '';
  }
  yield `${chunk}]`;
}
