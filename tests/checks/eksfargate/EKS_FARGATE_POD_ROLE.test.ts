import { describe, expect, it } from 'vitest';
import { EKS_FARGATE_POD_ROLE } from '../../../src/checks/rules/eksfargate/EKS_FARGATE_POD_ROLE.js';
import { ref } from '../../helpers/plan.js';
import { check } from '../helpers.js';
import { attachment, cluster, profile, role } from './fixtures.js';

/** The profile as usually written: the role ARN is known only after apply and comes from a reference. */
const byRef = () =>
  profile(
    { pod_execution_role_arn: undefined },
    {
      unknown: { arn: true, id: true, status: true, pod_execution_role_arn: true },
      expressions: {
        cluster_name: ref('aws_eks_cluster.main.name', 'aws_eks_cluster.main'),
        pod_execution_role_arn: ref('aws_iam_role.fargate.arn', 'aws_iam_role.fargate'),
      },
    },
  );

const ecsTrust = JSON.stringify({
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Principal: { Service: ['ecs-tasks.amazonaws.com'] }, Action: ['sts:AssumeRole'] },
});

describe('EKS_FARGATE_POD_ROLE', () => {
  it('fails a role whose trust policy does not allow eks-fargate-pods.amazonaws.com', () => {
    const f = check(EKS_FARGATE_POD_ROLE, [cluster, role(ecsTrust), attachment(), byRef()]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'EKS_FARGATE_POD_ROLE',
      severity: 'error',
      address: 'aws_eks_fargate_profile.apps',
      path: 'pod_execution_role_arn',
    });
    expect(f[0]!.message).toContain('aws_iam_role.fargate');
    expect(f[0]!.message).toContain('eks-fargate-pods.amazonaws.com');
  });

  it('accepts a trusting role with the managed policy attached', () => {
    expect(check(EKS_FARGATE_POD_ROLE, [cluster, role(), attachment(), byRef()])).toEqual([]);
  });

  it('finds the role by its ARN value too', () => {
    const known = {
      ...role(ecsTrust),
      after: { ...role(ecsTrust).after, arn: 'arn:aws:iam::111122223333:role/fargate-pods' },
      unknown: { id: true },
    };
    const f = check(EKS_FARGATE_POD_ROLE, [cluster, known, attachment(), profile()]);
    expect(f.map((x) => x.severity)).toEqual(['error']);
  });

  it('warns when the role has no AmazonEKSFargatePodExecutionRolePolicy attached', () => {
    const f = check(EKS_FARGATE_POD_ROLE, [cluster, role(), attachment('arn:aws:iam::aws:policy/ReadOnlyAccess'), byRef()]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', path: 'pod_execution_role_arn' });
    expect(f[0]!.message).toContain('AmazonEKSFargatePodExecutionRolePolicy');
  });

  it('says nothing when the trust policy or the attached policy ARN is known only after apply', () => {
    const unknownTrust = { ...role(), after: { name: 'fargate-pods' }, unknown: { arn: true, assume_role_policy: true } };
    expect(check(EKS_FARGATE_POD_ROLE, [cluster, unknownTrust, attachment(), byRef()])).toEqual([]);
    expect(check(EKS_FARGATE_POD_ROLE, [cluster, role(), attachment(null), byRef()])).toEqual([]);
  });

  it('says nothing about a role outside the plan', () => {
    expect(check(EKS_FARGATE_POD_ROLE, [cluster, profile()])).toEqual([]);
  });

  it('fails a profile without pod_execution_role_arn', () => {
    const f = check(EKS_FARGATE_POD_ROLE, [cluster, profile({ pod_execution_role_arn: null })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', path: 'pod_execution_role_arn' });
    expect(f[0]!.message).toContain('required');
  });
});
