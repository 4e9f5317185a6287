import type { placesContract } from '../../../../shared/contracts/places';
import type { FeatureHandlers } from '../router';
import { placeByBelfiore, searchPlaces } from '../../places/places';

/** Reference data, no personal data: any open session may look places up, nothing is audited. */
export function placesHandlers(): FeatureHandlers<typeof placesContract> {
  return {
    'places.search': (_ctx, input) => searchPlaces(input.query, input),
    'places.get': (_ctx, input) => placeByBelfiore(input.belfiore),
  };
}
