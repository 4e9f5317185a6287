import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import type { Report } from './store';

type Section = Report['sezioni'][number];

/** Month-by-month trend of the main counts (the column totals), and the quarter's people per group. */
export function ReportCharts({ section }: { section: Section }) {
  const byId = new Map(section.tabelle.map((t) => [t.id, t]));
  const months = byId.get('accessi')?.colonne.slice(0, -1) ?? [];
  const trend = ['accessi', 'nuove', 'chiuse', 'erogazioni', 'svolti', 'assenti'].flatMap((id) => {
    const t = byId.get(id);
    return t ? [{ label: t.titolo, data: t.totali.slice(0, -1).map((c) => c.valore) }] : [];
  });
  const persone = byId.get('persone');
  const groups = persone ? persone.righe.map((r) => ({ label: r.etichetta, value: r.celle.at(-1)?.valore ?? null })) : [];
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr' }, gap: 3, mb: 3 }}>
      <figure style={{ margin: 0 }} aria-label="Andamento mensile">
        <Typography component="figcaption" sx={{ fontWeight: 600 }}>
          Andamento mese per mese
        </Typography>
        <BarChart height={300} xAxis={[{ scaleType: 'band', data: months }]} series={trend} skipAnimation />
      </figure>
      <figure style={{ margin: 0 }} aria-label="Persone raggiunte per gruppo">
        <Typography component="figcaption" sx={{ fontWeight: 600 }}>
          Persone raggiunte nel trimestre ({section.titolo.toLowerCase()})
        </Typography>
        <BarChart
          height={Math.max(220, groups.length * 24 + 40)}
          layout="horizontal"
          yAxis={[{ scaleType: 'band', data: groups.map((g) => g.label), width: 170 }]}
          series={[{ label: 'Persone raggiunte', data: groups.map((g) => g.value) }]}
          skipAnimation
        />
      </figure>
    </Box>
  );
}
