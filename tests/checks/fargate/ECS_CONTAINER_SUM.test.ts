import { ref } from '../../helpers/plan.js';
import { describe, expect, it } from 'vitest';
import { ECS_CONTAINER_SUM } from '../../../src/checks/rules/fargate/ECS_CONTAINER_SUM.js';
import { container, EC2_ONLY, runner, TD, taskDef } from './specs.js';

const run = runner(ECS_CONTAINER_SUM);

describe('ECS_CONTAINER_SUM', () => {
  it('reports container cpu adding up to more than the task cpu', () => {
    const f = run([taskDef({ cpu: '512', memory: '1024' }, [container({ cpu: 384 }), container({ name: 'side', cpu: 256 })])]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'ECS_CONTAINER_SUM', severity: 'error', address: TD, path: 'container_definitions' });
    expect(f[0]!.message).toContain("the containers' cpu adds up to 640 units, more than the task's cpu 512");
  });

  it('reports a container memory above the task memory and reservations that do not fit', () => {
    const f = run([
      taskDef({ cpu: '512', memory: '1 GB' }, [container({ memory: 2048 }), container({ name: 'side', memoryReservation: 512 })]),
    ]);
    expect(f.map((x) => x.path)).toEqual(['container_definitions[0].memory', 'container_definitions']);
    expect(f[0]!.message).toBe('container "web" sets memory 2048 MiB, more than the task\'s memory "1 GB" (1024 MiB)');
    expect(f[1]!.message).toContain('the containers reserve 2560 MiB in total');
  });

  it('reports memoryReservation above memory', () => {
    const f = run([taskDef({}, [container({ memory: 256, memoryReservation: 384 })])]);
    expect(f).toHaveLength(1);
    expect(f[0]!.path).toBe('container_definitions[0].memoryReservation');
  });

  it('reports a task definition with no essential container', () => {
    const f = run([taskDef({}, [container({ essential: false }), container({ name: 'side', essential: false })])]);
    expect(f.map((x) => x.message)).toEqual([
      'no container is essential (every one sets essential = false); a task definition needs at least one essential container',
    ]);
  });

  it('reports an EC2 container without memory when the task has none', () => {
    const f = run([taskDef(EC2_ONLY, [container({ memory: 256 }), container({ name: 'side' })])]);
    expect(f).toHaveLength(1);
    expect(f[0]!.path).toBe('container_definitions[1].memory');
    expect(f[0]!.message).toContain('container "side" sets neither memory nor memoryReservation');
  });

  it('passes containers that fit, essential defaulting to true, and reservations on EC2', () => {
    expect(
      run([
        taskDef({ cpu: '512', memory: '1024' }, [
          container({ cpu: 256, memory: 512 }),
          container({ name: 'side', essential: false, cpu: 256, memoryReservation: 512 }),
        ]),
      ]),
    ).toEqual([]);
    expect(run([taskDef(EC2_ONLY, [container({ memoryReservation: 128 }), container({ name: 'side', memory: 256 })])])).toEqual([]);
  });

  it('says nothing when task cpu/memory, requires_compatibilities or container_definitions is unknown', () => {
    const big = [container({ cpu: 4096, memory: 8192 })];
    expect(
      run([
        taskDef({ cpu: null, memory: null }, big, {
          unknown: { cpu: true, memory: true },
          expressions: { cpu: ref('var.cpu'), memory: ref('var.memory') },
        }),
      ]),
    ).toEqual([]);
    expect(
      run([
        taskDef({ ...EC2_ONLY, requires_compatibilities: null }, [container()], {
          unknown: { requires_compatibilities: true },
          expressions: { requires_compatibilities: ref('var.compatibilities') },
        }),
      ]),
    ).toEqual([]);
    expect(
      run([
        taskDef({ container_definitions: null }, undefined, {
          unknown: { container_definitions: true },
          expressions: { container_definitions: ref('var.containers') },
        }),
      ]),
    ).toEqual([]);
  });
});
