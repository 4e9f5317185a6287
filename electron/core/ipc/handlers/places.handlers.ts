import type { HandlerMap } from '../router';
import { placeByBelfiore, searchPlaces } from '../../places/places';

type PlacesChannels = 'places.search' | 'places.get';

/** Reference data, no personal data: any open session may look places up, nothing is audited. */
export function placesHandlers(): Pick<HandlerMap, PlacesChannels> {
  return {
    'places.search': (_ctx, input) => searchPlaces(input.query, input),
    'places.get': (_ctx, input) => placeByBelfiore(input.belfiore),
  };
}
