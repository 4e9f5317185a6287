import { DIMENSIONI, type Dimensione } from '../../../../shared/contracts/reports';
import { AREA_CODES, AREE } from '../../../../shared/domain/cartella';
import { italianMonthName } from '../../../../shared/domain/dates';
import { protectLinked } from '../../../../shared/domain/report/linked-suppression';
import { gridOf, type Protection, type TableFigures } from '../../../../shared/domain/report/suppression';
import { ESITI, ESITO_LABELS } from '../../../../shared/domain/sal/regimi';
import type { FactRow, ReachedRow, ReportsRepository } from '../../db/repositories/reports.repo';

/** A report table with its exact figures and what is hidden when it leaves the office. */
export interface BuiltTable {
  id: string;
  titolo: string;
  unita: 'conteggio' | 'euro';
  colonne: string[];
  etichette: string[];
  /** (R+1)×(C+1): rows, then the totals row; the last column is the row total. */
  grid: number[][];
  hidden: boolean[][];
  nota: string;
}

export interface BuiltSection {
  dimensione: Dimensione;
  titolo: string;
  tabelle: BuiltTable[];
}

export interface BuiltReport {
  anno: number;
  trimestre: number;
  dal: string;
  al: string;
  titolo: string;
  soglia: number;
  sezioni: BuiltSection[];
}

const NON_INDICATO = 'Non indicato';
const SECTION_TITLES: Record<Dimensione, string> = { comune: 'Per comune di residenza', area: 'Per area di utenza', sede: 'Per sede', operatore: 'Per operatore' };
/** Who is listed by name in the operator grouping: the staff who hold cases, accessi or tirocini. */
const OPERATOR_PROFILES = new Set(['assistente_sociale', 'educatore', 'psicologo', 'mediatore_sal', 'amministrativo']);

export function quarterRange(anno: number, trimestre: number): { dal: string; al: string; months: string[] } {
  const first = (trimestre - 1) * 3 + 1;
  const months = [first, first + 1, first + 2].map((m) => String(m).padStart(2, '0'));
  const last = first + 2;
  const lastDay = new Date(Date.UTC(anno, last, 0)).getUTCDate();
  return { dal: `${anno}-${months[0]}-01`, al: `${anno}-${months[2]}-${String(lastDay).padStart(2, '0')}`, months };
}

type Group = { key: string | null; label: string };

/** The fixed rows of each grouping: the same list in every report, whatever the period holds. */
function groupsOf(repo: ReportsRepository): Record<Dimensione, Group[]> {
  const g = repo.groupings();
  return {
    comune: [...g.comuni.map((c) => ({ key: c.istat, label: c.nome })), { key: null, label: 'Fuori zona o non indicato' }],
    area: [...AREA_CODES.map((a) => ({ key: a, label: AREE[a].label })), { key: null, label: 'Non indicata' }],
    sede: [...g.sedi.map((s) => ({ key: s.id, label: s.nome })), { key: null, label: NON_INDICATO }],
    operatore: [...g.operatori.filter((u) => OPERATOR_PROFILES.has(u.profile)).map((u) => ({ key: u.id, label: u.nome })), { key: null, label: NON_INDICATO }],
  };
}

/** Row index of a fact's key in a grouping; unknown keys (a comune outside the zone) go to the last row. */
function indexer(groups: Group[]): (key: string | null) => number {
  const at = new Map(groups.flatMap((g, i) => (g.key === null ? [] : [[g.key, i] as const])));
  return (key) => (key === null ? groups.length - 1 : (at.get(key) ?? groups.length - 1));
}

function sumTable(facts: readonly FactRow[], dim: Dimensione, groups: Group[], cols: readonly string[], value: (f: FactRow) => number): number[][] {
  const row = indexer(groups);
  const col = new Map(cols.map((c, j) => [c, j]));
  const cells = groups.map(() => cols.map(() => 0));
  for (const f of facts) {
    const j = col.get(f.col);
    if (j === undefined) continue;
    cells[row(f[dim])]![j]! += value(f);
  }
  return cells;
}

/** Persons reached: distinct per cell, per row (quarter), per month and overall. */
function distinctTable(rows: readonly ReachedRow[], dim: Dimensione, groups: Group[], cols: readonly string[]) {
  const row = indexer(groups);
  const col = new Map(cols.map((c, j) => [c, j]));
  const cellSets = groups.map(() => cols.map(() => new Set<string>()));
  const rowSets = groups.map(() => new Set<string>());
  const colSets = cols.map(() => new Set<string>());
  const all = new Set<string>();
  for (const r of rows) {
    const j = col.get(r.col);
    if (j === undefined) continue;
    const i = row(r[dim]);
    cellSets[i]![j]!.add(r.person_id);
    rowSets[i]!.add(r.person_id);
    colSets[j]!.add(r.person_id);
    all.add(r.person_id);
  }
  return {
    cells: cellSets.map((r) => r.map((s) => s.size)),
    rowTotals: rowSets.map((s) => s.size),
    colTotals: colSets.map((s) => s.size),
    grand: all.size,
  };
}

export interface ReportFacts {
  reached: ReachedRow[];
  accessi: FactRow[];
  opened: FactRow[];
  closed: FactRow[];
  deliveries: FactRow[];
  held: FactRow[];
  missed: FactRow[];
  tirocini: FactRow[];
  esiti: FactRow[];
}

export function readFacts(repo: ReportsRepository, dal: string, al: string): ReportFacts {
  return {
    reached: repo.reached(dal, al),
    accessi: repo.accessi(dal, al),
    opened: repo.casesOpened(dal, al),
    closed: repo.casesClosed(dal, al),
    deliveries: repo.deliveries(dal, al),
    held: repo.appointments('svolto', dal, al),
    missed: repo.appointments('assente', dal, al),
    tirocini: repo.tirociniStarted(dal, al),
    esiti: repo.tirociniOutcomes(dal, al),
  };
}

/**
 * Every table of every grouping, exact, with the cells to hide at the zone's threshold. The four
 * groupings of one measure share their totals row, so they are protected together
 * (linked-suppression.ts): no total is hidden in one and printed in another.
 */
export function buildReport(repo: ReportsRepository, anno: number, trimestre: number, soglia: number): BuiltReport {
  const { dal, al, months } = quarterRange(anno, trimestre);
  const facts = readFacts(repo, dal, al);
  const groups = groupsOf(repo);
  const monthCols = [...months.map((m) => capital(italianMonthName(Number(m)))), 'Trimestre'];
  /** One measure in the four groupings, protected together: dimension → protection. */
  const linked = (figures: (dim: Dimensione) => TableFigures) => {
    const ps = protectLinked(
      DIMENSIONI.map((dim) => figures(dim)),
      soglia,
    );
    return (dim: Dimensione) => ps[DIMENSIONI.indexOf(dim)]!;
  };
  const counts = (rows: FactRow[], cols: readonly string[] = months) => linked((dim) => ({ cells: sumTable(rows, dim, groups[dim], cols, (f) => f.n) }));
  const persone = linked((dim) => distinctTable(facts.reached, dim, groups[dim], months));
  const accessi = counts(facts.accessi);
  const nuove = counts(facts.opened);
  const chiuse = counts(facts.closed);
  const erogazioni = counts(facts.deliveries);
  const svolti = counts(facts.held);
  const assenti = counts(facts.missed);
  const tirocini = counts(facts.tirocini);
  const esiti = counts(facts.esiti, ESITI);
  const sezioni = DIMENSIONI.map((dim): BuiltSection => {
    const labels = groups[dim].map((x) => x.label);
    const table = (id: string, titolo: string, p: Protection, nota = '', colonne = monthCols): BuiltTable => ({
      id,
      titolo,
      unita: 'conteggio',
      colonne,
      etichette: labels,
      grid: p.grid,
      hidden: p.hidden,
      nota,
    });
    const erogazioniP = erogazioni(dim);
    return {
      dimensione: dim,
      titolo: SECTION_TITLES[dim],
      tabelle: [
        table(
          'persone',
          'Persone raggiunte',
          persone(dim),
          'Persone con un accesso, una cartella aperta, un appuntamento svolto o un’erogazione nel periodo; una persona è contata una volta per riga e nei totali.',
        ),
        table('accessi', 'Accessi', accessi(dim)),
        table('nuove', 'Nuove cartelle', nuove(dim)),
        table('chiuse', 'Cartelle chiuse', chiuse(dim)),
        table('erogazioni', 'Interventi: erogazioni', erogazioniP),
        {
          id: 'importi',
          titolo: 'Interventi: importi erogati (€)',
          unita: 'euro',
          colonne: monthCols,
          etichette: labels,
          grid: gridOf({ cells: sumTable(facts.deliveries, dim, groups[dim], months, (f) => f.cents) }),
          // An amount says as much as its count: hidden where the count of erogazioni is.
          hidden: erogazioniP.hidden.map((r) => [...r]),
          nota: '',
        },
        table('svolti', 'Appuntamenti svolti', svolti(dim), 'Appuntamenti singoli con una persona; le serie ricorrenti (riunioni, sportelli) non sono contate.'),
        table('assenti', 'Appuntamenti mancati (persona assente)', assenti(dim)),
        table('tirocini', 'Tirocini SAL avviati', tirocini(dim)),
        table('esiti', 'Tirocini SAL: esiti registrati', esiti(dim), '', [...ESITI.map((e) => ESITO_LABELS[e]), 'Totale']),
      ],
    };
  });
  return { anno, trimestre, dal, al, titolo: `Report del ${trimestre}º trimestre ${anno}`, soglia, sezioni };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
