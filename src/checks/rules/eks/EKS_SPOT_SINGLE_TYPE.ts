import { show } from '../../show.js';
import type { Rule } from '../../types.js';
import { instanceTypeLabel, knownString, nodeGroupInstanceTypes } from './util.js';

/**
 * A Spot node group should list several instance types: with one type, one Spot pool's
 * interruptions or shortage take the whole group down. EKS advises against a single type set
 * only through the launch template for Spot (EKS user guide, managed-node-groups).
 */
export const EKS_SPOT_SINGLE_TYPE: Rule = {
  id: 'EKS_SPOT_SINGLE_TYPE',
  severity: 'warning',
  title: 'Spot node group with a single instance type',
  types: ['aws_eks_node_group'],
  reads: ['aws_launch_template'],
  check(ng, ctx) {
    const cap = knownString(ng.current, 'capacity_type');
    if (cap?.value !== 'SPOT') return [];
    const its = nodeGroupInstanceTypes(ng, ctx);
    if (!its || its.types.length !== 1) return [];
    const only = its.types[0]!;
    if (its.from === 'launch-template') {
      return [
        {
          path: 'launch_template[0]',
          message: `capacity_type ${show(cap.lookup)} with the single instance type ${instanceTypeLabel(only)} set only in the launch template: one Spot pool, and EKS cannot diversify; remove instance_type from the launch template and list several similar types (same vCPU and memory) in instance_types`,
        },
      ];
    }
    const list = ng.current.list('instance_types');
    if (list.state !== 'known' || list.value.length !== 1) return [];
    return [
      {
        path: 'instance_types',
        message: `capacity_type ${show(cap.lookup)} with a single instance type ${instanceTypeLabel(only)}: one Spot pool, so an interruption wave or capacity shortage takes the whole node group; list several similar types (same vCPU and memory) in instance_types`,
      },
    ];
  },
};
