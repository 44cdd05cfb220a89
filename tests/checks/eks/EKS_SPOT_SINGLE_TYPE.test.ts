import { describe, expect, it } from 'vitest';
import { EKS_SPOT_SINGLE_TYPE } from '../../../src/checks/rules/eks/EKS_SPOT_SINGLE_TYPE.js';
import { launchTemplate, LT, NG, nodeGroup, runner, withTemplate } from './fixtures.js';

const run = runner(EKS_SPOT_SINGLE_TYPE);

describe('EKS_SPOT_SINGLE_TYPE', () => {
  it('warns on a Spot node group with one instance type', () => {
    const f = run([nodeGroup({ capacity_type: 'SPOT', instance_types: ['m5.large'] })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'EKS_SPOT_SINGLE_TYPE', severity: 'warning', address: NG, path: 'instance_types' });
    expect(f[0]!.message).toContain('capacity_type "SPOT" with a single instance type "m5.large": one Spot pool');
  });

  it('warns on a Spot node group whose only type is in the launch template', () => {
    const f = run([withTemplate({ capacity_type: 'SPOT' }), launchTemplate({ instance_type: 'c5.xlarge' })]);
    expect(f).toHaveLength(1);
    expect(f[0]!.path).toBe('launch_template[0]');
    expect(f[0]!.message).toContain(`single instance type "c5.xlarge" (instance_type of ${LT}) set only in the launch template`);
  });

  it('passes several types on Spot and one type on demand', () => {
    expect(run([nodeGroup({ capacity_type: 'SPOT', instance_types: ['m5.large', 'm5a.large', 'm6i.large'] })])).toEqual([]);
    expect(run([nodeGroup({ capacity_type: 'ON_DEMAND', instance_types: ['m5.large'] })])).toEqual([]);
  });

  it('says nothing when capacity_type or the types are unknown', () => {
    expect(run([nodeGroup({ capacity_type: null }, { unknown: { capacity_type: true } })])).toEqual([]);
    expect(run([nodeGroup({ capacity_type: 'SPOT', instance_types: null }, { unknown: { instance_types: true } })])).toEqual([]);
  });
});
