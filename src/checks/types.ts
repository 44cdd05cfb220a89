import type { AnalysisContext } from '../engine/context.js';
import type { Resource } from '../plan/model.js';
import type { Severity } from '../report/schema.js';

/**
 * One compatibility rule. Each rule lives in its own file under `src/checks/rules/<group>/`,
 * has a stable ID (users' suppressions name it), a default severity, a docs page at
 * `docs/rules/<ID>.md`, and a pure check over the model and graph.
 *
 * A rule that cannot decide because a value is unknown says nothing, or at most returns an
 * `info` finding saying it could not check. It never reports a false error.
 */
export interface Rule {
  id: string;
  /** error: the API rejects it at apply; warning: risky, costly or broken at run time; info: advice. */
  severity: Severity;
  title: string;
  /** Resource types the check runs on (it is called once per resource of these types). */
  types: readonly string[];
  /**
   * What the check reads besides the resources it runs on: `[]` when nothing. Each entry is one of
   * - a resource type (`'aws_iam_role'`): resources of that type, found by type or through the graph;
   * - `'<type> linked'`: resources of that type reached only through graph edges (those nothing
   *   links to are dropped once the graph is built);
   * - `'<type>.<attribute>'`: an attribute that loading drops unless declared (`tags`, `tags_all`).
   * Which types the loader and the model keep is derived from these declarations (src/engine/reads.ts),
   * so a type not declared is not there to read: tests/checks/reads.test.ts fails when a check
   * reads a type it does not declare, or declares nothing.
   */
  reads?: readonly string[];
  check(r: Resource, ctx: AnalysisContext): RuleResult[];
}

/** What a rule returns for one resource. The runner adds ID, address, location, docs, suppression. */
export interface RuleResult {
  message: string;
  /** Attribute path, e.g. `capacity_provider_strategy[0].base`. */
  path?: string;
  /** Overrides the rule's default severity (rules with error/warn variants). */
  severity?: Severity;
  /** Report the finding on another resource than the one checked (e.g. the task definition). */
  resource?: Resource;
}
