import type { EngineOptions } from './context.js';
import { usd } from '../report/format.js';
import type { Gate, PlanReport, Report } from '../report/schema.js';
import { planLabel } from '../report/tally.js';

/**
 * The pass/fail decision. Only active (not suppressed) findings on resources this plan changes
 * can fail it; findings on unchanged resources are reported as existing and never gate.
 */
export function computeGate(plans: readonly PlanReport[], cost: Report['cost'], options: EngineOptions): Gate {
  const reasons: string[] = [];
  const gateWarnings: string[] = [];
  const bad = plans.filter((p) => p.error !== null).length;
  if (bad > 0) reasons.push(`${bad} plan${bad === 1 ? '' : 's'} could not be read`);
  // A plan that reports it cannot be applied fails, whatever its findings.
  for (const p of plans) for (const e of p.planErrors ?? []) reasons.push(`${planLabel(p)}: ${e}`);
  const gating = plans.flatMap((p) => p.findings).filter((f) => !f.suppressed && !f.existing);
  const errors = gating.filter((f) => f.severity === 'error').length;
  const warnings = gating.filter((f) => f.severity === 'warning').length;
  if (options.failOn !== 'never' && errors > 0) reasons.push(`${errors} error${errors === 1 ? '' : 's'} on changed resources`);
  if (options.failOn === 'warning' && warnings > 0) reasons.push(`${warnings} warning${warnings === 1 ? '' : 's'} on changed resources`);
  if (cost && cost.monthlyDelta !== null && !Number.isFinite(cost.monthlyDelta)) {
    // An infinite or not-a-number delta is never a pass, whatever the limits.
    reasons.push('the monthly cost delta is not a finite number, so the cost cannot be checked');
  } else if (cost && cost.monthlyDelta !== null) {
    const d = cost.monthlyDelta;
    if (options.maxIncrease !== undefined && d > options.maxIncrease) {
      reasons.push(`${usd(d, { sign: true })}/month exceeds max-increase ${usd(options.maxIncrease)}`);
    }
    if (options.maxIncreasePercent !== undefined && cost.monthlyBefore !== null) {
      const pct = cost.monthlyBefore === 0 ? (d > 0 ? Infinity : 0) : (d / cost.monthlyBefore) * 100;
      if (pct > options.maxIncreasePercent) {
        reasons.push(
          `${Number.isFinite(pct) ? `+${pct.toFixed(1)}%` : 'an increase from $0'} exceeds max-increase-percent ${options.maxIncreasePercent}%`,
        );
      }
    }
  } else if (cost && (options.maxIncrease !== undefined || options.maxIncreasePercent !== undefined)) {
    // An unknown delta (an unpriced item, an unknown count) fails a cost limit unless told otherwise.
    const unknown = 'the monthly cost delta is unknown, so the cost limit cannot be checked';
    if ((options.unpriced ?? 'fail') === 'fail') reasons.push(unknown);
    else if (options.unpriced === 'warn') gateWarnings.push(`${unknown} (unpriced: warn)`);
  }
  return { passed: reasons.length === 0, reasons, ...(gateWarnings.length > 0 ? { warnings: gateWarnings } : {}) };
}
