import { describe, expect, it } from 'vitest';
import {
  cpuMillicores,
  fargatePodSize,
  memoryMiB,
  parseQuantity,
  podRequest,
  selectorMatches,
  wildcardMatch,
} from '../../../src/plan/eksfargate.js';

describe('fargatePodSize', () => {
  it("AWS's worked example: 1 vCPU + 8 GB is provisioned as 2 vCPU / 9 GB", () => {
    expect(fargatePodSize({ containers: [{ cpuMillicores: 1000, memoryMiB: 8192 }] })).toEqual({ cpu: 2048, memoryMiB: 9216 });
  });

  it('gives a pod without requests the smallest size, 0.25 vCPU / 0.5 GB', () => {
    expect(fargatePodSize({ containers: [{}] })).toEqual({ cpu: 256, memoryMiB: 512 });
    expect(fargatePodSize({ containers: [] })).toEqual({ cpu: 256, memoryMiB: 512 });
  });

  it('adds the 256 MiB overhead before rounding', () => {
    // 0.25 vCPU + 256 MiB fits 0.5 GB; 0.25 vCPU + 512 MiB needs 1 GB.
    expect(fargatePodSize({ containers: [{ cpuMillicores: 250, memoryMiB: 256 }] })).toEqual({ cpu: 256, memoryMiB: 512 });
    expect(fargatePodSize({ containers: [{ cpuMillicores: 250, memoryMiB: 512 }] })).toEqual({ cpu: 256, memoryMiB: 1024 });
  });

  it('sums long-running containers and takes the larger of that and the largest init container, per resource', () => {
    const req = {
      containers: [
        { cpuMillicores: 300, memoryMiB: 1024 },
        { cpuMillicores: 300, memoryMiB: 1024 },
      ],
      initContainers: [
        { cpuMillicores: 1500, memoryMiB: 128 },
        { cpuMillicores: 100, memoryMiB: 3000 },
      ],
    };
    expect(podRequest(req)).toEqual({ cpuMillicores: 1500, memoryMiB: 3000 + 256 });
    // 1.5 vCPU → 2 vCPU row; 3256 MiB → its smallest, 4 GB.
    expect(fargatePodSize(req)).toEqual({ cpu: 2048, memoryMiB: 4096 });
  });

  it('moves up a CPU row when the memory does not fit the requested one', () => {
    expect(fargatePodSize({ containers: [{ cpuMillicores: 250, memoryMiB: 2048 }] })).toEqual({ cpu: 512, memoryMiB: 3072 });
  });

  it('uses the 4 GB steps of 8 vCPU and rejects pods above 16 vCPU / 120 GB', () => {
    expect(fargatePodSize({ containers: [{ cpuMillicores: 8000, memoryMiB: 17000 }] })).toEqual({ cpu: 8192, memoryMiB: 20480 });
    expect(fargatePodSize({ containers: [{ cpuMillicores: 16000, memoryMiB: 122880 }] })).toBeUndefined();
    expect(fargatePodSize({ containers: [{ cpuMillicores: 17000, memoryMiB: 1024 }] })).toBeUndefined();
  });
});

describe('Kubernetes quantities', () => {
  it('parses CPU and memory quantities', () => {
    expect(cpuMillicores('500m')).toBe(500);
    expect(cpuMillicores('1.5')).toBe(1500);
    expect(cpuMillicores(2)).toBe(2000);
    expect(memoryMiB('512Mi')).toBe(512);
    expect(memoryMiB('2Gi')).toBe(2048);
    expect(memoryMiB('1G')).toBeCloseTo(953.674, 3);
    expect(memoryMiB('134217728')).toBe(128);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('lots')).toBeUndefined();
    expect(parseQuantity('5 Mi')).toBeUndefined();
    expect(parseQuantity('-1')).toBeUndefined();
  });
});

describe('Fargate profile selectors', () => {
  it('matches * and ? wildcards and nothing else', () => {
    expect(wildcardMatch('prod*', 'prod')).toBe(true);
    expect(wildcardMatch('prod*', 'prod-metrics')).toBe(true);
    expect(wildcardMatch('value?', 'valuea')).toBe(true);
    expect(wildcardMatch('value?', 'value')).toBe(false);
    expect(wildcardMatch('value?', 'value-a')).toBe(false);
    expect(wildcardMatch('a.b', 'axb')).toBe(false);
  });

  it('needs the namespace and every selector label to match', () => {
    const sel = { namespace: 'apps-*', labels: { tier: 'web*' } };
    expect(selectorMatches(sel, 'apps-prod', { tier: 'web-1', app: 'x' })).toBe(true);
    expect(selectorMatches(sel, 'apps-prod', { app: 'x' })).toBe(false);
    expect(selectorMatches(sel, 'default', { tier: 'web' })).toBe(false);
    expect(selectorMatches({ namespace: 'default', labels: {} }, 'default', {})).toBe(true);
  });
});
