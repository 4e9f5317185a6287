import type { personsContract } from '../../../../shared/contracts/persons';
import type { CallContext } from '../context';
import type { FeatureHandlers } from '../router';
import { workContext } from '../work';
import { HouseholdsService } from '../../services/persons/households.service';
import { PersonsService } from '../../services/persons/persons.service';
import type { PlaceNames } from '../../services/persons/place-names';
import { CasesService } from '../../services/cases/cases.service';
import { dueItems } from '../../services/cases/due-items.service';

export function personsHandlers(deps: { now: () => number; places: PlaceNames; placesReady: () => Promise<unknown> }): FeatureHandlers<typeof personsContract> {
  const persons = (ctx: CallContext) => new PersonsService(workContext(ctx, deps.now), deps.places);
  const households = (ctx: CallContext) => new HouseholdsService(workContext(ctx, deps.now), persons(ctx));
  return {
    'persons.search': (ctx, input) => persons(ctx).search(input),
    // Place names come from a data package loaded at start-up: the first calls wait for it.
    'persons.check': async (ctx, input) => (await deps.placesReady(), persons(ctx).check(input)),
    'persons.get': async (ctx, input) => (await deps.placesReady(), persons(ctx).get(input)),
    'persons.create': async (ctx, input) => (await deps.placesReady(), persons(ctx).create(input)),
    'persons.update': async (ctx, input) => (await deps.placesReady(), persons(ctx).update(input)),
    'households.addMember': (ctx, input) => households(ctx).addMember(input),
    'households.updateMember': (ctx, input) => households(ctx).updateMember(input),
    'households.removeMember': (ctx, input) => households(ctx).removeMember(input),
    'isee.save': (ctx, input) => persons(ctx).saveIsee(input),
    'accessi.create': (ctx, input) => persons(ctx).createAccesso(input),
    'accessi.toCase': (ctx, input) => new CasesService(workContext(ctx, deps.now)).fromAccesso(input),
    'dueItems.list': (ctx) => dueItems(workContext(ctx, deps.now)),
  };
}
