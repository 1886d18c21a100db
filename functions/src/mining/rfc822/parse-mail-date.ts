// Parses the Date header: RFC 5322 (`Tue, 1 Jul 2003 10:52:37 +0200`) and the variants real
// archives hold: no weekday, two- or four-digit years, missing seconds, named zones (GMT, EST,
// PDT...), a trailing comment (`(PDT)`), asctime (`Tue Jul  1 10:52:37 2003`) and ISO 8601.
// Written out rather than left to Date.parse, whose leniency differs between engines.
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAMED_ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  bst: 60, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180, ist: 330, jst: 540,
};

const RFC_DATE = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([+-]\d{4}|[+-]\d{2}:?\d{2}|[a-z]{1,5})?/i;
const ASCTIME_DATE = /^(?:[a-z]{3,9},?\s+)?([a-z]{3})[a-z]*\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([a-z]{1,5}|[+-]\d{4})\s+)?(\d{4})/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})[t\s](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(z|[+-]\d{2}:?\d{2})?$/i;

function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = NAMED_ZONES[zone.toLowerCase()];
  // RFC 5322 4.3: an unknown military or other zone means "unknown offset": read as UTC.
  return named ?? 0;
}

function fullYear(year: string): number {
  const value = Number(year);
  if (year.length === 4) return value;
  // RFC 5322 4.3: two digits 00-49 are 20xx, 50-99 are 19xx; three digits add 1900.
  if (year.length === 3) return value + 1900;
  return value < 50 ? 2000 + value : 1900 + value;
}

function build(parts: { year: number; month: number; day: number; hour: number; minute: number; second: number; offset: number | null }): Date | null {
  const { year, month, day, hour, minute, second, offset } = parts;
  if (offset === null || year < 1900 || year > 9999 || month < 0 || month > 11 || day < 1 || day > 31) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - offset * 60_000;
  const date = new Date(utc);
  // Reject days past the month's end (31 Feb) instead of rolling over into the next month.
  if (new Date(Date.UTC(year, month, day)).getUTCDate() !== day) return null;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The instant, or null when the value is not a date we can trust. */
export function parseMailDate(value: string): Date | null {
  const text = value.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const rfc = RFC_DATE.exec(text);
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2]!.toLowerCase());
    return build({
      year: fullYear(rfc[3]!), month, day: Number(rfc[1]), hour: Number(rfc[4]), minute: Number(rfc[5]),
      second: Number(rfc[6] ?? 0), offset: zoneOffsetMinutes(rfc[7]),
    });
  }
  const asctime = ASCTIME_DATE.exec(text);
  if (asctime) {
    return build({
      year: Number(asctime[7]), month: MONTHS.indexOf(asctime[1]!.toLowerCase()), day: Number(asctime[2]),
      hour: Number(asctime[3]), minute: Number(asctime[4]), second: Number(asctime[5] ?? 0), offset: zoneOffsetMinutes(asctime[6]),
    });
  }
  const iso = ISO_DATE.exec(text);
  if (iso) {
    return build({
      year: Number(iso[1]), month: Number(iso[2]) - 1, day: Number(iso[3]), hour: Number(iso[4]), minute: Number(iso[5]),
      second: Number(iso[6] ?? 0), offset: zoneOffsetMinutes(iso[7]),
    });
  }
  return null;
}
