/**
 * What one release says of each of its fields (src/reference/fieldIndex.ts
 * `FieldState`), in its schema order: the input of the release data
 * (buildReleasesData.ts), made from a modelled chart.
 */
import {stateOf, type FieldState} from '../../reference/fieldIndex';
import {indexOfModel, type ChartModel} from '../generate';

/** A release's fields in schema order, each with its state. */
export type ReleaseStates = ReadonlyArray<readonly [path: string, state: FieldState]>;

export function statesOfModel(model: ChartModel): ReleaseStates {
  return indexOfModel(model).fields.map((record) => [record.path, stateOf(record)] as const);
}
