import type { PlanModel } from './model.js';

/**
 * What a plan says of itself (Terraform 1.6+ `errored`, 1.8+ `applyable` and `complete`, 1.9+
 * `deferred_changes`), for the report and the gate.
 *
 * - `errored: true`: planning failed; the changes are incomplete and Terraform will not apply the
 *   plan. A plan-level error.
 * - `applyable: false` without `errored`: Terraform found nothing to apply (that is how it marks
 *   a plan without changes). A plan-level error only when the plan still changes resources.
 * - `complete: false`: applying this plan is not the end (changes deferred, or a `-target`
 *   plan); a note lists the deferred changes, and cost totals are partial.
 */
export interface PlanStatus {
  planErrors: string[];
  notes: string[];
  /** The cost totals cover only part of what applying the configuration will do. */
  partial: boolean;
}

/** Deferred changes listed by name in the note; the JSON report lists them all. */
const LISTED = 20;

export function planStatus(model: PlanModel): PlanStatus {
  const { errored, applyable, complete } = model.plan;
  const planErrors: string[] = [];
  const notes: string[] = [];
  const changes = model.resources.some((r) => r.changed);
  if (errored === true) {
    planErrors.push(
      'Terraform reported errors while planning (errored: true): the changes are incomplete and the plan cannot be applied; fix the errors and plan again',
    );
  } else if (applyable === false && changes) {
    planErrors.push(
      'Terraform marked the plan not applyable (applyable: false) although it changes resources: it cannot be applied; plan again',
    );
  } else if (applyable === false) {
    notes.push('Terraform found nothing to apply in this plan (applyable: false)');
  }
  const deferred = model.deferred;
  // An errored plan is incomplete too; its error says so.
  if ((complete === false && errored !== true) || deferred.length > 0) {
    const listed = deferred.slice(0, LISTED).map((d) => `${d.address} (${d.reason})`);
    const more = deferred.length > LISTED ? `, and ${deferred.length - LISTED} more` : '';
    notes.push(
      deferred.length > 0
        ? `the plan is incomplete: Terraform deferred ${deferred.length} change${deferred.length === 1 ? '' : 's'} to a later plan: ${listed.join(', ')}${more}; plan and apply again after applying this one`
        : 'the plan is incomplete (complete: false): it does not cover every resource (a -target plan, or changes deferred); plan and apply again after applying this one',
    );
  }
  return { planErrors, notes, partial: complete === false || errored === true || deferred.length > 0 };
}
