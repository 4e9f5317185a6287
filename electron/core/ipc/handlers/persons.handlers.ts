import type { HandlerMap } from '../router';
import { workContext } from '../work';
import { PersonsService } from '../../services/persons/persons.service';
import type { PlaceNames } from '../../services/persons/place-names';
import { CasesService } from '../../services/cases/cases.service';
import { dueItems } from '../../services/cases/due-items.service';

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
  | 'dueItems.list';

export function personsHandlers(deps: { now: () => number; places: PlaceNames; placesReady: () => Promise<unknown> }): Pick<HandlerMap, Channels> {
  const persons = (ctx: Parameters<HandlerMap['persons.get']>[0]) => new PersonsService(workContext(ctx, deps.now), deps.places);
  return {
    'persons.search': (ctx, input) => persons(ctx).search(input),
    // Place names come from a data package loaded at start-up: the first calls wait for it.
    'persons.check': async (ctx, input) => (await deps.placesReady(), persons(ctx).check(input)),
    'persons.get': async (ctx, input) => (await deps.placesReady(), persons(ctx).get(input.id)),
    'persons.create': async (ctx, input) => (await deps.placesReady(), persons(ctx).create(input)),
    'persons.update': async (ctx, { id, ...fields }) => (await deps.placesReady(), persons(ctx).update(id, fields)),
    'households.addMember': (ctx, i) => persons(ctx).addMember(i.personId, i.memberPersonId, i.parentela, i.convivente, i.dal),
    'households.updateMember': (ctx, i) => persons(ctx).updateMember(i.personId, i.memberId, i.parentela, i.convivente),
    'households.removeMember': (ctx, i) => persons(ctx).removeMember(i.personId, i.memberId, i.al),
    'isee.save': (ctx, input) => persons(ctx).saveIsee(input),
    'accessi.create': (ctx, input) => persons(ctx).createAccesso(input),
    'accessi.toCase': (ctx, input) => new CasesService(workContext(ctx, deps.now)).fromAccesso(input),
    'dueItems.list': (ctx) => dueItems(workContext(ctx, deps.now)),
  };
}
