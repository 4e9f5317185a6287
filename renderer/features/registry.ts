import type { FeatureRegistration } from '../router/feature';
import { agendaFeature } from './agenda';
import { auditFeature } from './audit';
import { casesFeature } from './cases';
import { conflictsFeature } from './conflicts';
import { documentiFeature } from './documenti';
import { homeFeature } from './home';
import { personsFeature } from './persons';
import { reportFeature } from './report';
import { salFeature } from './sal';
import { settingsFeature } from './settings';
import { siussFeature } from './siuss';

/**
 * Every feature that has addresses or sections, one line each: the router (layout/RouteView)
 * and the drawer (layout/nav-items) derive from this list. The order here does not matter:
 * the drawer sorts by each item's `order`.
 */
export const FEATURES: readonly FeatureRegistration[] = [
  homeFeature,
  agendaFeature,
  personsFeature,
  casesFeature,
  salFeature,
  documentiFeature,
  reportFeature,
  siussFeature,
  settingsFeature,
  auditFeature,
  conflictsFeature,
];
