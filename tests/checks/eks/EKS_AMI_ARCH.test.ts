import { describe, expect, it } from 'vitest';
import { EKS_AMI_ARCH } from '../../../src/checks/rules/eks/EKS_AMI_ARCH.js';
import { cluster, launchTemplate, LT, NG, nodeGroup, runner, withTemplate } from './fixtures.js';

const run = runner(EKS_AMI_ARCH);

describe('EKS_AMI_ARCH', () => {
  it('reports a Graviton instance type with an x86 AMI type', () => {
    const f = run([cluster(), nodeGroup({ ami_type: 'AL2023_x86_64_STANDARD', instance_types: ['m5.large', 't4g.small'] })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'EKS_AMI_ARCH', severity: 'error', address: NG, path: 'instance_types[1]' });
    expect(f[0]!.message).toBe(
      'instance type "t4g.small" is arm64, but ami_type "AL2023_x86_64_STANDARD" is an x86_64 AMI: EKS rejects the node group ("is not a valid instance type for requested amiType"); use an arm64 AMI type (AL2023_ARM_64_STANDARD) or x86_64 instance types',
    );
  });

  it('reports an x86 type with an ARM AMI type, and finds the architecture from data (a1 has no "g")', () => {
    const f = run([nodeGroup({ ami_type: 'BOTTLEROCKET_ARM_64', instance_types: ['c5.large', 'a1.large'] })]);
    expect(f.map((x) => x.path)).toEqual(['instance_types[0]']);
    expect(f[0]!.message).toContain('use an x86_64 AMI type (BOTTLEROCKET_x86_64 or BOTTLEROCKET_x86_64_FIPS) or arm64 instance types');
  });

  it('says when no AMI type of the kind exists for the other architecture', () => {
    const f = run([nodeGroup({ ami_type: 'AL2023_x86_64_NEURON', instance_types: ['g5g.xlarge'] })]);
    expect(f[0]!.message).toContain('no AL2023 AMI type of this kind exists for arm64; use x86_64 instance types');
  });

  it('reads the instance type from the launch template when the node group sets none', () => {
    const f = run([withTemplate({ ami_type: 'AL2_x86_64' }), launchTemplate({ instance_type: 'm7g.large' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ address: NG, path: 'launch_template[0]' });
    expect(f[0]!.message).toContain(`instance type "m7g.large" (instance_type of ${LT}) is arm64`);
  });

  it('passes matching architectures, CUSTOM AMIs and instance types it does not know', () => {
    expect(run([nodeGroup({ ami_type: 'AL2023_ARM_64_STANDARD', instance_types: ['m7g.large', 'c7g.xlarge'] })])).toEqual([]);
    expect(run([nodeGroup({ ami_type: 'CUSTOM', instance_types: ['t4g.small'] })])).toEqual([]);
    expect(run([nodeGroup({ ami_type: 'AL2023_x86_64_STANDARD', instance_types: ['zz9.huge'] })])).toEqual([]);
  });

  it('says nothing when ami_type or the instance types are unknown', () => {
    expect(run([nodeGroup({ ami_type: null }, { unknown: { ami_type: true } })])).toEqual([]);
    expect(run([nodeGroup({ instance_types: null }, { unknown: { instance_types: true } })])).toEqual([]);
    expect(run([nodeGroup({ instance_types: ['t4g.small', null] }, { unknown: { instance_types: [false, true] } })])).toHaveLength(1);
    expect(run([withTemplate(), launchTemplate({ instance_type: null }, { unknown: { instance_type: true } })])).toEqual([]);
  });
});
