/**
 * An error in what the user gave us (a file, an option, a config). Its message is one line,
 * names the input, and never carries plan content. The CLI maps it to exit code 2.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly file: string | undefined,
    readonly problem: string,
  ) {
    super(file ? `${file}: ${problem}` : problem);
  }
}

/** Turns any thrown value into a single safe line (no stack, no plan content). */
export function oneLine(err: unknown): string {
  if (err instanceof InputError) return err.message;
  if (err instanceof Error) return `${err.name}: ${err.message}`.split('\n')[0]!.slice(0, 500);
  return String(err).split('\n')[0]!.slice(0, 500);
}
