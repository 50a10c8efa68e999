import { SeededRandom, deriveSeed } from '../random';
import { type ContextType } from './contexts';
import { type Engagement } from './engagements';

export interface OpportunityFailure {
  ReasonCode: string;
  Message: string;
}

/** About one engagement in ten cannot become an opportunity, for a lasting reason (so a retry fails the same way). */
const FAILING_SHARE = 0.1;

// ReasonCode values of the SDK's ReasonCode enum, each with a message that says how to fix it.
const LASTING_FAILURES: readonly OpportunityFailure[] = [
  {
    ReasonCode: 'OpportunityValidationFailed',
    Message: 'The opportunity could not be created: the customer has no postal code or website URL, which an opportunity requires. Add them to the engagement in Partner Central, then start a new task.',
  },
  {
    ReasonCode: 'OpportunityConflict',
    Message: 'An opportunity for this customer and project already exists in your pipeline. Update the existing opportunity instead of creating another.',
  },
  {
    ReasonCode: 'EngagementAccessDenied',
    Message: 'Your account is no longer a member of this engagement, so no opportunity can be created from it. Ask the engagement owner to invite you again.',
  },
  {
    ReasonCode: 'ResourceSnapshotValidationFailed',
    Message: 'The engagement\u2019s resource snapshot is missing the project title or expected customer spend. Complete the engagement context in Partner Central, then start a new task.',
  },
];

const CUSTOMER_PROJECT_NOT_PERMITTED: OpportunityFailure = {
  ReasonCode: 'CustomerProjectContextNotPermitted',
  Message: 'A CustomerProject context cannot become an opportunity. Use the engagement\u2019s ProspectingResult or Lead context as ContextIdentifier.',
};

/** Why creating an opportunity from this engagement fails, per seed; undefined when it succeeds. */
export function opportunityFailure(seed: number, engagement: Engagement): OpportunityFailure | undefined {
  const random = new SeededRandom(deriveSeed(seed, 'opportunity', engagement.catalog, engagement.id));
  if (!random.chance(FAILING_SHARE)) return undefined;
  return { ...random.pick(LASTING_FAILURES) };
}

/** The failure of a task converting this context, if it fails. */
export function opportunityTaskFailure(seed: number, engagement: Engagement, contextType: ContextType): OpportunityFailure | undefined {
  if (contextType === 'CustomerProject') return { ...CUSTOMER_PROJECT_NOT_PERMITTED };
  return opportunityFailure(seed, engagement);
}
