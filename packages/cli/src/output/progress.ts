import type { OutputStream } from '../cli-io.ts';

export interface ProgressState {
  /** Bytes of the input read so far and its total size (0 when unknown, as for a pipe). */
  readonly bytes: number;
  readonly totalBytes: number;
  readonly messages: number;
  readonly skipped: number;
  readonly elapsedMs: number;
}

const BAR = 24;

/** `1234567` -> `1,234,567`, the same in every locale so logs and tests read alike. */
export function groupDigits(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * One line of progress, e.g. `[██████░░░░░░]  48%  96,000 messages  8,102/s  ETA 13s  2 skipped`.
 * Without a known size the bar and percentage are left out.
 */
export function formatProgress(p: ProgressState): string {
  const rate = p.elapsedMs > 0 ? (p.messages * 1000) / p.elapsedMs : 0;
  const parts: string[] = [];
  if (p.totalBytes > 0) {
    const fraction = Math.min(1, p.bytes / p.totalBytes);
    const filled = Math.round(fraction * BAR);
    parts.push(
      `[${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}]`,
      `${String(Math.floor(fraction * 100)).padStart(3)}%`,
    );
  }
  parts.push(`${groupDigits(p.messages)} messages`, `${groupDigits(rate)}/s`);
  if (p.totalBytes > 0 && p.bytes > 0 && p.bytes < p.totalBytes) {
    parts.push(`ETA ${seconds((p.elapsedMs * (p.totalBytes - p.bytes)) / p.bytes)}`);
  }
  if (p.skipped > 0) parts.push(`${groupDigits(p.skipped)} skipped`);
  return parts.join('  ');
}

/** The closing line on stderr: `attune analyze: 200,000 messages in 12s (16,260/s), 2 lines skipped`. */
export function formatSummary(command: string, p: ProgressState): string {
  const rate = p.elapsedMs > 0 ? (p.messages * 1000) / p.elapsedMs : 0;
  const time = p.elapsedMs < 10_000 ? `${(p.elapsedMs / 1000).toFixed(1)}s` : seconds(p.elapsedMs);
  const skipped = p.skipped > 0 ? `, ${groupDigits(p.skipped)} line${p.skipped === 1 ? '' : 's'} skipped` : '';
  return `attune ${command}: ${groupDigits(p.messages)} message${p.messages === 1 ? '' : 's'} in ${time} (${groupDigits(rate)}/s)${skipped}`;
}

/**
 * Redraws a progress line on a terminal at most every `intervalMs`. On anything but a TTY it draws
 * nothing: carriage returns in a log file are noise.
 */
export interface ProgressBar {
  update(state: ProgressState): void;
  /** Erases the line (before printing something else, or at the end). */
  clear(): void;
}

export function createProgressBar(
  stream: OutputStream,
  { enabled, intervalMs = 200 }: { enabled: boolean; intervalMs?: number },
): ProgressBar {
  let last = 0;
  let drawn = false;
  return {
    update(state) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      // A pseudo-terminal without a window size reports 0 columns.
      const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
      const width = Math.max(20, columns - 1);
      stream.write(`\r${formatProgress(state).slice(0, width)}\x1b[K`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
