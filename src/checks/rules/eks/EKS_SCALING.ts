import type { AnalysisContext } from '../../../engine/context.js';
import type { Resource } from '../../../plan/model.js';
import type { Lookup } from '../../../plan/values.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';

const SC = 'scaling_config[0]';
const known = (l: Lookup<number>): number | undefined => (l.state === 'known' ? l.value : undefined);

/**
 * A node group's scaling config must satisfy min_size <= desired_size <= max_size and
 * max_size >= 1, and update_config.max_unavailable must not exceed max_size. The hidden trap:
 * desired_size is usually in ignore_changes (the cluster autoscaler moves it), so the plan
 * keeps the current desired size; raising min_size above it makes the update fail at apply.
 */
export const EKS_SCALING: Rule = {
  id: 'EKS_SCALING',
  severity: 'error',
  title: 'Node group scaling sizes must be consistent',
  types: ['aws_eks_node_group'],
  reads: [],
  check(ng, ctx) {
    const v = ng.current;
    const minL = v.num(`${SC}.min_size`);
    const maxL = v.num(`${SC}.max_size`);
    const desL = v.num(`${SC}.desired_size`);
    const [min, max, desired] = [known(minL), known(maxL), known(desL)];
    const out: RuleResult[] = [];
    if (max !== undefined && max < 1) {
      out.push({ path: `${SC}.max_size`, message: `max_size ${show(maxL)} is below 1: EKS requires a node group max_size of at least 1` });
    }
    if (min !== undefined && max !== undefined && min > max) {
      out.push({
        path: `${SC}.min_size`,
        message: `min_size ${show(minL)} is greater than max_size ${show(maxL)}: EKS requires min_size <= desired_size <= max_size`,
      });
    }
    if (min !== undefined && desired !== undefined && desired < min) {
      out.push({ path: `${SC}.min_size`, message: belowMin(ng, ctx, minL, desL, min) });
    }
    if (max !== undefined && desired !== undefined && desired > max) {
      out.push({
        path: `${SC}.desired_size`,
        message: `desired_size ${show(desL)} is greater than max_size ${show(maxL)}: EKS requires min_size <= desired_size <= max_size`,
      });
    }
    const muL = v.num('update_config[0].max_unavailable');
    const mu = known(muL);
    if (mu !== undefined && max !== undefined && mu > max) {
      out.push({
        path: 'update_config[0].max_unavailable',
        message: `update_config.max_unavailable ${show(muL)} is greater than max_size ${show(maxL)}: EKS rejects it; use at most ${show(maxL)} or max_unavailable_percentage`,
      });
    }
    return out;
  },
};

/** The message for desired_size < min_size, naming the ignore_changes trap when it applies. */
function belowMin(ng: Resource, ctx: AnalysisContext, minL: Lookup<number>, desL: Lookup<number>, min: number): string {
  const plain = `desired_size ${show(desL)} is below min_size ${show(minL)}: EKS requires min_size <= desired_size <= max_size`;
  if (ng.action !== 'update') return plain;
  const before = ng.before.num(`${SC}.min_size`);
  const beforeDesired = known(ng.before.num(`${SC}.desired_size`));
  const minRaised = before.state === 'known' && min > before.value;
  const desiredKept = beforeDesired !== undefined && beforeDesired === known(desL);
  if (!minRaised || !desiredKept) return plain;
  const ignored = ctx.ignoreChanges(ng);
  const why =
    ignored === undefined
      ? 'desired_size is left at its current value (typically lifecycle.ignore_changes, so the autoscaler owns it)'
      : ignored === 'all' || ignored.some((a) => /^scaling_config(\[0\]\.desired_size|\.0\.desired_size)?$/.test(a.replace(/\s/g, '')))
        ? 'desired_size is in lifecycle.ignore_changes, so the plan keeps its current value'
        : 'desired_size keeps its current value';
  return `min_size is raised from ${show(before)} to ${show(minL)}, above the node group's current desired_size ${show(desL)}: ${why}, and EKS rejects the update (min_size <= desired_size <= max_size); raise desired_size first (aws eks update-nodegroup-config, or temporarily drop it from ignore_changes) or lower min_size`;
}
