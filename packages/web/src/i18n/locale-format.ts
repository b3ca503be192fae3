import type { Locale } from './translate.ts';

/**
 * Numbers, percentages, durations and dates for one UI language, through Intl. Formatters are built once per
 * locale because constructing Intl objects costs far more than using them.
 */
export interface LocaleFormat {
  readonly locale: Locale;
  number(x: number, fractionDigits?: number): string;
  /** 0..1 as a percentage: 0.734 -> "73%". */
  percent(x: number): string;
  /** A wait or duration in milliseconds, in its largest sensible unit: "45 sec", "12 min", "3 hr", "2 days". */
  duration(ms: number): string;
  /** A countdown as m:ss (or h:mm:ss), the form a timer shows. */
  clock(ms: number): string;
  dateTime(at: Date | string): string;
  time(at: Date | string): string;
  /** "5 minutes ago", "in 2 hours". */
  relative(at: Date | string, now: number): string;
}

const HTML_LANG: Readonly<Record<Locale, string>> = { en: 'en', zh: 'zh-CN', ru: 'ru' };

/** The BCP 47 tag for `<html lang>` and Intl. */
export function htmlLang(locale: Locale): string {
  return HTML_LANG[locale];
}

export function localeFormat(locale: Locale): LocaleFormat {
  const tag = HTML_LANG[locale];
  const pct = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const numbers = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number): Intl.NumberFormat => {
    let f = numbers.get(digits);
    if (f === undefined) {
      f = new Intl.NumberFormat(tag, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
      numbers.set(digits, f);
    }
    return f;
  };
  const unit = (u: 'second' | 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(tag, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 0 });
  const units = { second: unit('second'), minute: unit('minute'), hour: unit('hour'), day: unit('day') };
  const dt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const tm = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' });
  const rel = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  const toDate = (at: Date | string): Date => (typeof at === 'string' ? new Date(at) : at);

  return {
    locale,
    number: (x, digits = 0) => numberFormat(digits).format(x),
    percent: (x) => pct.format(Number.isFinite(x) ? x : 0),
    duration(ms) {
      const s = Math.max(0, ms) / 1000;
      if (s < 60) return units.second.format(Math.floor(s));
      if (s < 3600) return units.minute.format(Math.floor(s / 60));
      if (s < 86400) return units.hour.format(Math.floor(s / 3600));
      return units.day.format(Math.floor(s / 86400));
    },
    clock(ms) {
      const total = Math.max(0, Math.ceil(ms / 1000));
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = total % 60;
      const ss = String(s).padStart(2, '0');
      return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
    },
    dateTime: (at) => dt.format(toDate(at)),
    time: (at) => tm.format(toDate(at)),
    relative(at, now) {
      const diff = (toDate(at).getTime() - now) / 1000;
      const abs = Math.abs(diff);
      if (abs < 60) return rel.format(Math.round(diff), 'second');
      if (abs < 3600) return rel.format(Math.round(diff / 60), 'minute');
      if (abs < 86400) return rel.format(Math.round(diff / 3600), 'hour');
      return rel.format(Math.round(diff / 86400), 'day');
    },
  };
}
