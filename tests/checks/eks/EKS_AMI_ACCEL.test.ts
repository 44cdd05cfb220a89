import { describe, expect, it } from 'vitest';
import { EKS_AMI_ACCEL } from '../../../src/checks/rules/eks/EKS_AMI_ACCEL.js';
import { launchTemplate, LT, NG, nodeGroup, runner, withTemplate } from './fixtures.js';

const run = runner(EKS_AMI_ACCEL);

describe('EKS_AMI_ACCEL', () => {
  it('warns on an NVIDIA AMI type with instance types that have no NVIDIA GPU', () => {
    const f = run([nodeGroup({ ami_type: 'AL2023_x86_64_NVIDIA', instance_types: ['g5.xlarge', 'm5.large', 'g4ad.xlarge'] })]);
    expect(f.map((x) => [x.rule, x.severity, x.address, x.path])).toEqual([
      ['EKS_AMI_ACCEL', 'warning', NG, 'instance_types[1]'],
      ['EKS_AMI_ACCEL', 'warning', NG, 'instance_types[2]'],
    ]);
    expect(f[0]!.message).toBe(
      'ami_type "AL2023_x86_64_NVIDIA" carries NVIDIA GPU drivers, but instance type "m5.large" has no NVIDIA GPU accelerator: use an instance type with NVIDIA GPU accelerators, or a standard AMI type (AL2023_x86_64_STANDARD)',
    );
  });

  it('warns on a Neuron AMI type without Inferentia/Trainium, and on Neuron types with a standard AMI', () => {
    const neuron = run([nodeGroup({ ami_type: 'AL2023_x86_64_NEURON', instance_types: ['c5.large'] })]);
    expect(neuron[0]!.message).toContain(
      'carries AWS Neuron (Inferentia/Trainium) drivers, but instance type "c5.large" has no AWS Neuron',
    );
    const std = run([nodeGroup({ ami_type: 'AL2023_x86_64_STANDARD', instance_types: ['inf2.xlarge'] })]);
    expect(std[0]!.message).toBe(
      'instance type "inf2.xlarge" has AWS Neuron (Inferentia/Trainium) accelerators, but ami_type "AL2023_x86_64_STANDARD" has no AWS Neuron (Inferentia/Trainium) drivers, so pods cannot use them: use AL2023_x86_64_NEURON',
    );
  });

  it("warns on an NVIDIA GPU type with a standard AMI type, suggesting the family's NVIDIA variant", () => {
    const f = run([nodeGroup({ ami_type: 'BOTTLEROCKET_x86_64', instance_types: ['g6.xlarge'] })]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('use BOTTLEROCKET_x86_64_NVIDIA or BOTTLEROCKET_x86_64_NVIDIA_FIPS');
  });

  it('leaves wrong-architecture types to EKS_AMI_ARCH and passes matching accelerators', () => {
    expect(run([nodeGroup({ ami_type: 'AL2023_x86_64_NVIDIA', instance_types: ['g5g.xlarge'] })])).toEqual([]);
    expect(run([nodeGroup({ ami_type: 'AL2023_ARM_64_NVIDIA', instance_types: ['g5g.xlarge'] })])).toEqual([]);
    expect(run([nodeGroup({ ami_type: 'AL2_x86_64_GPU', instance_types: ['p3.2xlarge', 'g4dn.xlarge'] })])).toEqual([]);
    expect(run([nodeGroup({ ami_type: 'AL2023_x86_64_NEURON', instance_types: ['trn1.2xlarge'] })])).toEqual([]);
  });

  it('warns on a launch template IMDS hop limit of 1, not on 2', () => {
    const f = run([withTemplate(), launchTemplate({ metadata_options: [{ http_tokens: 'required', http_put_response_hop_limit: 1 }] })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ address: NG, path: 'launch_template[0]', severity: 'warning' });
    expect(f[0]!.message).toContain(`launch template ${LT} sets metadata_options.http_put_response_hop_limit 1: pods cannot reach IMDSv2`);
    expect(run([withTemplate(), launchTemplate({ metadata_options: [{ http_put_response_hop_limit: 2 }] })])).toEqual([]);
  });

  it('says nothing when ami_type, the instance types or the hop limit are unknown', () => {
    expect(run([nodeGroup({ ami_type: null, instance_types: ['g5.xlarge'] }, { unknown: { ami_type: true } })])).toEqual([]);
    expect(run([nodeGroup({ ami_type: 'AL2023_x86_64_NVIDIA', instance_types: null }, { unknown: { instance_types: true } })])).toEqual([]);
    expect(run([withTemplate(), launchTemplate({ metadata_options: null }, { unknown: { metadata_options: true } })])).toEqual([]);
  });
});
