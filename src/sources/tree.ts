import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { PlanModel, Resource } from '../plan/model.js';
import { TYPE_TABLES } from '../engine/reads.js';
import type { ConfigModule } from '../plan/schema.js';
import type { SourceLocation } from '../engine/context.js';
import { parseLifecycle } from './hcl.js';
import { scanTf, type InlineIgnore, type ScannedBlock } from './scan.js';

/** A resource block found in the sources. */
export interface BlockSource extends SourceLocation {
  /** `container-plan-check:ignore` comments above the block. */
  ignores: InlineIgnore[];
  /** `lifecycle.ignore_changes` (analysed types); undefined when it could not be read. */
  ignoreChanges: string[] | 'all' | undefined;
}

/** What the sources say about one plan's resources. */
export interface PlanSources {
  locate(r: Resource): SourceLocation | undefined;
  ignoreChanges(r: Resource): string[] | 'all' | undefined;
  block(r: Resource): BlockSource | undefined;
  /** Problems worth a note: HCL that does not parse, bad ignore comments, an unclear root. */
  warnings: string[];
}

export const NO_SOURCES: PlanSources = { locate: () => undefined, ignoreChanges: () => undefined, block: () => undefined, warnings: [] };

interface TfFile {
  abs: string;
  /** Shown in reports: relative to the working directory, or under the --tf-dir as given. */
  display: string;
  lines: string[];
  blocks: ScannedBlock[];
}

const MAX_SEARCH_DEPTH = 6;
const SKIP_DIRS = new Set(['node_modules', '.terraform', '.git']);

/**
 * The `.tf` sources under --tf-dir, read once per run and shared by every plan. Finds each
 * plan's root module directory, follows local module calls (from the `.tf` files and from the
 * plan's configuration), locates resource blocks with the line scanner, and has hcl2-parser read
 * the lifecycle blocks of the resource types we analyse (the parser is loaded only then).
 */
export class SourceTree {
  private readonly root: string;
  private readonly dirs = new Map<string, Promise<TfFile[]>>();
  private readonly lifecycles = new Map<string, Promise<string[] | 'all' | undefined>>();
  private subdirs: Promise<string[]> | undefined;

  constructor(
    private readonly tfDir: string,
    /** Rule IDs an inline ignore comment may name. */
    private readonly isRule: (id: string) => boolean,
    private readonly cwd = process.cwd(),
  ) {
    this.root = resolve(cwd, tfDir);
  }

  /** Indexes the blocks of one plan's resources. */
  async forPlan(model: PlanModel, planPath: string): Promise<PlanSources> {
    const warnings: string[] = [];
    const rootDir = await this.findRoot(model, planPath, warnings);
    if (!rootDir) return { ...NO_SOURCES, warnings };
    const found = await this.walkModules(model, rootDir, warnings);
    const block = (r: Resource) => found.get(r.configAddress);
    return {
      block,
      locate: (r) => {
        const b = block(r);
        return b ? { file: b.file, line: b.line } : undefined;
      },
      ignoreChanges: (r) => block(r)?.ignoreChanges,
      // A module directory called twice is indexed twice: say each problem once.
      warnings: [...new Set(warnings)],
    };
  }

  /** Every block of the root module and the local modules it calls, by configuration address. */
  private async walkModules(model: PlanModel, rootDir: string, warnings: string[]): Promise<Map<string, BlockSource>> {
    const blocks = new Map<string, BlockSource>();
    const seen = new Set<string>();
    const queue: { path: string; dir: string; mod: ConfigModule | undefined }[] = [
      { path: '', dir: rootDir, mod: model.plan.configuration?.root_module },
    ];
    while (queue.length > 0) {
      const { path, dir, mod } = queue.shift()!;
      if (seen.has(`${path}|${dir}`) || seen.size > 1000) continue;
      seen.add(`${path}|${dir}`);
      const files = await this.files(dir);
      await this.index(path, files, blocks, warnings);
      // Local module calls: the `.tf` files say where they point; the plan knows calls too.
      const sources = new Map<string, string>();
      for (const [name, call] of Object.entries(mod?.module_calls ?? {})) if (call.source) sources.set(name, call.source);
      for (const f of files) for (const b of f.blocks) if (b.kind === 'module' && b.source) sources.set(b.key, b.source);
      for (const [name, source] of sources) {
        if (!/^\.\.?\//.test(source)) continue; // registry and remote modules are not in the sources
        const child = path ? `${path}.module.${name}` : `module.${name}`;
        queue.push({ path: child, dir: resolve(dir, source), mod: mod?.module_calls?.[name]?.module });
      }
    }
    return blocks;
  }

  private async index(path: string, files: TfFile[], blocks: Map<string, BlockSource>, warnings: string[]): Promise<void> {
    // Override files come last: they cannot move a block, but may set its lifecycle.
    const ordered = [...files].sort((a, b) => Number(isOverride(a.abs)) - Number(isOverride(b.abs)));
    for (const f of ordered) {
      for (const b of f.blocks) {
        if (b.kind === 'module') continue;
        const address = path ? `${path}.${b.key}` : b.key;
        const ignoreChanges =
          b.kind === 'resource' && TYPE_TABLES.isAnalysed(b.type!) ? await this.ignoreChangesOf(f, b, warnings) : undefined;
        const known = blocks.get(address);
        if (!known) blocks.set(address, { file: f.display, line: b.line, ignores: this.validIgnores(f, b, warnings), ignoreChanges });
        else if (isOverride(f.abs) && b.lifecycle) known.ignoreChanges = ignoreChanges;
      }
    }
  }

  /**
   * `ignore_changes` of a block: [] without a lifecycle block; else hcl2-parser reads the
   * lifecycle block (only that text: the parser takes milliseconds per line, see bench/hcl.ts).
   * Undefined, with a warning naming the file, when it does not parse.
   */
  private async ignoreChangesOf(f: TfFile, b: ScannedBlock, warnings: string[]): Promise<string[] | 'all' | undefined> {
    if (!b.lifecycle) return [];
    const key = `${f.abs}:${b.lifecycle.start}`;
    let p = this.lifecycles.get(key);
    if (!p) {
      p = parseLifecycle(f.lines.slice(b.lifecycle.start - 1, b.lifecycle.end).join('\n'));
      this.lifecycles.set(key, p);
    }
    const ic = await p;
    if (ic === undefined)
      warnings.push(
        `${f.display}:${b.lifecycle.start}: the lifecycle block of ${b.key} could not be parsed as HCL; its ignore_changes was not read`,
      );
    return ic;
  }

  /** Ignore comments that name a known rule and give a reason; the others are warnings. */
  private validIgnores(f: TfFile, b: ScannedBlock, warnings: string[]): InlineIgnore[] {
    return b.ignores.filter((ig) => {
      const where = `${f.display}:${ig.line}`;
      if (!ig.rule) warnings.push(`${where}: container-plan-check:ignore needs a rule ID and a reason`);
      else if (!this.isRule(ig.rule))
        warnings.push(`${where}: container-plan-check:ignore names an unknown rule ID ${JSON.stringify(ig.rule)}`);
      else if (!ig.reason) warnings.push(`${where}: container-plan-check:ignore ${ig.rule} needs a reason; the finding is not suppressed`);
      else return true;
      return false;
    });
  }

  /** The `.tf` files of one directory (not recursive: a directory is a module). */
  private files(dir: string): Promise<TfFile[]> {
    let p = this.dirs.get(dir);
    if (!p) {
      p = this.readDir(dir);
      this.dirs.set(dir, p);
    }
    return p;
  }

  private async readDir(dir: string): Promise<TfFile[]> {
    let names: string[];
    try {
      names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.tf')).map((e) => e.name);
    } catch {
      return [];
    }
    const out: TfFile[] = [];
    for (const name of names.sort()) {
      const abs = join(dir, name);
      const text = await readFile(abs, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      out.push({ abs, display: this.display(abs), lines: text.split(/\r?\n/), blocks: scanTf(text) });
    }
    return out;
  }

  private display(abs: string): string {
    const fromCwd = relative(this.cwd, abs);
    const rel = fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : join(this.tfDir, relative(this.root, abs));
    return rel.split(sep).join('/');
  }

  /**
   * The directory whose `.tf` files declare the plan's root module: --tf-dir itself when it does,
   * else the best match below it (the action passes the whole workspace). Ties go to the
   * directory nearest the plan file.
   */
  private async findRoot(model: PlanModel, planPath: string, warnings: string[]): Promise<string | undefined> {
    const wanted = rootDeclarations(model);
    if (wanted.size === 0) return undefined;
    const score = async (dir: string) => {
      let n = 0;
      for (const f of await this.files(dir)) for (const b of f.blocks) if (wanted.has(b.kind === 'module' ? `module.${b.key}` : b.key)) n++;
      return n;
    };
    if ((await score(this.root)) > 0) return this.root;
    this.subdirs ??= listDirs(this.root, MAX_SEARCH_DEPTH);
    let best: { dir: string; score: number; near: number }[] = [];
    const planDir = resolve(this.cwd, planPath, '..');
    for (const dir of await this.subdirs) {
      const s = await score(dir);
      if (s === 0) continue;
      const cand = { dir, score: s, near: commonPrefix(dir, planDir) };
      const top = best[0];
      if (!top || s > top.score || (s === top.score && cand.near > top.near)) best = [cand];
      else if (s === top.score && cand.near === top.near) best.push(cand);
    }
    if (best.length > 1) {
      warnings.push(
        `the Terraform sources of this plan could be in ${best.map((b) => this.display(b.dir) || '.').join(' or ')}; pass --tf-dir to choose`,
      );
      return undefined;
    }
    return best[0]?.dir;
  }
}

/** What the root module declares: `TYPE.NAME`, `data.TYPE.NAME` and `module.NAME`. */
function rootDeclarations(model: PlanModel): Set<string> {
  const out = new Set<string>();
  const root = model.plan.configuration?.root_module;
  for (const r of root?.resources ?? []) out.add(r.address);
  for (const name of Object.keys(root?.module_calls ?? {})) out.add(`module.${name}`);
  for (const r of model.resources) {
    if (r.moduleConfigPath) out.add(`module.${r.modules[0]!.name}`);
    else out.add(r.configAddress);
  }
  return out;
}

async function listDirs(root: string, depth: number): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, d: number) => {
    if (d <= 0 || out.length > 5000) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (!e.isDirectory() || SKIP_DIRS.has(e.name) || e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      out.push(full);
      await walk(full, d - 1);
    }
  };
  await walk(root, depth);
  return out.sort();
}

function commonPrefix(a: string, b: string): number {
  const x = a.split(sep);
  const y = b.split(sep);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}

function isOverride(file: string): boolean {
  return /(^|[/\\_])override\.tf$/.test(file);
}
