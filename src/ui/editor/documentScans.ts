import * as vscode from 'vscode';
import { scanDocumentText, type DocumentScan } from '../../core/editor';
import { Disposable } from '../disposable';
import { errorText } from '../../core/redaction/externalText';

/** Typing pauses this long before a document is scanned again. */
const RESCAN_DELAY_MS = 300;

/** Documents of these schemes are scanned: files, unsaved ones, remote and virtual ones, not output or diff views. */
const SCANNED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Entry {
  /** The newest finished scan and the version it is of. */
  done?: { version: number; scan: DocumentScan };
  /** The scan under way. */
  running?: { version: number; promise: Promise<DocumentScan | undefined> };
  timer?: NodeJS.Timeout;
}

/**
 * One scan per version of each open document, shared by the diagnostics, the decorations and the CodeLens:
 * at once when a document opens, RESCAN_DELAY_MS after typing stops, in chunks that yield to the event loop.
 * Nothing here makes a network call.
 */
export class DocumentScans extends Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly scanned = this.register(new vscode.EventEmitter<vscode.TextDocument>());
  /** A document's scan for its current version is ready. */
  readonly onDidScan = this.scanned.event;

  constructor(private readonly wanted: () => boolean, private readonly log: vscode.LogOutputChannel) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)));
    this.register(vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) this.schedule(event.document, RESCAN_DELAY_MS);
    }));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)));
    this.register({ dispose: () => { for (const entry of this.entries.values()) clearTimeout(entry.timer); } });
    this.rescanAll();
  }

  static isScannable(document: vscode.TextDocument): boolean {
    return SCANNED_SCHEMES.has(document.uri.scheme);
  }

  /** Scans every open document again (a feature was switched on). */
  rescanAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** The scan of the document's current version, if it is ready. */
  current(document: vscode.TextDocument): DocumentScan | undefined {
    const done = this.entries.get(key(document))?.done;
    return done && done.version === document.version ? done.scan : undefined;
  }

  /** The newest scan, possibly of an older version (good enough to choose IDs to look titles up with). */
  newest(document: vscode.TextDocument): DocumentScan | undefined {
    return this.entries.get(key(document))?.done?.scan;
  }

  /** The scan of the current version: ready, under way, or started now. Undefined when the document moves on meanwhile. */
  scanFor(document: vscode.TextDocument): Promise<DocumentScan | undefined> {
    if (!DocumentScans.isScannable(document)) return Promise.resolve(undefined);
    const ready = this.current(document);
    if (ready) return Promise.resolve(ready);
    const entry = this.entryOf(document);
    if (entry.running?.version === document.version) return entry.running.promise;
    clearTimeout(entry.timer);
    entry.timer = undefined;
    return this.run(document, entry);
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!DocumentScans.isScannable(document) || !this.wanted()) return;
    const entry = this.entryOf(document);
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (!document.isClosed && this.current(document) === undefined) void this.run(document, entry);
    }, delayMs);
  }

  private run(document: vscode.TextDocument, entry: Entry): Promise<DocumentScan | undefined> {
    const version = document.version;
    const scanOnce = async (): Promise<DocumentScan | undefined> => {
      const started = performance.now();
      const text = document.getText();
      const scan = await scanDocumentText(text, {
        yield: yieldToEventLoop,
        isCancelled: () => document.isClosed || document.version !== version,
      });
      if (entry.running?.version === version) entry.running = undefined;
      if (!scan || document.isClosed || document.version !== version || this.isDisposed) return undefined;
      entry.done = { version, scan };
      const ms = performance.now() - started;
      if (ms > 50) this.log.debug(`Scanned ${document.uri.toString(true)} (${text.length} characters) in ${ms.toFixed(0)} ms`);
      this.scanned.fire(document);
      return scan;
    };
    const promise = scanOnce();
    promise.catch((error: unknown) => this.log.warn(`Scanning ${document.uri.toString(true)} for engagement IDs failed: ${errorText(error)}`));
    entry.running = { version, promise };
    return promise;
  }

  private entryOf(document: vscode.TextDocument): Entry {
    let entry = this.entries.get(key(document));
    if (!entry) {
      entry = {};
      this.entries.set(key(document), entry);
    }
    return entry;
  }

  private forget(document: vscode.TextDocument): void {
    const entry = this.entries.get(key(document));
    if (entry) clearTimeout(entry.timer);
    this.entries.delete(key(document));
  }
}

function key(document: vscode.TextDocument): string {
  return document.uri.toString();
}
