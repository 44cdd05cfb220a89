import limits from '../data/limits.json' with { type: 'json' };

/**
 * Full garbage collections between the phases of a large plan's analysis.
 *
 * V8 collects the old generation only once the heap has grown by a factor of the live size at its
 * last full collection, so on a large plan the garbage of every phase (decoded changes, readings,
 * intermediate rows) piles up until the end of the run: on the bench's 1 GB plan a live set of at
 * most 180 MiB took peak RSS to 400-420 MiB, varying with the machine's load. A collection after
 * each phase keeps the heap near what is live (309 MiB peak on the same plan). Small and medium
 * plans are left to V8: a collection costs a few hundred milliseconds on a heap this size.
 */

let collect: (() => void) | null | undefined;
let done = 0;

/** V8's full collection: `global.gc` when node runs with --expose-gc, otherwise the same function from a fresh context. */
function collector(): (() => void) | null {
  if (collect === undefined) {
    const exposed = (globalThis as { gc?: unknown }).gc;
    if (typeof exposed === 'function') collect = exposed as () => void;
    else {
      try {
        // The flag makes `gc` a global of contexts created after it; the main context is unchanged.
        // node:v8 and node:vm are loaded only here: most runs never collect.
        process.getBuiltinModule('node:v8').setFlagsFromString('--expose-gc');
        const fn: unknown = process.getBuiltinModule('node:vm').runInNewContext('typeof gc === "function" ? gc : undefined');
        collect = typeof fn === 'function' ? (fn as () => void) : null;
      } catch {
        collect = null;
      }
    }
  }
  return collect;
}

/**
 * What the analysis calls between its phases: a full collection when the plan file has at least
 * `thresholdBytes` (src/data/limits.json), nothing otherwise (or when V8 offers no collector).
 */
export function phaseCollector(planBytes: number, thresholdBytes: number = limits.collectBetweenPhasesBytes): () => void {
  if (!(planBytes >= thresholdBytes)) return () => {};
  return () => {
    const fn = collector();
    if (!fn) return;
    fn();
    done++;
  };
}

/** Full collections made between phases in this process (for tests and the benchmark). */
export function phaseCollections(): number {
  return done;
}
