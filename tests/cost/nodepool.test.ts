import { describe, expect, it } from 'vitest';
import { HOURS_PER_MONTH } from '../../src/cost/component.js';
import { priceBook } from '../../src/cost/prices.js';
import { quantity } from '../../src/cost/resources/kubernetes_manifest.js';
import { validatePlan } from '../../src/plan/load.js';
import { buildModel } from '../../src/plan/model.js';
import { buildPlan, type ResSpec } from '../helpers/plan.js';
import { estimate, resource } from './helpers.js';

const book = priceBook(undefined);
const hourly = (type: string): number => {
  const p = book.get('us-east-1', `ec2/${type}/hour`);
  if (!p) throw new Error(`no ec2/${type}/hour in the snapshot`);
  return p.usd;
};

const nodePool = (spec: Record<string, unknown>, kind = 'NodePool', apiVersion = 'karpenter.sh/v1'): ResSpec => ({
  address: 'kubernetes_manifest.general',
  after: { manifest: { apiVersion, kind, metadata: { name: 'general' }, spec }, computed_fields: null, wait_for: null },
  unknown: { object: true },
});

const template = (requirements: unknown[]) => ({
  spec: { nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'default' }, requirements },
});

const TYPES = { key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['m5.large', 'm5.xlarge', 'c5.large'] };

describe('Karpenter NodePool ceilings', () => {
  it('bounds the NodePool by its limits × the highest price per vCPU or GiB among the allowed types, the lower of the two', () => {
    const c = estimate([nodePool({ limits: { cpu: '100', memory: '1000Gi' }, template: template([TYPES]) })]);
    const r = resource(c, 'kubernetes_manifest.general');
    const perVcpu = Math.max(hourly('m5.large') / 2, hourly('m5.xlarge') / 4, hourly('c5.large') / 2);
    const perGiB = Math.max(hourly('m5.large') / 8, hourly('m5.xlarge') / 16, hourly('c5.large') / 4);
    const ceiling = Math.min(100 * perVcpu, 1000 * perGiB) * HOURS_PER_MONTH;
    expect(r.usageBased).toBe(true);
    expect(r.monthlyAfter).toBeNull();
    expect(r.min).toBe(0);
    expect(r.max).toBeCloseTo(ceiling, 9);
    expect(r.description).toContain('NodePool "general": usage-based, at most $');
    expect(r.notes?.some((n) => n.startsWith('cpu limit 100 vCPU × '))).toBe(true);
    // Usage-based lines stay out of the totals.
    expect(c.max).toBe(0);
  });

  it('prices at the Spot estimate when the requirements allow only Spot', () => {
    const od = resource(estimate([nodePool({ limits: { cpu: '100' }, template: template([TYPES]) })]), 'kubernetes_manifest.general');
    const spot = resource(
      estimate([
        nodePool({
          limits: { cpu: '100' },
          template: template([TYPES, { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] }]),
        }),
      ]),
      'kubernetes_manifest.general',
    );
    expect(spot.max).toBeCloseTo(od.max! * 0.3, 9);
    // Spot and on-demand allowed: the ceiling is on-demand's.
    const both = resource(
      estimate([
        nodePool({
          limits: { cpu: '100' },
          template: template([TYPES, { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] }]),
        }),
      ]),
      'kubernetes_manifest.general',
    );
    expect(both.max).toBeCloseTo(od.max!, 9);
  });

  it('narrows by family, category and architecture', () => {
    const arm = resource(
      estimate([
        nodePool({
          limits: { cpu: '10' },
          template: template([
            { key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['m6g', 'm5'] },
            { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
          ]),
        }),
      ]),
      'kubernetes_manifest.general',
    );
    expect(arm.notes?.join('\n')).toMatch(/\(m6g\.[a-z0-9]+, the highest on-demand price per vCPU/);
  });

  it('has no ceiling without limits, and says so', () => {
    const r = resource(estimate([nodePool({ template: template([TYPES]) })]), 'kubernetes_manifest.general');
    expect(r.usageBased).toBe(true);
    expect(r.max).toBeNull();
    expect(r.notes?.join('\n')).toContain('spec.limits sets no cpu or memory limit');
  });

  it('models kubernetes_manifest only for karpenter.sh NodePools; a Karpenter Helm release gets a note', () => {
    const plan = (resources: ResSpec[]) => buildModel(validatePlan('test.json', JSON.parse(JSON.stringify(buildPlan(resources)))));
    expect(plan([nodePool({}, 'ConfigMap', 'v1')]).resources).toEqual([]);
    expect(plan([nodePool({}, 'NodePool', 'example.com/v1')]).resources).toEqual([]);
    expect(plan([nodePool({}, 'NodePool', 'karpenter.sh/v1beta1')]).resources.map((r) => r.address)).toEqual([
      'kubernetes_manifest.general',
    ]);
    const m = plan([{ address: 'helm_release.karpenter', after: { name: 'karpenter', chart: 'karpenter', namespace: 'kube-system' } }]);
    expect(m.notes.join('\n')).toContain('helm_release.karpenter installs a Karpenter chart: Helm values are opaque to this tool');
  });
});

describe('Kubernetes quantities', () => {
  it('reads plain, milli, decimal and binary quantities', () => {
    expect(quantity('1000')).toBe(1000);
    expect(quantity(16)).toBe(16);
    expect(quantity('500m')).toBe(0.5);
    expect(quantity('1k')).toBe(1000);
    expect(quantity('1000Gi', 1024 ** 3)).toBe(1000);
    expect(quantity('2Ti', 1024 ** 3)).toBe(2048);
    expect(quantity('64G', 1024 ** 3)).toBeCloseTo(64e9 / 1024 ** 3, 12);
    expect(quantity('lots')).toBeUndefined();
    expect(quantity('10Qi')).toBeUndefined();
    expect(quantity(-1)).toBeUndefined();
  });
});
