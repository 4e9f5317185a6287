import type { WritableTable } from '../db/schema';
import { atomicWrite } from '../files/atomic-write';
import type { Batch } from './generate';
import type { SalSamples } from './sal';
import { SEED_TABLES } from './import';

/** What a seed run created, for tests and the IT staff: counts per table and ids to open. */
export interface SeedManifest {
  seed: number;
  today: string;
  counts: Partial<Record<WritableTable, number>>;
  samples: {
    /** A person with a case file. */
    person: { id: string; codiceFiscale: string } | null;
    /** One case number per sede letter. */
    caseNumbers: Record<string, string>;
    /** A colloquio (a single appointment). */
    appointmentId: string | null;
    /** One active user name per profile. */
    users: Record<string, string>;
    /** With --tirocini: a tirocinio per state, a beneficiario waiting, a host company, the month to pay. */
    sal: SalSamples | null;
  };
}

/** Tallies the batches as they are imported, keeping the first sample of each kind. */
export class ManifestTally {
  private readonly counts = new Map<WritableTable, number>(SEED_TABLES.map((t) => [t, 0]));
  private person: SeedManifest['samples']['person'] = null;
  private readonly caseNumbers: Record<string, string> = {};
  private appointmentId: string | null = null;
  private salSamples: SalSamples | null = null;

  constructor(private readonly sedeLetters: ReadonlyMap<string, string>) {}

  add(batch: Batch): void {
    for (const table of SEED_TABLES) this.counts.set(table, (this.counts.get(table) ?? 0) + (batch[table]?.length ?? 0));
    for (const c of batch.cases ?? []) {
      const lettera = this.sedeLetters.get(String(c.values.sede_id));
      if (lettera && !(lettera in this.caseNumbers)) this.caseNumbers[lettera] = String(c.values.numero);
      if (!this.person) {
        const p = batch.persons?.find((x) => x.id === c.values.person_id);
        if (p) this.person = { id: p.id, codiceFiscale: String(p.values.codice_fiscale) };
      }
    }
    this.appointmentId ??= batch.appointments?.find((a) => a.values.tipo === 'colloquio')?.id ?? null;
  }

  sal(samples: SalSamples): void {
    this.salSamples = samples;
  }

  manifest(seed: number, today: string, users: readonly { username: string; profile: string; disabled: boolean }[]): SeedManifest {
    const byProfile: Record<string, string> = {};
    for (const u of users) if (!u.disabled && !(u.profile in byProfile)) byProfile[u.profile] = u.username;
    return {
      seed,
      today,
      counts: Object.fromEntries(this.counts),
      samples: { person: this.person, caseNumbers: this.caseNumbers, appointmentId: this.appointmentId, users: byProfile, sal: this.salSamples },
    };
  }
}

/** Whole or not at all: a test or a script never reads half a manifest. */
export function writeManifest(file: string, manifest: SeedManifest): void {
  atomicWrite(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
