// Under lib ESNext (or ES2022 + ESNext.Disposable) an Engine is Disposable: `using` frees it
// at the end of the block. Compiled by tsconfig.esnext.json only: with lib ES2022 or ES2023,
// TypeScript has no `Disposable` for `using` to check against.
import { Engine } from "../../../pkg/sapan.js";

export function disposed(): string {
  using engine = new Engine();
  const disposable: Disposable = engine;
  void disposable;
  return engine.version;
}
