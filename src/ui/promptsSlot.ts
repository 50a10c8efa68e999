import * as vscode from 'vscode';
import { WorkbenchPrompts, type Prompts } from './prompts';

/** The prompts in use: the workbench's, unless a test has put scripted ones in for a while. */
export class PromptsSlot {
  private current: Prompts = new WorkbenchPrompts();

  get = (): Prompts => this.current;

  use(prompts: Prompts): vscode.Disposable {
    const previous = this.current;
    this.current = prompts;
    return new vscode.Disposable(() => {
      this.current = previous;
    });
  }
}
