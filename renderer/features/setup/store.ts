import { create } from 'zustand';
import type { InputOf } from '../../../shared/contracts';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { ZONA_SOCIALE_11 } from '../../../shared/domain/zone-seed';
import { api } from '../../api/client';
import { toShownError, withoutFields, type ShownError } from '../../api/errors';
import { enterWithSession } from '../session';

/** The wizard's drafts are the contract's own input, so a field added there is a field here. */
export type ZoneDraft = InputOf<'setup.init'>['zone'];

export type AdminDraft = InputOf<'setup.init'>['admin'] & { confirm: string };

export type SetupStep = 0 | 1 | 2;

interface SetupState {
  step: SetupStep;
  zone: ZoneDraft;
  admin: AdminDraft;
  busy: boolean;
  error: ShownError | null;
  recoveryKey: string | null;
  session: SessionInfoData | null;
  createdAt: Date | null;
}

function seedDraft(): ZoneDraft {
  const seed = structuredClone(ZONA_SOCIALE_11);
  return { nome: seed.nome, ente: seed.ente, comuni: seed.comuni, sedi: seed.sedi, letterhead: seed.letterhead };
}

/** The wizard's draft lives here, not in the steps, so going back and forth never loses a field. */
export const useSetupStore = create<SetupState>(() => ({
  step: 0,
  zone: seedDraft(),
  admin: { fullName: '', username: '', password: '', confirm: '' },
  busy: false,
  error: null,
  recoveryKey: null,
  session: null,
  createdAt: null,
}));

export const selectStep = (s: SetupState) => s.step;
export const selectZoneDraft = (s: SetupState) => s.zone;
export const selectAdminDraft = (s: SetupState) => s.admin;
export const selectBusy = (s: SetupState) => s.busy;
export const selectError = (s: SetupState) => s.error;
export const selectRecoveryKey = (s: SetupState) => s.recoveryKey;
export const selectCreatedSession = (s: SetupState) => s.session;
export const selectCreatedAt = (s: SetupState) => s.createdAt;

const set = useSetupStore.setState;
const get = useSetupStore.getState;

export function updateZone(patch: Partial<ZoneDraft>): void {
  set({ zone: { ...get().zone, ...patch } });
}

export function updateLetterhead(patch: Partial<ZoneDraft['letterhead']>): void {
  const zone = get().zone;
  set({ zone: { ...zone, letterhead: { ...zone.letterhead, ...patch } } });
}

export function updateSede(index: number, patch: Partial<ZoneDraft['sedi'][number]>): void {
  const zone = get().zone;
  set({ zone: { ...zone, sedi: zone.sedi.map((s, i) => (i === index ? { ...s, ...patch } : s)) } });
}

export function updateAdmin(patch: Partial<AdminDraft>): void {
  const edited = Object.keys(patch).map((k) => `admin.${k}`);
  set({ admin: { ...get().admin, ...patch }, error: withoutFields(get().error, edited) });
}

export function goToStep(step: SetupStep, error: ShownError | null = null): void {
  set({ step, error });
}

export function setSetupError(error: ShownError | null): void {
  set({ error });
}

/** Sends the whole draft; on a zone-field refusal the wizard returns to the zone step. */
export async function createZoneAndAdmin(): Promise<void> {
  const { zone, admin } = get();
  set({ busy: true, error: null });
  try {
    const result = await api.call('setup.init', {
      zone: {
        nome: zone.nome,
        ente: zone.ente,
        comuni: zone.comuni,
        sedi: zone.sedi,
        letterhead: zone.letterhead,
      },
      admin: { username: admin.username, fullName: admin.fullName, password: admin.password },
    });
    set({
      busy: false,
      step: 2,
      recoveryKey: result.recoveryKey,
      session: result.session,
      createdAt: new Date(),
      admin: { ...admin, password: '', confirm: '' },
    });
  } catch (error) {
    const shown = toShownError(error);
    const onZone = shown.field?.startsWith('zone') ?? false;
    set({ busy: false, error: shown, step: onZone ? 0 : get().step });
  }
}

/**
 * The administrator confirmed keeping the recovery key: recorded in the administration log (the
 * Home's first-run checklist reads it), then into the program. If the record fails, the
 * checklist simply asks again.
 */
export async function enterWithKeyKept(): Promise<void> {
  const session = get().session;
  if (!session || get().busy) return;
  set({ busy: true });
  try {
    await api.call('firstRun.confirm', { voce: 'chiave_conservata' });
  } catch {
    // Nothing is lost: the checklist on the Home page offers the same confirmation.
  }
  set({ busy: false });
  enterWithSession(session);
}
