/**
 * A context that records which resource types a check or an estimator reads, to hold them to
 * their declarations (`reads`). A reader reaches other resources only through the model and the
 * graph: the model's indexes record the types asked for or handed out, the graph records the
 * types of the resources its edges lead to.
 */
import type { ResourceGraph } from '../../src/plan/graph.js';
import { parseRead, type PlanModel, type Resource } from '../../src/plan/model.js';

export interface ReadLog {
  /** Types read from the model (by type, address or a list of all resources). */
  byModel: Set<string>;
  /** Types reached through graph edges. */
  linked: Set<string>;
}

export const newLog = (): ReadLog => ({ byModel: new Set(), linked: new Set() });

function isResource(x: unknown): x is Resource {
  return x !== null && typeof x === 'object' && typeof (x as Resource).type === 'string' && 'current' in x;
}

function noteResources(x: unknown, into: Set<string>): void {
  if (isResource(x)) into.add(x.type);
  else if (Array.isArray(x)) for (const e of x) noteResources(e, into);
  else if (x !== null && typeof x === 'object' && 'to' in x && 'from' in x) {
    noteResources((x as { to: unknown }).to, into);
    noteResources((x as { from: unknown }).from, into);
  }
}

/** A map whose reads record the resources they give (and, for `byType`, the type asked for). */
function recordingMap<K, V>(m: Map<K, V>, into: Set<string>, keysAreTypes: boolean): Map<K, V> {
  return new Proxy(m, {
    get(target, prop) {
      if (prop === 'get' || prop === 'has')
        return (k: K) => {
          if (keysAreTypes && typeof k === 'string') into.add(k);
          const v = target.get(k);
          noteResources(v, into);
          return prop === 'get' ? v : target.has(k);
        };
      if (prop === 'size') return target.size;
      const v = Reflect.get(target, prop, target) as unknown;
      if (typeof v !== 'function') return v;
      // entries, values, forEach, keys, iteration: everything in it is read.
      for (const [k, val] of target) {
        if (keysAreTypes && typeof k === 'string') into.add(k);
        noteResources(val, into);
      }
      return (v as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

export function recordingModel(model: PlanModel, log: ReadLog): PlanModel {
  const maps = {
    byType: recordingMap(model.byType, log.byModel, true),
    byAddress: recordingMap(model.byAddress, log.byModel, false),
    byConfigAddress: recordingMap(model.byConfigAddress, log.byModel, false),
    byBaseAddress: recordingMap(model.byBaseAddress, log.byModel, false),
  };
  return new Proxy(model, {
    get(target, prop) {
      if (prop in maps) return maps[prop as keyof typeof maps];
      if (prop === 'resources') noteResources(target.resources, log.byModel);
      return Reflect.get(target, prop, target) as unknown;
    },
  });
}

export function recordingGraph<G extends ResourceGraph>(graph: G, log: ReadLog): G {
  return new Proxy(graph, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (prop === 'edges') noteResources(v, log.linked);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        // `in(r, kind, fromType)` reads resources of `fromType`, whether or not any is there.
        if (prop === 'in' && typeof args[2] === 'string') log.linked.add(args[2]);
        const out = (v as (...a: unknown[]) => unknown).apply(target, args);
        noteResources(out, log.linked);
        return out;
      };
    },
  });
}

/**
 * What a reader read that it did not declare: one line each, empty when none. `own`: the types it
 * runs on (always allowed).
 */
export function undeclaredReads(name: string, own: readonly string[], reads: readonly string[] | undefined, log: ReadLog): string[] {
  const declared = (reads ?? []).map(parseRead).filter((r) => r !== undefined && r.attribute === undefined);
  const any = new Set(declared.filter((r) => !r!.linked).map((r) => r!.type));
  const linked = new Set(declared.filter((r) => r!.linked).map((r) => r!.type));
  const problems: string[] = [];
  const hint = reads === undefined ? ' (it declares nothing: add `reads: [...]`)' : '';
  for (const t of log.byModel) {
    if (own.includes(t) || any.has(t)) continue;
    problems.push(
      linked.has(t)
        ? `${name} reads ${t} from the model, but declares it '${t} linked' (through graph edges only): declare '${t}'`
        : `${name} reads ${t} but does not declare it in \`reads\`${hint}`,
    );
  }
  for (const t of log.linked) {
    if (own.includes(t) || any.has(t) || linked.has(t) || log.byModel.has(t)) continue;
    problems.push(`${name} reads ${t} through the graph but does not declare it in \`reads\`${hint}`);
  }
  return problems;
}
