import type { HandlerMap } from '../router';
import { workContext } from '../work';
import { PersonsService } from '../../services/persons/persons.service';
import type { PlaceNames } from '../../services/persons/place-names';
import { CasesService } from '../../services/cases/cases.service';
import { dueItems } from '../../services/cases/due-items.service';
import { PrivacyService } from '../../services/privacy/privacy.service';

type Channels =
  | 'persons.search'
  | 'persons.check'
  | 'persons.get'
  | 'persons.create'
  | 'persons.update'
  | 'households.addMember'
  | 'households.updateMember'
  | 'households.removeMember'
  | 'isee.save'
  | 'accessi.create'
  | 'accessi.toCase'
  | 'users.directory'
  | 'dueItems.list'
  | 'privacy.accessReport'
  | 'privacy.emergencies'
  | 'privacy.markEmergencySeen';

export function personsHandlers(deps: { now: () => number; places: PlaceNames }): Pick<HandlerMap, Channels> {
  const persons = (ctx: Parameters<HandlerMap['persons.get']>[0]) => new PersonsService(workContext(ctx, deps.now), deps.places);
  return {
    'persons.search': (ctx, input) => persons(ctx).search(input),
    'persons.check': (ctx, input) => persons(ctx).check(input),
    'persons.get': (ctx, input) => persons(ctx).get(input.id),
    'persons.create': (ctx, input) => persons(ctx).create(input),
    'persons.update': (ctx, { id, ...fields }) => persons(ctx).update(id, fields),
    'households.addMember': (ctx, i) => persons(ctx).addMember(i.personId, i.memberPersonId, i.parentela, i.convivente, i.dal),
    'households.updateMember': (ctx, i) => persons(ctx).updateMember(i.personId, i.memberId, i.parentela, i.convivente),
    'households.removeMember': (ctx, i) => persons(ctx).removeMember(i.personId, i.memberId, i.al),
    'isee.save': (ctx, input) => persons(ctx).saveIsee(input),
    'accessi.create': (ctx, input) => persons(ctx).createAccesso(input),
    'accessi.toCase': (ctx, input) => new CasesService(workContext(ctx, deps.now)).fromAccesso(input),
    'users.directory': (ctx) =>
      ctx
        .store()
        .users.list()
        .filter((u) => !u.disabled)
        .map((u) => ({ id: u.id, fullName: u.fullName, profile: u.profile })),
    'dueItems.list': (ctx) => dueItems(workContext(ctx, deps.now)),
    'privacy.accessReport': (ctx, input) => new PrivacyService(workContext(ctx, deps.now)).accessReport(input.personId),
    'privacy.emergencies': (ctx, input) => new PrivacyService(workContext(ctx, deps.now)).emergencies(input.onlyUnseen),
    'privacy.markEmergencySeen': (ctx, input) => {
      new PrivacyService(workContext(ctx, deps.now)).markSeen(input.id);
      return { ok: true as const };
    },
  };
}
