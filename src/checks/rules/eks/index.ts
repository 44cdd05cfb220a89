import type { Rule } from '../../types.js';
import { EKS_ADDON_VERSION } from './EKS_ADDON_VERSION.js';
import { EKS_AL2_EOL } from './EKS_AL2_EOL.js';
import { EKS_AMI_ACCEL } from './EKS_AMI_ACCEL.js';
import { EKS_AMI_ARCH } from './EKS_AMI_ARCH.js';
import { EKS_AUTO_MODE_ADDONS } from './EKS_AUTO_MODE_ADDONS.js';
import { EKS_AUTO_MODE_CONSISTENT } from './EKS_AUTO_MODE_CONSISTENT.js';
import { EKS_AUTO_MODE_REQUIREMENTS } from './EKS_AUTO_MODE_REQUIREMENTS.js';
import { EKS_LT_PROHIBITED } from './EKS_LT_PROHIBITED.js';
import { EKS_NG_VERSION_SKEW } from './EKS_NG_VERSION_SKEW.js';
import { EKS_POD_PLACEMENT } from './EKS_POD_PLACEMENT.js';
import { EKS_SCALING } from './EKS_SCALING.js';
import { EKS_SPOT_SINGLE_TYPE } from './EKS_SPOT_SINGLE_TYPE.js';
import { EKS_UPGRADE_ONE_MINOR } from './EKS_UPGRADE_ONE_MINOR.js';
import { EKS_UPGRADE_POLICY } from './EKS_UPGRADE_POLICY.js';
import { EKS_VERSION_SUPPORT } from './EKS_VERSION_SUPPORT.js';

/** The eks rules, one per file in this folder, in catalog order. */
export const eksRules: Rule[] = [
  EKS_AMI_ARCH,
  EKS_AMI_ACCEL,
  EKS_LT_PROHIBITED,
  EKS_SCALING,
  EKS_SPOT_SINGLE_TYPE,
  EKS_NG_VERSION_SKEW,
  EKS_UPGRADE_ONE_MINOR,
  EKS_AL2_EOL,
  EKS_VERSION_SUPPORT,
  EKS_UPGRADE_POLICY,
  EKS_ADDON_VERSION,
  EKS_POD_PLACEMENT,
  EKS_AUTO_MODE_CONSISTENT,
  EKS_AUTO_MODE_REQUIREMENTS,
  EKS_AUTO_MODE_ADDONS,
];
