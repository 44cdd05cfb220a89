import { describe, expect, it } from 'vitest';
import { eksRules } from '../../../src/checks/rules/eks/index.js';
import { check } from '../helpers.js';
import { addon, cluster, launchTemplate, nodeGroup, update, withTemplate } from './fixtures.js';

describe('EKS rules and sensitive values', () => {
  it('never print a value the plan marks sensitive, while still reporting', () => {
    const f = check(eksRules, [
      {
        ...update(cluster({ version: '1.30' }, { sensitive: { version: true } }), { version: '1.27' }),
        beforeSensitive: { version: true },
      },
      nodeGroup(
        {
          ami_type: 'AL2_x86_64',
          capacity_type: 'SPOT',
          instance_types: ['t4g.small'],
          version: '1.31',
          scaling_config: [{ desired_size: 9, min_size: 1, max_size: 3 }],
        },
        { sensitive: { ami_type: true, instance_types: [true], version: true, scaling_config: [{ desired_size: true }] } },
      ),
      withTemplate({ disk_size: 77 }, { address: 'aws_eks_node_group.lt', sensitive: { disk_size: true } }),
      launchTemplate(
        { image_id: 'ami-secret', network_interfaces: [{ subnet_id: 'subnet-secret' }] },
        { sensitive: { network_interfaces: [{ subnet_id: true }] } },
      ),
      addon({ addon_version: 'v1.31.14-eksbuild.20' }, { sensitive: { addon_version: true } }),
    ]);
    const rules = new Set(f.map((x) => x.rule));
    for (const r of [
      'EKS_AMI_ARCH',
      'EKS_SCALING',
      'EKS_SPOT_SINGLE_TYPE',
      'EKS_UPGRADE_ONE_MINOR',
      'EKS_LT_PROHIBITED',
      'EKS_AL2_EOL',
      'EKS_VERSION_SUPPORT',
    ])
      expect(rules).toContain(r);
    const text = f.map((x) => x.message).join('\n');
    expect(text).toContain('(sensitive)');
    for (const secret of ['t4g.small', 'AL2_x86_64"', '"1.30"', '"1.27"', 'subnet-secret', ' 77', ' 9 ', 'v1.31.14'])
      expect(text).not.toContain(secret);
    // Nor the calendar dates that would give a sensitive version away.
    expect(text).not.toContain('2026-07-23');
  });
});
