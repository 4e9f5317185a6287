import type { HandlerMap } from '../router';
import type { CallContext } from '../context';
import { workContext } from '../work';
import { AgendaService } from '../../services/agenda/agenda.service';
import { AgendaSettingsService } from '../../services/agenda/agenda-settings.service';

type Channels =
  | 'agenda.list'
  | 'agenda.get'
  | 'agenda.check'
  | 'agenda.save'
  | 'agenda.setStatus'
  | 'agenda.forCase'
  | 'agenda.print'
  | 'agenda.staff'
  | 'agenda.settings'
  | 'agenda.saveHours'
  | 'agenda.savePatron';

export function agendaHandlers(deps: { now: () => number }): Pick<HandlerMap, Channels> {
  const agenda = (ctx: CallContext) => new AgendaService(workContext(ctx, deps.now));
  const settings = (ctx: CallContext) => new AgendaSettingsService(workContext(ctx, deps.now));
  return {
    'agenda.list': (ctx, input) => agenda(ctx).list(input),
    'agenda.get': (ctx, input) => agenda(ctx).get(input.id, input.occurrenceDate),
    'agenda.check': (ctx, input) => agenda(ctx).check(input),
    'agenda.save': (ctx, input) => agenda(ctx).save(input),
    'agenda.setStatus': (ctx, input) => agenda(ctx).setStatus(input.id, input.occurrenceDate, input.stato, input.motivo),
    'agenda.forCase': (ctx, input) => agenda(ctx).forCase(input.caseId),
    'agenda.print': (ctx, input) => agenda(ctx).print(input.data, input.userId, input.sedeId),
    'agenda.staff': (ctx) => agenda(ctx).staff(),
    'agenda.settings': (ctx) => settings(ctx).settings(),
    'agenda.saveHours': (ctx, input) => settings(ctx).saveHours(input.sedeId, input.giorni),
    'agenda.savePatron': (ctx, input) => settings(ctx).savePatron(input.comuneIstat, input.giorno, input.santo),
  };
}
