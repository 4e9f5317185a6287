import type { agendaContract } from '../../../../shared/contracts/agenda';
import type { FeatureHandlers } from '../router';
import type { CallContext } from '../context';
import { workContext } from '../work';
import { AgendaService } from '../../services/agenda/agenda.service';
import { AgendaSettingsService } from '../../services/agenda/agenda-settings.service';

export function agendaHandlers(deps: { now: () => number }): FeatureHandlers<typeof agendaContract> {
  const agenda = (ctx: CallContext) => new AgendaService(workContext(ctx, deps.now));
  const settings = (ctx: CallContext) => new AgendaSettingsService(workContext(ctx, deps.now));
  return {
    'agenda.list': (ctx, input) => agenda(ctx).list(input),
    'agenda.get': (ctx, input) => agenda(ctx).get(input),
    'agenda.check': (ctx, input) => agenda(ctx).check(input),
    'agenda.save': (ctx, input) => agenda(ctx).save(input),
    'agenda.setStatus': (ctx, input) => agenda(ctx).setStatus(input),
    'agenda.forCase': (ctx, input) => agenda(ctx).forCase(input),
    'agenda.print': (ctx, input) => agenda(ctx).print(input),
    'agenda.staff': (ctx) => agenda(ctx).staff(),
    'agenda.settings': (ctx) => settings(ctx).settings(),
    'agenda.saveHours': (ctx, input) => settings(ctx).saveHours(input),
    'agenda.savePatron': (ctx, input) => settings(ctx).savePatron(input),
  };
}
