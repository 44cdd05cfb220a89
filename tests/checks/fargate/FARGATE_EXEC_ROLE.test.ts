import { ref } from '../../helpers/plan.js';
import { describe, expect, it } from 'vitest';
import { FARGATE_EXEC_ROLE } from '../../../src/checks/rules/fargate/FARGATE_EXEC_ROLE.js';
import { container, EC2_ONLY, runner, TD, taskDef } from './specs.js';

const run = runner(FARGATE_EXEC_ROLE);
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:1.4.2';
const awslogs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/app', 'awslogs-region': 'eu-west-1' } };

describe('FARGATE_EXEC_ROLE', () => {
  it('reports a private ECR image, awslogs and secrets without an execution role', () => {
    const f = run([
      taskDef({ execution_role_arn: null }, [
        container({ image: ECR, logConfiguration: awslogs }),
        container({ name: 'side', secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/db' }] }),
      ]),
    ]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'FARGATE_EXEC_ROLE', severity: 'error', address: TD, path: 'execution_role_arn' });
    expect(f[0]!.message).toContain('execution_role_arn is not set, but Fargate needs a task execution role');
    expect(f[0]!.message).toContain(`to pull the private ECR image "${ECR}" of container "web"`);
    expect(f[0]!.message).toContain('to send the logs of container "web" with the awslogs driver');
    expect(f[0]!.message).toContain('to read the secrets of container "side"');
  });

  it('reports repositoryCredentials without an execution role', () => {
    const f = run([
      taskDef({ execution_role_arn: null }, [
        container({
          image: 'ghcr.io/acme/web:1',
          repositoryCredentials: { credentialsParameter: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:gh' },
        }),
      ]),
    ]);
    expect(f[0]!.message).toContain('repositoryCredentials of container "web"');
  });

  it('passes with a role, with public images and no awslogs, and off Fargate', () => {
    expect(run([taskDef({}, [container({ image: ECR, logConfiguration: awslogs })])])).toEqual([]);
    expect(run([taskDef({ execution_role_arn: null }, [container({ image: 'public.ecr.aws/nginx/nginx:1.27' })])])).toEqual([]);
    expect(run([taskDef({ ...EC2_ONLY, execution_role_arn: null }, [container({ image: ECR, memory: 256 })])])).toEqual([]);
  });

  it('says nothing while the role ARN is known only after apply', () => {
    expect(
      run([
        taskDef({ execution_role_arn: null }, [container({ image: ECR })], {
          unknown: { execution_role_arn: true },
          expressions: { execution_role_arn: ref('aws_iam_role.exec.arn', 'aws_iam_role.exec') },
        }),
      ]),
    ).toEqual([]);
  });
});
