import type { Rule, RuleResult } from '../../types.js';

/** At most this many selectors per Fargate profile (EKS user guide `fargate-profile`). */
const MAX_SELECTORS = 5;

export const EKS_FARGATE_SELECTORS: Rule = {
  id: 'EKS_FARGATE_SELECTORS',
  severity: 'error',
  title: 'Fargate profile selectors: 1 to 5, each with a namespace',
  types: ['aws_eks_fargate_profile'],
  reads: [],
  check(r) {
    const l = r.current.list('selector');
    if (l.state === 'unknown') return [];
    const n = l.state === 'known' ? l.value.length : 0;
    const out: RuleResult[] = [];
    if (n === 0) {
      out.push({
        path: 'selector',
        message: 'the Fargate profile has no selector; EKS needs 1 to 5 selectors, each naming a namespace (wildcards * and ? are allowed)',
      });
    } else if (n > MAX_SELECTORS) {
      out.push({
        path: `selector[${MAX_SELECTORS}]`,
        message: `the Fargate profile has ${n} selectors; EKS allows at most ${MAX_SELECTORS} per profile: split them over several profiles, or use wildcards (* and ?) in the namespace`,
      });
    }
    for (let i = 0; i < n; i++) {
      const ns = r.current.str(['selector', i, 'namespace']);
      if (ns.state === 'unknown' || (ns.state === 'known' && ns.value !== '')) continue;
      out.push({
        path: `selector[${i}].namespace`,
        message: `selector ${i} has no namespace; every Fargate profile selector must name a namespace (e.g. "default", or a pattern such as "prod-*")`,
      });
    }
    return out;
  },
};
