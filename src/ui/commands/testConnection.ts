import * as vscode from 'vscode';
import { buildConnectionReport, type ConnectionReport } from '../../core/connection/connectionReport';
import { CATALOGS } from '../../core/catalog';
import type { ResolvedEndpoint } from '../../core/connection/connectionLabel';
import type { ConnectionSource } from '../connect/connectionSource';
import type { Prompts } from '../prompts';
import { SHOW_LOG_COMMAND, TEST_CONNECTION_COMMAND } from '../ids';

const SHOW_LOG = 'Show Log';

export interface TestConnectionServices {
  connection: ConnectionSource;
  prompts: () => Prompts;
  log: vscode.LogOutputChannel;
}

/**
 * Test Connection: one cheap read in each catalog with the extension's own client, reported as a notification
 * (summary) and in the log (endpoint, profile, masked access key, partner account, each catalog's answer).
 * Returns the report, for the connection menu and tests.
 */
export function registerTestConnection(services: TestConnectionServices): vscode.Disposable {
  return vscode.commands.registerCommand(TEST_CONNECTION_COMMAND, () => testConnection(services));
}

export async function testConnection(services: TestConnectionServices): Promise<ConnectionReport> {
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Testing the Partner Central connection…' },
    async () => {
      const settings = services.connection.settings;
      const aws = await services.connection.aws();
      const [client, profiles, endpoint] = await Promise.all([
        services.connection.client(),
        aws.listProfiles({ ignoreCache: true }),
        // The same resolution the client was opened with: a configuration it refuses is reported by the probe's failure.
        aws.resolveEndpoint(settings).catch((): ResolvedEndpoint => ({ source: 'unusable' })),
      ]);
      const probe = await aws.probeConnection(client, CATALOGS);
      return buildConnectionReport({
        profile: settings.profile,
        profileKind: profiles.find((profile) => profile.name === settings.profile)?.kind,
        region: settings.region,
        endpoint,
        ...probe,
      });
    },
  );
  for (const line of report.lines) (report.ok ? services.log.info : services.log.warn).call(services.log, line);
  void services.prompts().show(report.ok ? 'info' : 'warning', report.summary, SHOW_LOG).then((answer) => {
    if (answer === SHOW_LOG) void vscode.commands.executeCommand(SHOW_LOG_COMMAND);
  });
  return report;
}
