import { describe, expect, it } from 'vitest';
import type { Estimator } from '../../src/cost/component.js';
import { ESTIMATORS, estimateCosts } from '../../src/cost/index.js';
import { validatePlan } from '../../src/plan/load.js';
import { buildModel } from '../../src/plan/model.js';
import { TYPE_TABLES } from '../../src/engine/reads.js';
import { buildPlan } from '../helpers/plan.js';
import { testContext } from '../helpers/context.js';

describe('an estimator that throws', () => {
  it('becomes a note on that resource, with its cost unknown; the other resources are priced', () => {
    const plan = validatePlan(
      't.json',
      JSON.parse(
        JSON.stringify(
          buildPlan([
            { address: 'aws_eks_cluster.a', after: { name: 'a', version: '1.33' } },
            { address: 'aws_eks_cluster.b', after: { name: 'b', version: '1.33' } },
          ]),
        ),
      ),
    );
    const model = buildModel(plan, { types: TYPE_TABLES });
    const ctx = testContext(model);
    const real = ESTIMATORS.aws_eks_cluster!;
    const flaky: Estimator = (r, env) => {
      if (r.name === 'a') throw new TypeError("Cannot read properties of undefined (reading 'x')\n    at stack line");
      return real(r, env);
    };
    const cost = estimateCosts(ctx, undefined, { aws_eks_cluster: flaky })!;
    const a = cost.resources.find((r) => r.address === 'aws_eks_cluster.a')!;
    const b = cost.resources.find((r) => r.address === 'aws_eks_cluster.b')!;
    expect(a.monthlyAfter).toBeNull();
    expect(a.notes).toEqual(["its cost could not be estimated: TypeError: Cannot read properties of undefined (reading 'x')"]);
    expect(b.monthlyAfter).toBeGreaterThan(0);
    expect(cost.monthlyAfter).toBeNull();
  });
});
