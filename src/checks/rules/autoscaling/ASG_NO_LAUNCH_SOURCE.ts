import type { Reading } from '../../../plan/read.js';
import type { Rule } from '../../types.js';
import { isNew } from '../resolve.js';

/** Where an Auto Scaling group gets its instances from: a block or a launch configuration name. */
const SOURCES = ['launch_template', 'launch_configuration', 'mixed_instances_policy'] as const;

export const ASG_NO_LAUNCH_SOURCE: Rule = {
  id: 'ASG_NO_LAUNCH_SOURCE',
  severity: 'error',
  title: 'Auto Scaling group needs a launch template, launch configuration or mixed instances policy',
  types: ['aws_autoscaling_group'],
  reads: [],
  check(asg) {
    // CreateAutoScalingGroup asks for the launch source; an existing group already has one.
    if (!isNew(asg)) return [];
    const given = SOURCES.map((attr) => present(asg.current.get(attr)));
    // A source known only after apply may be there: say nothing.
    if (given.some((g) => g !== false)) return [];
    return [
      {
        path: 'launch_template',
        message:
          'the group sets none of launch_template, launch_configuration or mixed_instances_policy: CreateAutoScalingGroup rejects it ("Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter"). Add a launch_template block that names an aws_launch_template',
      },
    ];
  },
};

/** Whether a launch source is set: true, false, or undefined when it is known only after apply. */
function present(l: Reading): boolean | undefined {
  if (l.state === 'unknown') return undefined;
  if (l.state === 'absent') return false;
  const v = l.value;
  return !(v === null || v === '' || (Array.isArray(v) && v.length === 0));
}
