import * as core from '@actions/core';
import type { RawOptions } from '../engine/options.js';
import { InputError } from '../plan/errors.js';
import { COMMENT_MODES, COMMENT_WHEN, type CommentMode, type CommentWhen } from '../github/sticky.js';

/** The action's inputs (action.yml), read and checked; engine options are checked by the engine's own validator. */
export interface ActionInputs {
  /** Plan files to analyse, or (`reports`) JSON reports of other runs to merge: exactly one is set. */
  plan: string;
  reports: string;
  /** Labels this run's plan in a merged report (`plans[].name`). */
  stackName: string;
  engine: RawOptions;
  token: string;
  commentMode: CommentMode;
  commentWhen: CommentWhen;
  commentTag: string;
  /** The login the token writes comments as; empty: learned from the token. */
  commentAuthor: string;
  sarifFile: string;
  prNumber: string;
}

export function readInputs(): ActionInputs {
  // The runner already masks the token (github.token or a secret); it is never written out, not even to mask it.
  const token = core.getInput('github-token');
  const plan = core.getInput('plan');
  const reports = core.getInput('reports');
  const stackName = core.getInput('stack-name');
  if (plan && reports)
    throw new InputError(
      undefined,
      'give plan or reports, not both: plan analyses plan files, reports merges the JSON reports of other runs',
    );
  if (!plan && !reports)
    throw new InputError(undefined, 'give plan (plan JSON files to check) or reports (JSON reports of other runs to merge)');
  if (reports && stackName)
    throw new InputError(
      undefined,
      'stack-name goes with plan, not reports: the merged reports keep the stack names they were written with',
    );
  return {
    plan,
    reports,
    stackName,
    engine: {
      region: core.getInput('region'),
      asOf: core.getInput('as-of'),
      tfDir: core.getInput('tf-dir') || process.env.GITHUB_WORKSPACE,
      config: core.getInput('config'),
      failOn: core.getInput('fail-on'),
      maxIncrease: core.getInput('max-increase'),
      maxIncreasePercent: core.getInput('max-increase-percent'),
      unpriced: core.getInput('unpriced'),
      prices: core.getInput('prices'),
      priceCache: core.getInput('price-cache'),
    },
    token,
    commentMode: oneOf('comment-mode', COMMENT_MODES, 'update'),
    commentWhen: oneOf('comment-when', COMMENT_WHEN, 'changes'),
    commentTag: core.getInput('comment-tag') || 'default',
    commentAuthor: core.getInput('comment-author').replace(/^@/, ''),
    sarifFile: core.getInput('sarif-file'),
    prNumber: core.getInput('pr-number'),
  };
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = core.getInput(name) || fallback;
  if (!(allowed as readonly string[]).includes(v))
    throw new InputError(undefined, `${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(v).slice(0, 40)}`);
  return v as T;
}
