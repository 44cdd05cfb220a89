import type { AnalysisContext } from '../context.js';
import type { PlanCost } from '../report/schema.js';

/** Monthly cost before and after the plan, per resource. (Estimators come with the cost work.) */
export function estimateCosts(ctx: AnalysisContext): PlanCost | null {
  void ctx;
  return null;
}
