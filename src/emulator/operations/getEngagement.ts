import { engagementDetails } from '../data/view';
import { ENGAGEMENT_ID_PATTERN } from '../model';
import { Validator } from '../validation';
import { errors } from '../wire';
import { type Operation } from './context';

export const getEngagement: Operation = ({ state, nowMs }, input) => {
  const v = new Validator();
  const catalog = v.catalog(input.Catalog);
  const identifier = v.string(input.Identifier, 'Identifier', {
    required: true,
    pattern: ENGAGEMENT_ID_PATTERN,
    patternText: 'eng-[0-9a-z]{14}',
  });
  v.throwIfAny();
  if (!catalog || identifier === undefined) throw errors.internal();

  const engagement = state.catalogs[catalog].byId.get(identifier);
  if (!engagement) throw errors.resourceNotFound(`Engagement ${identifier} not found in catalog ${catalog}`);
  return engagementDetails(state.tasks, engagement, state.config.accountId, state.config.seed, nowMs);
};
