/** The API answers in UTC (ISO 8601, e.g. `2026-12-01T06:30:00Z`); studios live in Asia/Shanghai (UTC+8, no daylight saving). */
export const StudioTimeZone = 'Asia/Shanghai';

/** `2026-12-01T06:30:00Z` → `2026-12-01 14:30` (Asia/Shanghai), for display. */
export function formatShanghai(isoUtc: string, withTime = true): string {
  const t = new Date(isoUtc);
  if (Number.isNaN(t.getTime())) throw new Error(`Not an ISO 8601 time: ${isoUtc}`);
  const local = new Date(t.getTime() + 8 * 60 * 60 * 1000); // Asia/Shanghai is UTC+8 all year
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${local.getUTCFullYear()}-${p(local.getUTCMonth() + 1)}-${p(local.getUTCDate())}`;
  return withTime ? `${day} ${p(local.getUTCHours())}:${p(local.getUTCMinutes())}` : day;
}

/** A date and time typed in Asia/Shanghai (`2026-12-01`, `14:30`) → the UTC ISO 8601 string the API takes. */
export function shanghaiToUtc(date: string, time = '00:00'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const n = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !n) throw new Error(`Expected YYYY-MM-DD and HH:mm, got ${date} ${time}`);
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], n[1], n[2]].map(Number) as [number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi) - 8 * 60 * 60 * 1000;
  return new Date(utc).toISOString().replace('.000Z', 'Z');
}
