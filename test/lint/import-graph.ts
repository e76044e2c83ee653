/** A module graph: each file and the files it imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/**
 * Each cycle of the graph once, as the path that closes it (`a → b → a`): one per strongly
 * connected component (Tarjan), walked from its first file in sorted order.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    const selfLoop = (graph.get(file) ?? []).includes(file);
    if (component.length > 1 || selfLoop) components.push(component.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return components
    .sort((a, b) => a[0]!.localeCompare(b[0]!))
    .map((component) => cyclePath(graph, component));
}

/** A path from the component's first file back to it, through files of the component only. */
function cyclePath(graph: ImportGraph, component: readonly string[]): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const target of graph.get(file) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at = file; at !== start; at = cameFrom.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  return [...component, start];
}

/** The room a file is in: the nearest folder above it that has a face (an index.ts listed in `faces`). */
export function roomOf(file: string, faces: ReadonlySet<string>): string | undefined {
  for (let folder = file.slice(0, file.lastIndexOf('/')); folder.includes('/');) {
    if (faces.has(`${folder}/index.ts`)) return folder;
    folder = folder.slice(0, folder.lastIndexOf('/'));
  }
  return undefined;
}
