// The part of the WebAssembly JavaScript API that candidateSearch.ts uses. Node has it as a global, but
// @types/node 20 does not declare it (lib.dom does, and the extension's code must not see the DOM's types).
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
    grow(pages: number): number;
  }
  class Global {
    value: unknown;
  }
}
