/**
 * The W2 and W5 input: an `outcomes.csv` of `rows` outcome rows as a spreadsheet exports it
 * (CRLF, quoted cells with commas, "£1,234.50" money, "25%" fractions). The same rows as
 * bench/csv.ts, so that figures from the two scripts measure the same text.
 */
export function outcomesCsv(rows: number): string {
  const header =
    'id,stakeholder,outcome,indicator,category,quantity,proxy_description,proxy_value,proxy_source,duration,start,deadweight,displacement,attribution,leakage,drop_off';
  const lines = [header];
  for (let i = 0; i < rows; i += 1) {
    lines.push(
      `o${i},Stakeholder ${i % 20},Outcome ${i},Indicator ${i},${i % 2 === 0 ? 'social' : 'fiscal'},${(i % 90) + 10},"Proxy, described",` +
        `"£1,${String(i % 1000).padStart(3, '0')}.50",Source ${i % 5},${1 + (i % 5)},1,${i % 40}%,0%,25%,0,${i % 60}%`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The settings that go with the CSV (docs/model.md): a name, and the default discount rate. */
export const CSV_SETTINGS = { name: 'bench' } as const;
