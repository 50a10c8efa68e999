import { type Catalog } from '../model';
import { REGION } from '../options';
import { hashedSuffix } from '../random';
import { type TaskStore } from '../tasks/store';
import { wireTime } from '../wire';
import { type ProspectingOutcome, baseContextId, completedProspecting } from './contexts';
import { type Engagement } from './engagements';
import { prospectingInsights } from './insights';

const MAX_CONTEXTS = 5;

export function engagementArn(accountId: string, catalog: Catalog, id: string): string {
  return `arn:aws:partnercentral:${REGION}:${accountId}:catalog/${catalog}/engagement/${id}`;
}

export function contextTypes(tasks: TaskStore, engagement: Engagement, nowMs: number): string[] {
  const types: string[] = [...engagement.baseContextTypes];
  if (completedProspecting(tasks, engagement, nowMs).length > 0) types.push('ProspectingResult');
  return types;
}

function modifiedAtMs(tasks: TaskStore, engagement: Engagement, nowMs: number): number {
  const latest = completedProspecting(tasks, engagement, nowMs)[0];
  return latest ? Math.max(latest.doneAtMs, engagement.modifiedAtMs) : engagement.modifiedAtMs;
}

export function engagementSummary(tasks: TaskStore, engagement: Engagement, accountId: string, nowMs: number): Record<string, unknown> {
  return {
    Arn: engagementArn(accountId, engagement.catalog, engagement.id),
    Id: engagement.id,
    Title: engagement.title,
    CreatedAt: wireTime(engagement.createdAtMs),
    CreatedBy: engagement.createdBy,
    MemberCount: engagement.memberCount,
    ModifiedAt: wireTime(modifiedAtMs(tasks, engagement, nowMs)),
    ModifiedBy: engagement.modifiedBy,
    ContextTypes: contextTypes(tasks, engagement, nowMs),
  };
}

export function engagementDetails(tasks: TaskStore, engagement: Engagement, accountId: string, seed: number, nowMs: number): Record<string, unknown> {
  const contexts: Record<string, unknown>[] = engagement.baseContextTypes.map((type) =>
    type === 'CustomerProject' ? customerProjectContext(engagement) : leadContext(engagement),
  );
  for (const outcome of completedProspecting(tasks, engagement, nowMs)) {
    if (contexts.length >= MAX_CONTEXTS) break;
    contexts.push(prospectingResultContext(engagement, outcome, seed));
  }
  return {
    Id: engagement.id,
    Arn: engagementArn(accountId, engagement.catalog, engagement.id),
    Title: engagement.title,
    Description: engagement.description,
    CreatedAt: wireTime(engagement.createdAtMs),
    CreatedBy: engagement.createdBy,
    MemberCount: engagement.memberCount,
    ModifiedAt: wireTime(modifiedAtMs(tasks, engagement, nowMs)),
    ModifiedBy: engagement.modifiedBy,
    Contexts: contexts,
  };
}

function customerProjectContext(engagement: Engagement): Record<string, unknown> {
  return {
    Id: baseContextId(engagement, 'CustomerProject'),
    Type: 'CustomerProject',
    Payload: {
      CustomerProject: {
        Customer: {
          Industry: engagement.industry,
          CompanyName: engagement.companyName,
          WebsiteUrl: engagement.websiteUrl,
          CountryCode: engagement.country,
        },
        Project: {
          Title: engagement.title,
          BusinessProblem: `Struggling with ${engagement.problem}.`,
          TargetCompletionDate: new Date(engagement.createdAtMs + 180 * 24 * 3600 * 1000).toISOString().slice(0, 10),
        },
      },
    },
  };
}

function leadContext(engagement: Engagement): Record<string, unknown> {
  return {
    Id: baseContextId(engagement, 'Lead'),
    Type: 'Lead',
    Payload: {
      Lead: {
        QualificationStatus: 'Qualified',
        Customer: {
          CompanyName: engagement.companyName,
          Industry: engagement.industry,
          WebsiteUrl: engagement.websiteUrl,
          Address: { CountryCode: engagement.country },
          AwsMaturity: 'Cloud Native',
          MarketSegment: 'Enterprise',
        },
        Interactions: [
          {
            SourceType: 'Event',
            SourceId: `evt-${hashedSuffix(8, engagement.id, 'event')}`,
            SourceName: 'AWS Summit',
            Usecase: engagement.workload,
            InteractionDate: wireTime(engagement.createdAtMs),
            CustomerAction: 'Requested a follow-up',
            BusinessProblem: `Struggling with ${engagement.problem}.`,
            Contact: engagement.contact,
          },
        ],
      },
    },
  };
}

/** Exactly the SDK's ProspectingResultAws: the customer and insights, and the task that produced them. */
function prospectingResultContext(engagement: Engagement, outcome: ProspectingOutcome, seed: number): Record<string, unknown> {
  const { Customer, Insights } = prospectingInsights(seed, engagement);
  return {
    Id: outcome.contextId,
    Type: 'ProspectingResult',
    Payload: {
      ProspectingResult: {
        Aws: {
          Customer,
          Insights,
          StartTime: wireTime(outcome.task.startMs),
          EndTime: wireTime(outcome.doneAtMs),
          TaskId: outcome.task.taskId,
          TaskArn: outcome.task.taskArn,
          TaskName: outcome.task.taskName,
        },
      },
    },
  };
}
