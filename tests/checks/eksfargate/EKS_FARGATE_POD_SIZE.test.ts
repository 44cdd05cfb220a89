import { describe, expect, it } from 'vitest';
import { EKS_FARGATE_POD_SIZE } from '../../../src/checks/rules/eksfargate/EKS_FARGATE_POD_SIZE.js';
import { check } from '../helpers.js';
import { cluster, deployment, profile } from './fixtures.js';

describe('EKS_FARGATE_POD_SIZE', () => {
  it("shows AWS's example: a pod requesting 1 vCPU and 8 GB runs as 2 vCPU / 9 GB on the profile that selects it", () => {
    const f = check(EKS_FARGATE_POD_SIZE, [cluster, profile(), deployment([['1', '8Gi']])]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'EKS_FARGATE_POD_SIZE',
      severity: 'info',
      address: 'kubernetes_deployment_v1.web',
      path: 'spec[0].template[0].spec[0]',
    });
    expect(f[0]!.message).toContain('requests 1 vCPU and 8 GB');
    expect(f[0]!.message).toContain('8448 MiB with the 256 MiB Fargate adds');
    expect(f[0]!.message).toContain('on Fargate (profile "apps") it runs and is billed as 2 vCPU / 9 GB');
  });

  it('sums containers, weighs init containers and falls back to limits when requests are not set', () => {
    const f = check(EKS_FARGATE_POD_SIZE, [
      cluster,
      profile(),
      deployment(
        [
          ['250m', '256Mi'],
          ['250m', '256Mi'],
        ],
        { init: [['2', '128Mi']], limitsOnly: true },
      ),
    ]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('2 containers and 1 init container');
    expect(f[0]!.message).toContain('requests 2 vCPU and 0.5 GB, 768 MiB');
    expect(f[0]!.message).toContain('billed as 2 vCPU / 4 GB');
  });

  it('says nothing for a pod no profile in the plan selects', () => {
    expect(check(EKS_FARGATE_POD_SIZE, [cluster, profile(), deployment([['1', '8Gi']], { namespace: 'batch' })])).toEqual([]);
    expect(
      check(EKS_FARGATE_POD_SIZE, [
        cluster,
        profile({ selector: [{ namespace: 'apps', labels: { compute: 'fargate' } }] }),
        deployment([['1', '8Gi']]),
      ]),
    ).toEqual([]);
  });

  it('shows the size conditionally when the plan has no Fargate profile', () => {
    const f = check(EKS_FARGATE_POD_SIZE, [deployment([['500m', '1Gi']], { address: 'kubernetes_deployment.api' })]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('if it runs on Fargate it runs and is billed as 0.5 vCPU / 2 GB');
  });

  it('warns when no Fargate size is large enough for a selected pod', () => {
    const f = check(EKS_FARGATE_POD_SIZE, [
      cluster,
      profile({ selector: [{ namespace: 'app*', labels: null }] }),
      deployment([
        ['8', '64Gi'],
        ['8', '60Gi'],
      ]),
    ]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning' });
    expect(f[0]!.message).toContain('stays Pending');
  });

  it('reads known requests when the provider leaves the limits to be computed', () => {
    const d = deployment([['1', '8Gi']]);
    d.unknown = { id: true, spec: [{ template: [{ spec: [{ container: [{ resources: [{ limits: true }] }] }] }] }] };
    const f = check(EKS_FARGATE_POD_SIZE, [cluster, profile(), d]);
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('billed as 2 vCPU / 9 GB')]);
  });

  it('says nothing when a request is known only after apply', () => {
    const d = deployment([['1', '8Gi']]);
    d.unknown = { id: true, spec: [{ template: [{ spec: [{ container: [{ resources: true }] }] }] }] };
    expect(check(EKS_FARGATE_POD_SIZE, [cluster, profile(), d])).toEqual([]);
    const onlyLimits = deployment([['1', '8Gi']], { limitsOnly: true });
    onlyLimits.unknown = { id: true, spec: [{ template: [{ spec: [{ container: [{ resources: [{ limits: true }] }] }] }] }] };
    expect(check(EKS_FARGATE_POD_SIZE, [cluster, profile(), onlyLimits])).toEqual([]);
  });
});
