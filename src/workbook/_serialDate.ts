/**
 * A spreadsheet date serial as ISO 8601 text, computed with whole-number arithmetic (no clock, no
 * `Date`). In the 1900 system serial 1 is 1900-01-01 and serial 60 is the 29 February 1900 that
 * Lotus 1-2-3 invented and Excel keeps; in the 1904 system serial 0 is 1904-01-01. The fraction is
 * the time of day, to the nearest second. `undefined` for a negative or non-finite serial.
 */
export function serialDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) {
    days++;
    seconds = 0;
  }
  const time = seconds === 0 ? '' : clock(seconds);
  if (!date1904 && days === 0) return time === '' ? '1900-01-00' : time;
  let date: string;
  if (date1904) date = civil(days + DAYS_1904);
  else if (days === 60) date = '1900-02-29';
  else date = civil(days + (days < 60 ? DAYS_1900 : DAYS_1900 - 1));
  return time === '' ? date : `${date}T${time}`;
}

/** Days from 1970-01-01 to 1899-12-31 (serial 0 of the 1900 system) and to 1904-01-01. */
const DAYS_1900 = -25_568;
const DAYS_1904 = -24_107;

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** The civil date of a day count from 1970-01-01 (Howard Hinnant's `civil_from_days`). */
function civil(daysSinceEpoch: number): string {
  const z = daysSinceEpoch + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
