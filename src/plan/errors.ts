/**
 * An error in what the user gave us (a file, an option, a config). Its message is one line,
 * names the input, and never carries plan content. The CLI maps it to exit code 2.
 *
 * The file name and the problem can quote input (a key, a path), so both are made one line here,
 * control characters escaped: no message can start a line of its own on standard error (where a
 * line starting with `::` is a workflow command when the CLI runs in a GitHub Actions step).
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly file: string | undefined;
  readonly problem: string;
  constructor(file: string | undefined, problem: string) {
    const f = file === undefined ? undefined : escapeControl(file);
    const p = escapeControl(problem);
    super(f ? `${f}: ${p}` : p);
    this.file = f;
    this.problem = p;
  }
}

/**
 * Line breaks, other control characters and invisible format characters as escapes
 * (`\n`, `\u001b`, `\u2028` …): the text stays one visible line and says what it held.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControl(s: string): string {
  return s.replace(UNSAFE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Turns any thrown value into a single safe line (no stack, no plan content). */
export function oneLine(err: unknown): string {
  if (err instanceof InputError) return err.message;
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return escapeControl(text.split('\n')[0]!).slice(0, 500);
}
