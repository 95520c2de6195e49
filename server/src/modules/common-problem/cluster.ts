// Clusters from similar pairs: the connected components of the graph whose edges are the pairs at or above
// the threshold (single linkage). Pairs are only ever between findings of different units (the SQL that
// finds them says so), so every component spans at least two units. Pure: no database.

export interface SimilarPair {
  a: string;
  b: string;
  similarity: number;
}

export interface Cluster {
  findingIds: string[];
  /** mean similarity of the pairs that joined it */
  cohesion: number;
}

function find(parent: Map<string, string>, x: string): string {
  let root = x;
  for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p;
  // path compression keeps later look-ups flat
  for (let node = x; node !== root; ) {
    const next = parent.get(node) as string;
    parent.set(node, root);
    node = next;
  }
  return root;
}

/** Components of the pairs at or above `threshold`, largest first, each with its members sorted. */
export function clusterPairs(pairs: readonly SimilarPair[], threshold: number): Cluster[] {
  const parent = new Map<string, string>();
  const kept = pairs.filter((p) => p.similarity >= threshold);
  for (const { a, b } of kept) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(parent, a);
    const rb = find(parent, b);
    // the smaller id becomes the root, so the result does not depend on the order of the pairs
    if (ra < rb) parent.set(rb, ra);
    else if (rb < ra) parent.set(ra, rb);
  }
  const members = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(parent, id);
    const list = members.get(root) ?? [];
    list.push(id);
    members.set(root, list);
  }
  const sums = new Map<string, { total: number; n: number }>();
  for (const { a, similarity } of kept) {
    const root = find(parent, a);
    const s = sums.get(root) ?? { total: 0, n: 0 };
    s.total += similarity;
    s.n += 1;
    sums.set(root, s);
  }
  return [...members.entries()]
    .map(([root, ids]) => {
      const s = sums.get(root) ?? { total: 0, n: 1 };
      return { findingIds: ids.sort(), cohesion: s.total / s.n };
    })
    .sort(
      (x, y) =>
        y.findingIds.length - x.findingIds.length ||
        (x.findingIds[0] as string).localeCompare(y.findingIds[0] as string),
    );
}
