import type { Resource } from '../../../plan/model.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { knownString, launchTemplateOf } from './util.js';

/**
 * With a launch template, some settings must live in the template and others must not be in it:
 * EKS fails the node group when "a setting exists where it shouldn't" (EKS user guide,
 * launch-templates). Node group attributes count only when the configuration writes them (AWS
 * reads some back into state, e.g. `version`), and unknown values are not judged.
 */
export const EKS_LT_PROHIBITED: Rule = {
  id: 'EKS_LT_PROHIBITED',
  severity: 'error',
  title: 'Settings not allowed with a node group launch template',
  types: ['aws_eks_node_group'],
  reads: ['aws_launch_template'],
  check(ng, ctx) {
    const lts = ng.current.list('launch_template');
    if (lts.state !== 'known' || lts.value.length === 0) return [];
    const lt = launchTemplateOf(ng, ctx);
    const ltName = lt ? lt.address : 'the launch template';
    const out: RuleResult[] = [];

    const disk = ng.current.num('disk_size');
    if (disk.state === 'known' && disk.origin === 'config') {
      out.push({
        path: 'disk_size',
        message: `disk_size ${show(disk)} is set together with launch_template: EKS rejects it ("Disk size must be specified within the launch template"); set the root volume size in ${ltName}'s block_device_mappings instead`,
      });
    }
    const ra = ng.current.list('remote_access');
    if (ra.state === 'known' && ra.value.length > 0 && ra.origin === 'config') {
      out.push({
        path: 'remote_access',
        message: `remote_access is set together with launch_template: EKS rejects remote access on a node group with a launch template; set key_name and the security groups in ${ltName} instead`,
      });
    }
    if (!lt) return out;

    const ltType = knownString(lt.current, 'instance_type');
    const types = ng.current.list('instance_types');
    if (ltType && types.state === 'known' && types.value.length > 0 && types.origin === 'config') {
      out.push({
        path: 'instance_types',
        message: `instance_types is set on the node group while ${lt.address} also sets instance_type ${show(ltType.lookup)}: EKS rejects an instance type in both places; keep only one (several types belong in instance_types)`,
      });
    }
    out.push(...templateSettings(lt));
    out.push(...imageConflicts(ng, lt));
    return out;
  },
};

/** Launch template settings EKS manages itself and rejects in a node group's template. */
function templateSettings(lt: Resource): RuleResult[] {
  const out: RuleResult[] = [];
  const at = (what: string, fix: string) => ({
    path: 'launch_template[0]',
    message: `${lt.address} sets ${what}, which EKS does not allow in a node group's launch template; ${fix}`,
  });
  const profile = lt.current.list('iam_instance_profile');
  if (profile.state === 'known' && profile.value.length > 0)
    out.push(at('iam_instance_profile', "remove it and give the role as the node group's node_role_arn"));
  const nics = lt.current.list('network_interfaces');
  if (nics.state === 'known') {
    nics.value.forEach((_, i) => {
      const subnet = knownString(lt.current, `network_interfaces[${i}].subnet_id`);
      if (subnet)
        out.push(
          at(`network_interfaces[${i}].subnet_id ${show(subnet.lookup)}`, "remove it and list the subnets in the node group's subnet_ids"),
        );
    });
  }
  const shutdown = knownString(lt.current, 'instance_initiated_shutdown_behavior');
  if (shutdown) out.push(at(`instance_initiated_shutdown_behavior ${show(shutdown.lookup)}`, 'remove it (EKS controls instance shutdown)'));
  return out;
}

/** A custom AMI (`image_id`) in the template excludes ami_type, release_version and version on the node group. */
function imageConflicts(ng: Resource, lt: Resource): RuleResult[] {
  const image = lt.current.get('image_id');
  const hasImage = (image.state === 'known' && image.value !== '') || (image.state === 'unknown' && image.reason === 'expression');
  if (!hasImage) return [];
  const out: RuleResult[] = [];
  for (const attr of ['ami_type', 'release_version', 'version'] as const) {
    const v = knownString(ng.current, attr);
    if (!v || v.lookup.origin !== 'config') continue;
    if (attr === 'ami_type' && v.value === 'CUSTOM') continue;
    out.push({
      path: attr,
      message: `${attr} ${show(v.lookup)} is set while ${lt.address} sets image_id (a custom AMI): EKS rejects the node group; remove ${attr} from the node group (the AMI decides the version)`,
    });
  }
  return out;
}
