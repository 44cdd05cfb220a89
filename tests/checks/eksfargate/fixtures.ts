import { ref, type ResSpec } from '../../helpers/plan.js';

/** Real-shaped EKS-on-Fargate resources for the rule tests. */
export const FARGATE_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'eks-fargate-pods.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
export const POLICY_ARN = 'arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy';

export const cluster: ResSpec = {
  address: 'aws_eks_cluster.main',
  after: { name: 'main', version: '1.33', role_arn: 'arn:aws:iam::111122223333:role/eks' },
  unknown: { arn: true, id: true, endpoint: true },
};

export function profile(over: Record<string, unknown> = {}, extra: Partial<ResSpec> = {}): ResSpec {
  return {
    address: 'aws_eks_fargate_profile.apps',
    after: {
      cluster_name: 'main',
      fargate_profile_name: 'apps',
      pod_execution_role_arn: 'arn:aws:iam::111122223333:role/fargate-pods',
      subnet_ids: ['subnet-0aaa', 'subnet-0bbb'],
      selector: [{ namespace: 'apps', labels: null }],
      tags: null,
      ...over,
    },
    unknown: { arn: true, id: true, status: true },
    ...extra,
  };
}

export const role = (trust = FARGATE_TRUST): ResSpec => ({
  address: 'aws_iam_role.fargate',
  after: { name: 'fargate-pods', assume_role_policy: trust, managed_policy_arns: null },
  unknown: { arn: true, id: true, unique_id: true, managed_policy_arns: true },
});

export const attachment = (policyArn: string | null = POLICY_ARN): ResSpec => ({
  address: 'aws_iam_role_policy_attachment.fargate',
  after: { role: 'fargate-pods', policy_arn: policyArn },
  unknown: policyArn === null ? { id: true, policy_arn: true } : { id: true },
  expressions: {
    role: ref('aws_iam_role.fargate.name', 'aws_iam_role.fargate'),
    policy_arn: policyArn === null ? ref('aws_iam_policy.custom.arn') : { constant_value: policyArn },
  },
});

/** A deployment with containers given as [cpu, memory] requests (kubernetes provider 2.x shape). */
export function deployment(
  containers: [string | null, string | null][],
  opts: {
    namespace?: string;
    labels?: Record<string, string>;
    init?: [string | null, string | null][];
    address?: string;
    limitsOnly?: boolean;
  } = {},
): ResSpec {
  const c = (list: [string | null, string | null][], prefix: string) =>
    list.map(([cpu, mem], i) => {
      const m: Record<string, string> = {};
      if (cpu !== null) m.cpu = cpu;
      if (mem !== null) m.memory = mem;
      return {
        name: `${prefix}${i}`,
        image: 'public.ecr.aws/nginx/nginx:1.27',
        resources: [opts.limitsOnly ? { limits: m, requests: {} } : { limits: {}, requests: m }],
      };
    });
  return {
    address: opts.address ?? 'kubernetes_deployment_v1.web',
    after: {
      metadata: [{ name: 'web', namespace: opts.namespace ?? 'apps', labels: { app: 'web' } }],
      spec: [
        {
          replicas: '2',
          selector: [{ match_labels: { app: 'web' } }],
          template: [
            {
              metadata: [{ labels: opts.labels ?? { app: 'web' } }],
              spec: [{ container: c(containers, 'c'), init_container: c(opts.init ?? [], 'i') }],
            },
          ],
        },
      ],
      wait_for_rollout: true,
    },
    unknown: { id: true, metadata: [{ uid: true, resource_version: true, generation: true }] },
  };
}
