import type { Cell, Sheet } from '../../files/spreadsheet';
import type { BuiltReport } from './report-tables';

/**
 * The report as one sheet, a line per figure (grouping, indicator, group, column, value): the
 * same fixed groupings every quarter, so a pivot table rebuilds any view. Hidden figures leave
 * the value empty and say "< soglia"; totals are on their own lines, protected the same way.
 */
export function reportSheet(report: BuiltReport): Sheet {
  const rows: Cell[][] = [];
  const hiddenNote = `< ${report.soglia}`;
  for (const s of report.sezioni) {
    for (const t of s.tabelle) {
      const labels = [...t.etichette, 'Totale'];
      t.grid.forEach((line, i) =>
        line.forEach((value, j) => {
          const hidden = t.hidden[i]![j]!;
          const shown = hidden ? null : t.unita === 'euro' ? value / 100 : value;
          rows.push([s.titolo, t.titolo, labels[i]!, t.colonne[j]!, shown, hidden ? hiddenNote : '']);
        }),
      );
    }
  }
  return {
    name: `Report ${report.anno} T${report.trimestre}`,
    columns: [
      { header: 'Raggruppamento', kind: 'text', width: 26 },
      { header: 'Indicatore', kind: 'text', width: 36 },
      { header: 'Gruppo', kind: 'text', width: 34 },
      { header: 'Periodo o voce', kind: 'text', width: 26 },
      { header: 'Valore', kind: 'number', width: 12 },
      { header: 'Nascosto', kind: 'text', width: 10 },
    ],
    rows,
  };
}
