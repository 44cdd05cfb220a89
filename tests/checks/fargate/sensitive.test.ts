import { describe, expect, it } from 'vitest';
import { fargateRules } from '../../../src/checks/rules/fargate/index.js';
import { check } from '../helpers.js';
import { container, taskDef } from './specs.js';

/** Values the plan marks sensitive: none of them may appear in any message. */
const SECRETS = [
  's3cr3t-web',
  '9443',
  '7443',
  '4242',
  'gelf-s3cr3t',
  'NET_S3CR3T',
  '999.dkr.ecr.eu-west-1.amazonaws.com/s3cr3t',
  '3333',
  '1536',
];

describe('fargate rules and sensitive values', () => {
  it('report problems inside a sensitive container_definitions without printing any of its values', () => {
    const defs = [
      container({
        name: 's3cr3t-web',
        image: '999.dkr.ecr.eu-west-1.amazonaws.com/s3cr3t:1',
        cpu: 4242,
        memory: 3333,
        memoryReservation: 1536,
        portMappings: [{ containerPort: 9443, hostPort: 7443 }],
        logConfiguration: { logDriver: 'gelf-s3cr3t' },
        linuxParameters: { capabilities: { add: ['NET_S3CR3T'] } },
        dnsServers: ['10.9.9.9'],
      }),
    ];
    const f = check(fargateRules, [
      taskDef({ execution_role_arn: null, cpu: '1024', memory: '2048' }, defs, { sensitive: { container_definitions: true } }),
    ]);
    expect(new Set(f.map((x) => x.rule))).toEqual(
      new Set([
        'FARGATE_INVALID_PARAMS',
        'FARGATE_LINUX_PARAMS',
        'FARGATE_HOSTPORT',
        'FARGATE_EXEC_ROLE',
        'FARGATE_LOG_DRIVER',
        'ECS_CONTAINER_SUM',
      ]),
    );
    for (const finding of f) {
      for (const s of [...SECRETS, '10.9.9.9']) expect(finding.message).not.toContain(s);
      expect(finding.message).not.toContain('"web"');
    }
    expect(f.some((x) => x.message.includes('(sensitive)'))).toBe(true);
  });

  it('report a sensitive task size without printing it', () => {
    const f = check(fargateRules, [taskDef({ cpu: '1024', memory: '1536' }, undefined, { sensitive: { memory: true } })]);
    const size = f.find((x) => x.rule === 'FARGATE_CPU_MEMORY');
    expect(size?.message).toBe('cpu 1024 with memory (sensitive) is not a Fargate size');
  });
});
