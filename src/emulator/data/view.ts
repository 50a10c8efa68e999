import { type Catalog } from '../model';
import { REGION } from '../options';
import { hashedSuffix } from '../random';
import { engagementStatus } from '../tasks/progress';
import { type Task, type TaskStore } from '../tasks/store';
import { wireTime } from '../wire';
import { type Engagement } from './engagements';

const MAX_CONTEXTS = 5;
const GEO_BY_COUNTRY: Record<string, string> = {
  US: 'AMER', CA: 'AMER', BR: 'AMER', GB: 'EMEA', DE: 'EMEA', FR: 'EMEA', NL: 'EMEA', ES: 'EMEA', JP: 'APJ', AU: 'APJ', IN: 'APJ', SG: 'APJ',
};

interface ProspectingOutcome {
  task: Task;
  contextId: string;
  doneAtMs: number;
}

function engagementArn(accountId: string, catalog: Catalog, id: string): string {
  return `arn:aws:partnercentral:${REGION}:${accountId}:catalog/${catalog}/engagement/${id}`;
}

/** Completed prospecting of this engagement at `nowMs`, newest first. */
function completedProspecting(tasks: TaskStore, engagement: Engagement, nowMs: number): ProspectingOutcome[] {
  const outcomes: ProspectingOutcome[] = [];
  for (const task of tasks.forEngagement(engagement.catalog, engagement.id)) {
    const entry = task.engagements.find((e) => e.id === engagement.id);
    if (entry && engagementStatus(entry, nowMs) === 'COMPLETED') {
      outcomes.push({ task, contextId: entry.contextId, doneAtMs: entry.doneAtMs });
    }
  }
  return outcomes.sort((a, b) => b.doneAtMs - a.doneAtMs);
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

export function engagementDetails(tasks: TaskStore, engagement: Engagement, accountId: string, nowMs: number): Record<string, unknown> {
  const contexts: Record<string, unknown>[] = engagement.baseContextTypes.map((type) =>
    type === 'CustomerProject' ? customerProjectContext(engagement) : leadContext(engagement),
  );
  for (const outcome of completedProspecting(tasks, engagement, nowMs)) {
    if (contexts.length >= MAX_CONTEXTS) break;
    contexts.push(prospectingResultContext(engagement, outcome));
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
    Id: `ctx-${hashedSuffix(14, engagement.id, 'CustomerProject')}`,
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
    Id: `ctx-${hashedSuffix(14, engagement.id, 'Lead')}`,
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

function prospectingResultContext(engagement: Engagement, outcome: ProspectingOutcome): Record<string, unknown> {
  const score = ['High', 'Medium', 'Low'][outcome.contextId.charCodeAt(4) % 3];
  return {
    Id: outcome.contextId,
    Type: 'ProspectingResult',
    Payload: {
      ProspectingResult: {
        Aws: {
          Customer: {
            AccountName: engagement.companyName,
            Geo: GEO_BY_COUNTRY[engagement.country] ?? 'AMER',
            Country: engagement.country,
            Industry: engagement.industry,
            Segment: 'Enterprise',
            CompanySize: '1000-4999',
            PublicProfileSummary: `${engagement.companyName} operates in ${engagement.industry} and is evaluating a ${engagement.workload}.`,
          },
          Insights: {
            MarketplaceEngagementScore: score,
            SolutionScore: score,
            SolutionCategory: engagement.workload,
          },
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
