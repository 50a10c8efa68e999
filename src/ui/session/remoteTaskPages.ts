import { explainOneLine } from '../../core/errorExplanations';
import type { Catalog, TaskRecord } from '../../core/tasks';
import type { FollowedTasks } from './followedTasks';
import type { SessionLog } from './sessionLog';

/** Tasks listed from the service, page by page, for one catalog. */
export interface RemotePages {
  loaded: boolean;
  loading?: Promise<void>;
  nextToken?: string;
  error?: string;
}

export type ListPage = (catalog: Catalog, nextToken: string | undefined) => Promise<{ tasks: TaskRecord[]; nextToken?: string }>;

/** The catalogs' task lists as the service pages them, merged into the session's tasks. */
export class RemoteTaskPages {
  private readonly pages = new Map<Catalog, RemotePages>();

  constructor(private readonly tasks: FollowedTasks, private readonly listPage: ListPage, private readonly log: SessionLog) {}

  state(catalog: Catalog): Readonly<RemotePages> {
    return this.of(catalog);
  }

  /** The first page of the service's list, once per catalog (again when `force`). */
  async loadFirstPage(catalog: Catalog, force = false): Promise<void> {
    const pages = this.of(catalog);
    if (pages.loading) return pages.loading;
    if (pages.loaded && !force) return;
    await this.load(catalog, undefined);
  }

  async loadMore(catalog: Catalog): Promise<void> {
    const pages = this.of(catalog);
    if (pages.loading) return pages.loading;
    if (pages.nextToken) await this.load(catalog, pages.nextToken);
  }

  private load(catalog: Catalog, nextToken: string | undefined): Promise<void> {
    const pages = this.of(catalog);
    pages.loading = (async () => {
      try {
        const page = await this.listPage(catalog, nextToken);
        if (this.tasks.isStopped) return;
        pages.loaded = true;
        pages.nextToken = page.nextToken;
        pages.error = undefined;
        this.tasks.upsert(page.tasks, catalog);
      } catch (error) {
        if (this.tasks.isStopped) return;
        pages.error = explainOneLine(error, { catalog });
        this.log.warn(`Listing ${catalog} tasks failed: ${pages.error}`);
      } finally {
        pages.loading = undefined;
        this.tasks.announce();
      }
    })();
    this.tasks.announce();
    return pages.loading;
  }

  private of(catalog: Catalog): RemotePages {
    let pages = this.pages.get(catalog);
    if (!pages) {
      pages = { loaded: false };
      this.pages.set(catalog, pages);
    }
    return pages;
  }
}
