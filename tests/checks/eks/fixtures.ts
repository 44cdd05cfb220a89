import type { Rule } from '../../../src/checks/types.js';
import type { ResSpec } from '../../helpers/plan.js';
import { check, type CheckOptions } from '../helpers.js';

/** Plan fixtures for the EKS rules: a cluster, node groups, launch templates and add-ons. */
export const CLUSTER = 'aws_eks_cluster.main';
export const NG = 'aws_eks_node_group.workers';
export const LT = 'aws_launch_template.nodes';
export const ADDON = 'aws_eks_addon.proxy';

type Extra = Partial<ResSpec>;

export function cluster(after: Record<string, unknown> = {}, extra: Extra = {}): ResSpec {
  return {
    address: CLUSTER,
    after: { name: 'main', arn: 'arn:aws:eks:us-east-1:123456789012:cluster/main', version: '1.34', ...after },
    ...extra,
  };
}

export function nodeGroup(after: Record<string, unknown> = {}, extra: Extra = {}): ResSpec {
  return {
    address: NG,
    after: {
      cluster_name: 'main',
      node_group_name: 'workers',
      ami_type: 'AL2023_x86_64_STANDARD',
      capacity_type: 'ON_DEMAND',
      instance_types: ['m5.large'],
      scaling_config: [{ desired_size: 2, min_size: 1, max_size: 3 }],
      launch_template: [],
      remote_access: [],
      ...after,
    },
    ...extra,
  };
}

/** A node group that uses the launch template (linked by its id) and sets no instance types. */
export function withTemplate(after: Record<string, unknown> = {}, extra: Extra = {}): ResSpec {
  return nodeGroup({ instance_types: [], launch_template: [{ id: 'lt-0abc', version: '1' }], ...after }, extra);
}

export function launchTemplate(after: Record<string, unknown> = {}, extra: Extra = {}): ResSpec {
  return { address: LT, after: { id: 'lt-0abc', name: 'nodes', instance_type: 'm5.large', ...after }, ...extra };
}

export function addon(after: Record<string, unknown> = {}, extra: Extra = {}): ResSpec {
  return {
    address: ADDON,
    after: { cluster_name: 'main', addon_name: 'kube-proxy', addon_version: 'v1.34.6-eksbuild.13', ...after },
    ...extra,
  };
}

/** An in-place update from `before` to `after`. */
export function update(spec: ResSpec, before: Record<string, unknown>): ResSpec {
  return { ...spec, actions: ['update'], before: { ...spec.after, ...before } };
}

export const runner = (rule: Rule) => (resources: ResSpec[], opts?: CheckOptions) => check(rule, resources, opts);
