import * as core from '@actions/core';
import type { RawOptions } from '../cli.js';
import { InputError } from '../plan/errors.js';
import { COMMENT_MODES, COMMENT_WHEN, type CommentMode, type CommentWhen } from './sticky.js';

/** The action's inputs (action.yml), read and checked; engine options are checked by the engine's own validator. */
export interface ActionInputs {
  plan: string;
  engine: RawOptions;
  token: string;
  commentMode: CommentMode;
  commentWhen: CommentWhen;
  commentTag: string;
  sarifFile: string;
  prNumber: string;
}

export function readInputs(): ActionInputs {
  // The runner already masks the token (github.token or a secret); it is never written out, not even to mask it.
  const token = core.getInput('github-token');
  return {
    plan: core.getInput('plan', { required: true }),
    engine: {
      region: core.getInput('region'),
      asOf: core.getInput('as-of'),
      tfDir: core.getInput('tf-dir') || process.env.GITHUB_WORKSPACE,
      config: core.getInput('config'),
      failOn: core.getInput('fail-on'),
      maxIncrease: core.getInput('max-increase'),
      maxIncreasePercent: core.getInput('max-increase-percent'),
    },
    token,
    commentMode: oneOf('comment-mode', COMMENT_MODES, 'update'),
    commentWhen: oneOf('comment-when', COMMENT_WHEN, 'changes'),
    commentTag: core.getInput('comment-tag') || 'default',
    sarifFile: core.getInput('sarif-file'),
    prNumber: core.getInput('pr-number'),
  };
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = core.getInput(name) || fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new InputError(undefined, `${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(v).slice(0, 40)}`);
  return v as T;
}
