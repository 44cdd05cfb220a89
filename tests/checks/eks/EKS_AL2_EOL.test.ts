import { describe, expect, it } from 'vitest';
import { EKS_AL2_EOL } from '../../../src/checks/rules/eks/EKS_AL2_EOL.js';
import { cluster, NG, nodeGroup, runner } from './fixtures.js';

const run = runner(EKS_AL2_EOL);

describe('EKS_AL2_EOL', () => {
  it('reports AL2 on Kubernetes 1.33+, where EKS publishes no AL2 AMIs (version from the cluster)', () => {
    const f = run([cluster({ version: '1.33' }), nodeGroup({ ami_type: 'AL2_x86_64' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'EKS_AL2_EOL', severity: 'error', address: NG, path: 'ami_type' });
    expect(f[0]!.message).toBe(
      'ami_type "AL2_x86_64" on Kubernetes "1.33": EKS publishes no Amazon Linux 2 AMIs after Kubernetes 1.32, so the node group fails at apply; migrate to AL2023_x86_64_STANDARD or BOTTLEROCKET_x86_64',
    );
  });

  it('maps the GPU AMI to the accelerated replacements', () => {
    const f = run([nodeGroup({ ami_type: 'AL2_x86_64_GPU', version: '1.34', instance_types: ['g5.xlarge'] })]);
    expect(f[0]!.message).toContain('migrate to AL2023_x86_64_NVIDIA or BOTTLEROCKET_x86_64_NVIDIA');
  });

  it('warns on AL2 for versions that still have AL2 AMIs, in the tense of --as-of', () => {
    const f = run([cluster({ version: '1.32' }), nodeGroup({ ami_type: 'AL2_ARM_64', instance_types: ['m7g.large'] })]);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('EKS Amazon Linux 2 AMIs reached end of support on 2025-11-26');
    expect(f[0]!.message).toContain('migrate to AL2023_ARM_64_STANDARD or BOTTLEROCKET_ARM_64');
    const early = run([cluster({ version: '1.32' }), nodeGroup({ ami_type: 'AL2_x86_64' })], { asOf: '2025-06-01' });
    expect(early[0]!.message).toContain('AMIs reaches end of support on 2025-11-26');
  });

  it('passes AL2023 and Bottlerocket', () => {
    expect(run([cluster({ version: '1.34' }), nodeGroup({ ami_type: 'AL2023_x86_64_STANDARD' })])).toEqual([]);
    expect(run([cluster({ version: '1.34' }), nodeGroup({ ami_type: 'BOTTLEROCKET_x86_64' })])).toEqual([]);
  });

  it('only warns when the version is unknown, and says nothing when ami_type is unknown', () => {
    const f = run([cluster({ version: null }, { unknown: { version: true } }), nodeGroup({ ami_type: 'AL2_x86_64' })]);
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(run([cluster({ version: '1.34' }), nodeGroup({ ami_type: null }, { unknown: { ami_type: true } })])).toEqual([]);
  });
});
