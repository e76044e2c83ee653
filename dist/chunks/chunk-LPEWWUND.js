import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);

// src/cli/suggest.ts
function distance(a, b) {
  const rows = Array.from(
    { length: a.length + 1 },
    (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
    }
  }
  return rows[a.length][b.length];
}
function closest(word, candidates) {
  let best;
  for (const candidate of candidates) {
    const edits = distance(word, candidate);
    if (edits <= 2 && edits * 2 < Math.max(word.length, candidate.length) && (!best || edits < best.edits))
      best = { candidate, edits };
  }
  return best?.candidate;
}

// src/cli/flag-check.ts
var UsageError = class extends Error {
  name = "UsageError";
};
function checkFlags(argv, check) {
  const known = Object.keys(check.options);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") return;
    if (!arg.startsWith("-") || arg === "-") continue;
    const name = arg.startsWith("--") ? arg.slice(2).split("=")[0] : void 0;
    const flag = name ?? known.find((candidate) => {
      const short = check.options[candidate].short;
      return short !== void 0 && `-${short}` === arg;
    });
    if (flag === void 0 || !known.includes(flag)) {
      const shown = name === void 0 ? arg : `--${name}`;
      const guess = name === void 0 ? void 0 : closest(name, check.suggestions);
      throw new UsageError(
        `unknown option ${shown}${guess ? ` (did you mean --${guess}?)` : ""}; ${check.seeHelp}`
      );
    }
    if (check.options[flag].type === "string" && !arg.includes("=")) {
      const value = argv[i + 1];
      if (value === void 0 || value.startsWith("-") && value !== "-")
        throw new UsageError(`--${flag} needs ${check.needs(flag) ?? "a value"}`);
      i++;
    }
  }
}

export {
  closest,
  UsageError,
  checkFlags
};
