import type { zoneContract } from '../../../../shared/contracts/zone';
import type { FeatureHandlers } from '../router';
import { ZoneService } from '../../services/zone/zone.service';

export function zoneHandlers(): FeatureHandlers<typeof zoneContract> {
  return {
    'zone.get': (ctx) => new ZoneService(ctx.store()).get(),
    'zone.settings': (ctx) => new ZoneService(ctx.store()).get(),
    'zone.update': (ctx, input) => {
      new ZoneService(ctx.store()).update(ctx.actor, input);
      return { ok: true as const };
    },
    'zone.saveComune': (ctx, input) => new ZoneService(ctx.store()).saveComune(ctx.actor, input),
    'zone.saveSede': (ctx, input) => new ZoneService(ctx.store()).saveSede(ctx.actor, input),
    'zone.saveRoom': (ctx, input) => new ZoneService(ctx.store()).saveRoom(ctx.actor, input),
  };
}
