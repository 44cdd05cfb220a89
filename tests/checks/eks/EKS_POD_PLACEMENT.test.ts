import { describe, expect, it } from 'vitest';
import { EKS_POD_PLACEMENT } from '../../../src/checks/rules/eks/EKS_POD_PLACEMENT.js';
import type { ResSpec } from '../../helpers/plan.js';
import { check } from '../helpers.js';
import { cluster, deployment, profile } from '../eksfargate/fixtures.js';

/** A managed node group of `types` (2 vCPU / 8 GiB m7g.large by default), created with the cluster. */
function nodeGroup(types: string[] = ['m7g.large'], over: Record<string, unknown> = {}): ResSpec {
  return {
    address: 'aws_eks_node_group.general',
    after: {
      cluster_name: 'main',
      node_group_name: 'general',
      node_role_arn: 'arn:aws:iam::111122223333:role/nodes',
      subnet_ids: ['subnet-0aaa'],
      instance_types: types,
      ami_type: 'AL2023_ARM_64_STANDARD',
      scaling_config: [{ desired_size: 2, min_size: 1, max_size: 4 }],
      labels: null,
      taint: [],
      launch_template: [],
      ...over,
    },
    unknown: {
      arn: true,
      id: true,
      status: true,
      resources: true,
      capacity_type: true,
      disk_size: true,
      release_version: true,
      version: true,
    },
  };
}

const run = (rs: ResSpec[]) => check(EKS_POD_PLACEMENT, rs);

describe('EKS_POD_PLACEMENT', () => {
  it('flags an 8 vCPU / 64 GiB pod when every node has 2 vCPU / 8 GiB and no Fargate profile selects its namespace', () => {
    const f = run([
      cluster,
      nodeGroup(),
      profile({ selector: [{ namespace: 'batch', labels: null }] }),
      deployment([['8', '64Gi']], { namespace: 'apps' }),
    ]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'EKS_POD_PLACEMENT', severity: 'warning', address: 'kubernetes_deployment_v1.web' });
    expect(f[0]!.message).toContain('8 vCPU');
    expect(f[0]!.message).toContain('"m7g.large"');
    expect(f[0]!.message).toContain('no selector matches namespace "apps"');
    expect(f[0]!.message).toContain('Pending');
  });

  it('passes a pod that fits a node, and one a Fargate profile selects', () => {
    expect(run([cluster, nodeGroup(), deployment([['500m', '1Gi']])])).toEqual([]);
    expect(run([cluster, nodeGroup(), profile(), deployment([['2', '8Gi']], { namespace: 'apps' })])).toEqual([]);
  });

  it('counts what a node keeps back: 8 GiB of requests do not fit an 8 GiB node', () => {
    expect(run([cluster, nodeGroup(), deployment([['1', '8Gi']])])).toHaveLength(1);
  });

  it('reads node selectors on architecture against the node group', () => {
    const f = run([cluster, nodeGroup(), { ...deployment([['500m', '1Gi']]), ...withSelector({ 'kubernetes.io/arch': 'amd64' }) }]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('kubernetes.io/arch=amd64');
  });

  it('keeps out pods that do not tolerate a node group taint', () => {
    const tainted = nodeGroup(['m7g.xlarge'], { taint: [{ key: 'dedicated', value: 'gpu', effect: 'NO_SCHEDULE' }] });
    const f = run([cluster, tainted, deployment([['500m', '1Gi']])]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('taint "dedicated"');
  });

  it('never quotes a taint the plan marks sensitive (nor one whose key alone is)', () => {
    const taint = [{ key: 'dedicated-tenant-x', value: 'gpu', effect: 'NO_SCHEDULE' }];
    for (const sensitive of [{ taint: true }, { taint: [{ key: true }] }]) {
      const tainted = { ...nodeGroup(['m7g.xlarge'], { taint }), sensitive };
      const f = run([cluster, tainted, deployment([['500m', '1Gi']])]);
      for (const x of f) expect(x.message).not.toContain('dedicated-tenant-x');
    }
  });

  it('says nothing when the requests are unknown, or no capacity is in the plan', () => {
    const d = deployment([['500m', '1Gi']]);
    const unknownReq: ResSpec = {
      ...d,
      unknown: { ...(d.unknown as object), spec: [{ template: [{ spec: [{ container: true }] }] }] },
      expressions: { spec: [{ template: [{ spec: [{ container: { references: ['var.containers'] } }] }] }] },
    };
    expect(run([cluster, nodeGroup(), unknownReq])).toEqual([]);
    expect(run([cluster, deployment([['8', '64Gi']])])).toEqual([]);
  });
});

/** The pod template's node_selector, as the kubernetes provider writes it. */
function withSelector(sel: Record<string, string>): Partial<ResSpec> {
  const d = deployment([['500m', '1Gi']]);
  const after = JSON.parse(JSON.stringify(d.after)) as { spec: { template: { spec: Record<string, unknown>[] }[] }[] };
  after.spec[0]!.template[0]!.spec[0]!.node_selector = sel;
  return { after };
}

describe('EKS_POD_PLACEMENT on DaemonSets and cron jobs', () => {
  /** The deployment's pod template, as a DaemonSet (`kubernetes_daemon_set_v1`) or a cron job. */
  function asType(type: string, containers: [string, string][]): ResSpec {
    const d = deployment(containers);
    const after = JSON.parse(JSON.stringify(d.after)) as { metadata: unknown; spec: { template: unknown; selector: unknown }[] };
    if (type === 'kubernetes_cron_job_v1') {
      const template = after.spec[0]!.template;
      return {
        ...d,
        address: `${type}.web`,
        after: { metadata: after.metadata, spec: [{ schedule: '*/5 * * * *', job_template: [{ metadata: [], spec: [{ template }] }] }] },
      };
    }
    return {
      ...d,
      address: `${type}.web`,
      after: { metadata: after.metadata, spec: [{ selector: after.spec[0]!.selector, template: after.spec[0]!.template }] },
    };
  }

  it('tells in an info which node groups cannot hold a DaemonSet pod, and never counts Fargate', () => {
    const f = run([cluster, nodeGroup(['t4g.small']), profile(), asType('kubernetes_daemon_set_v1', [['4', '4Gi']])]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', address: 'kubernetes_daemon_set_v1.web' });
    expect(f[0]!.message).toContain('aws_eks_node_group.general');
    expect(run([cluster, nodeGroup(), asType('kubernetes_daemon_set_v1', [['100m', '128Mi']])])).toEqual([]);
  });

  it('reads the pod template of a cron job', () => {
    expect(run([cluster, nodeGroup(), asType('kubernetes_cron_job_v1', [['8', '64Gi']])])).toHaveLength(1);
    expect(run([cluster, nodeGroup(), asType('kubernetes_cron_job_v1', [['500m', '1Gi']])])).toEqual([]);
  });
});
