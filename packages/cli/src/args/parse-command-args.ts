import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The parsed flags: a string or boolean per declared flag (arrays for `multiple: true`). */
export type FlagValues = Readonly<Record<string, string | boolean | readonly (string | boolean)[] | undefined>>;

export type ParsedArgs =
  | { readonly kind: 'ok'; readonly values: FlagValues; readonly positionals: readonly string[] }
  /** `--help` or `-h` was given: print the usage and stop. */
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

const HELP: OptionsConfig = { help: { type: 'boolean', short: 'h' } };

/**
 * Strict flag parsing with `node:util`'s parseArgs: unknown flags, a missing value and unexpected
 * positionals are errors with a short message (the caller prints it with the usage). Every command
 * gets `--help`/`-h`, and boolean flags accept `--no-<flag>`.
 */
export function parseCommandArgs(
  argv: readonly string[],
  options: OptionsConfig,
  { allowPositionals = false }: { readonly allowPositionals?: boolean } = {},
): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, ...HELP },
      strict: true,
      allowPositionals,
      allowNegative: true,
    });
    if (values['help'] === true) return { kind: 'help' };
    return { kind: 'ok', values, positionals };
  } catch (error) {
    return { kind: 'error', message: describeParseError(error) };
  }
}

function describeParseError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as Error & { code?: string }).code;
  const quoted = /'([^']+)'/.exec(error.message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown flag ${quoted ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted !== undefined ? `"${quoted}"` : ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // Node's wording names the flag and what it expects ("Option '--file <value>' argument missing").
      return error.message.replace(/^Option /, 'flag ');
    default:
      return error.message;
  }
}

/** A flag's value as a string, or undefined when absent (booleans and arrays are programmer errors here). */
export function stringFlag(values: FlagValues, name: string): string | undefined {
  const v = values[name];
  if (v === undefined || typeof v === 'string') return v;
  throw new TypeError(`stringFlag: flag --${name} is declared as ${Array.isArray(v) ? 'multiple' : 'boolean'}`);
}

/** A boolean flag's value, `fallback` when absent. */
export function booleanFlag(values: FlagValues, name: string, fallback = false): boolean {
  const v = values[name];
  if (v === undefined) return fallback;
  if (typeof v === 'boolean') return v;
  throw new TypeError(`booleanFlag: flag --${name} is not declared as boolean`);
}

/** Reads a positive whole number such as `--limit 100`. */
export function positiveIntegerFlag(
  values: FlagValues,
  name: string,
): { readonly ok: true; readonly value: number | undefined } | { readonly ok: false; readonly message: string } {
  const raw = stringFlag(values, name);
  if (raw === undefined) return { ok: true, value: undefined };
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n <= 0) {
    return { ok: false, message: `--${name} needs a whole number above 0, got "${raw}"` };
  }
  return { ok: true, value: n };
}
