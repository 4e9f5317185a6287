import type { Db } from '../open';
import type { RowOf } from '../schema';
import { prepared } from '../statements';
import type { ZoneData, SedeData } from '../../../../shared/contracts/zone';
import { DEFAULT_RESPONSABILI, PROFILES, type Profile } from '../../../../shared/domain/permissions';

type ZoneRow = RowOf<'zone'>;

type SedeRow = RowOf<'sedi'>;

type RoomRow = RowOf<'rooms'>;

export class ZoneRepository {
  constructor(private readonly db: Db) {}

  zoneId(): string | null {
    return (this.db.prepare('SELECT id FROM zone LIMIT 1').get() as { id: string } | undefined)?.id ?? null;
  }

  idleTimeoutMin(): number {
    return (this.db.prepare('SELECT idle_timeout_min AS m FROM zone LIMIT 1').get() as { m: number } | undefined)?.m ?? 10;
  }

  /** The zone's rules on case operators: who may be responsabile, what a former operator keeps. */
  caseRules(): ZoneData['regoleCartelle'] {
    const z = this.db.prepare('SELECT responsabili_profili, ex_operatore_legge_propri FROM zone LIMIT 1').get() as
      Pick<ZoneRow, 'responsabili_profili' | 'ex_operatore_legge_propri'> | undefined;
    return toCaseRules(z);
  }

  get(): ZoneData {
    const z = prepared(this.db, 'SELECT * FROM zone LIMIT 1').get() as ZoneRow | undefined;
    if (!z) throw new Error('Zone row missing');
    const comuni = prepared(this.db, 'SELECT id, istat, catastale, nome, provincia FROM comuni ORDER BY nome COLLATE NOCASE').all() as ZoneData['comuni'];
    return {
      nome: z.nome,
      ente: z.ente,
      letterhead: { intestazione: z.lh_intestazione, sottotitolo: z.lh_sottotitolo, indirizzo: z.lh_indirizzo, contatti: z.lh_contatti },
      idleTimeoutMin: z.idle_timeout_min,
      regoleCartelle: toCaseRules(z),
      comuni,
      sedi: this.sedi(),
    };
  }

  sedi(): SedeData[] {
    const rooms = prepared(this.db, 'SELECT * FROM rooms ORDER BY nome COLLATE NOCASE').all() as RoomRow[];
    return (prepared(this.db, 'SELECT * FROM sedi ORDER BY nome COLLATE NOCASE').all() as SedeRow[]).map((s) => this.toSede(s, rooms));
  }

  sede(id: string): SedeData | null {
    const s = this.db.prepare('SELECT * FROM sedi WHERE id = ?').get(id) as SedeRow | undefined;
    if (!s) return null;
    return this.toSede(s, this.db.prepare('SELECT * FROM rooms WHERE sede_id = ?').all(id) as RoomRow[]);
  }

  comuneByIstat(istat: string): { id: string } | null {
    return (this.db.prepare('SELECT id FROM comuni WHERE istat = ?').get(istat) as { id: string } | undefined) ?? null;
  }

  comune(id: string): ZoneData['comuni'][number] | null {
    return (this.db.prepare('SELECT id, istat, catastale, nome, provincia FROM comuni WHERE id = ?').get(id) as ZoneData['comuni'][number] | undefined) ?? null;
  }

  sedeByLettera(lettera: string): { id: string } | null {
    return (this.db.prepare('SELECT id FROM sedi WHERE lettera = ?').get(lettera) as { id: string } | undefined) ?? null;
  }

  room(id: string): { id: string; sedeId: string; nome: string; attiva: boolean } | null {
    const r = this.db.prepare('SELECT * FROM rooms WHERE id = ?').get(id) as RoomRow | undefined;
    return r ? { id: r.id, sedeId: r.sede_id, nome: r.nome, attiva: r.attiva === 1 } : null;
  }

  roomByName(sedeId: string, nome: string): { id: string } | null {
    return (this.db.prepare('SELECT id FROM rooms WHERE sede_id = ? AND nome = ?').get(sedeId, nome) as { id: string } | undefined) ?? null;
  }

  private toSede(s: SedeRow, rooms: RoomRow[]): SedeData {
    return {
      id: s.id,
      nome: s.nome,
      lettera: s.lettera,
      comuneIstat: s.comune_istat,
      indirizzo: s.indirizzo,
      telefono: s.telefono,
      rooms: rooms.filter((r) => r.sede_id === s.id).map((r) => ({ id: r.id, sedeId: r.sede_id, nome: r.nome, attiva: r.attiva === 1 })),
    };
  }
}

function toCaseRules(z: Pick<ZoneRow, 'responsabili_profili' | 'ex_operatore_legge_propri'> | undefined): ZoneData['regoleCartelle'] {
  let profiles: Profile[] = [...DEFAULT_RESPONSABILI];
  try {
    const parsed: unknown = JSON.parse(z?.responsabili_profili ?? '[]');
    if (Array.isArray(parsed)) profiles = parsed.filter((p): p is Profile => (PROFILES as readonly unknown[]).includes(p));
  } catch {
    // A damaged value falls back to the default rule: assistenti sociali only.
  }
  return { responsabiliProfili: profiles.length > 0 ? profiles : [...DEFAULT_RESPONSABILI], exOperatoreLeggePropri: z?.ex_operatore_legge_propri === 1 };
}
