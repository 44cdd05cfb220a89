import { describe, expect, expectTypeOf, it } from 'vitest';
import { Pricer, type CostEnv, type Estimator } from '../../src/cost/component.js';
import type { AnalysisContext } from '../../src/engine/context.js';
import type { Rule, RuleResult } from '../../src/checks/types.js';
import type { Resource } from '../../src/plan/model.js';
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

describe('what an estimator and a rule see', () => {
  it('is plain TypeScript: no text table, interner or settling in the estimator env, the Pricer or the rule API', () => {
    // Type-level (npm run typecheck): none of these carries the report's text handling.
    expectTypeOf<CostEnv>().not.toHaveProperty('texts');
    expectTypeOf<AnalysisContext>().not.toHaveProperty('texts');
    expectTypeOf<Pricer>().not.toHaveProperty('texts');
    expectTypeOf<Parameters<Rule['check']>>().toEqualTypeOf<[Resource, AnalysisContext]>();
    expectTypeOf<RuleResult['message']>().toEqualTypeOf<string>();

    const plan = validatePlan(
      't.json',
      JSON.parse(JSON.stringify(buildPlan([{ address: 'aws_eks_cluster.a', after: { name: 'a', version: '1.33' } }]))),
    );
    const ctx = testContext(buildModel(plan, { types: TYPE_TABLES }));
    const seen: CostEnv[] = [];
    const spy: Estimator = (r, env) => {
      seen.push(env);
      return ESTIMATORS.aws_eks_cluster!(r, env);
    };
    const cost = estimateCosts(ctx, undefined, { aws_eks_cluster: spy })!;
    expect(seen).toHaveLength(1);
    expect(Object.keys(seen[0]!).sort()).toEqual([
      'asOf',
      'graph',
      'model',
      'priceOrigins',
      'prices',
      'settings',
      'side',
      'spotDiscountPercent',
    ]);
    expect(Object.getOwnPropertyNames(Pricer.prototype).sort()).toEqual(['component', 'constructor', 'price']);
    // A component is what the estimator named it: the report's texts are settled after the estimator returns.
    const p = new Pricer(seen[0]!, 'us-east-1');
    const n = 2;
    const c = p.component(`control plane × ${n}`, 'cluster-hours', 730, 'eks/cluster-hour');
    expect(c).toMatchObject({ name: 'control plane × 2', unit: 'cluster-hours', quantity: 730, unitPrice: 0.1 });
    expect(cost.resources[0]!.components[0]).toMatchObject({ unit: 'cluster-hours', unitPrice: 0.1 });
  });
});
