// What the runner executes (bundled to dist/index.js): src/action.ts's run(),
// kept apart so that importing src/action.ts (@github/local-action) runs nothing.
import { run } from './action.ts';

await run();
