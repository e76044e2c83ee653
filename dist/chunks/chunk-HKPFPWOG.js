import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  require_picomatch
} from "./chunk-5RQVPCKY.js";
import {
  decodeDockerfile,
  extractImageSites,
  extractSites,
  fileKinds,
  isYamlPath,
  kindByName,
  looksLikeCompose,
  looksLikeKubernetes,
  repositoryPath
} from "./chunk-FXMTIOOA.js";
import {
  __commonJS,
  __toESM
} from "./chunk-FO4YOAWA.js";

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports, module) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key, value) => {
      Object.defineProperty(object, key, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "\uE000";
    var TRAILING_DOUBLESTAR = "\uE001";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH && index + 2 === length) {
            out += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out += pattern.slice(index, index + 2);
          } else {
            out += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out += hold(NEVER_MATCH);
            index = length;
          } else {
            out += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out += char;
          index++;
        }
      }
      return {
        source: out,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run, space) => space ? run.slice(0, run.length - run.length % 2) + SPACE : run,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run.length && !run[index].wildcard; index++) {
        separator += run[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out = EMPTY;
      let run = [];
      const flush = () => {
        let lastWildcard;
        run.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run.forEach((token, at) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run, at)})[^\\/])*`;
        });
        run = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run.push(token);
          return;
        }
        flush();
        out += token.boundary;
      });
      flush();
      return out;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix) => {
      if (body[body.length - 1] === SLASH) {
        prefix = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix.slice(0, -1);
      const last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path2) => {
      const end = path2.length - 1;
      const index = path2.lastIndexOf(
        SLASH,
        path2[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path2 : path2.slice(index + 1);
    };
    var parentOf = (path2) => {
      if (path2.charCodeAt(0) === SLASH_CODE || path2.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path2.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path2.length - 1;
      const cut = path2.lastIndexOf(
        SLASH,
        path2.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path2.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key, regex);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count = 0;
      while (str[str.length - count - 1] === ESCAPE) {
        count++;
      }
      return count % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path2) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path2)) {
            ignored = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path2, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename2 = shortcut ? basenameOf(path2) : path2;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename2 : path2
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path2, originalPath, doThrow) => {
      if (!isString(path2)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path2) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path2)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path2) => {
      const first = path2.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path2.length === 1) {
        return true;
      }
      const second = path2.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path2.length === 2 || path2.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache, path2) {
        checkPath(
          path2,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path2 ? this._t(path2, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path2 = convertPath(target);
        if (!path2 || path2.charCodeAt(path2.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path2);
        }
        const dir = this._t(path2, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path2);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path2, cache) {
        if (path2 in cache) {
          return cache[path2];
        }
        const parentPath = parentOf(path2);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path2] = parent && parent.ignored ? parent : this._rules.test(path2, MODE_IGNORE);
      }
      ignores(path2) {
        return this._test(path2, this._ignoreCache, convertPath(path2)).ignored;
      }
      createFilter() {
        return (path2) => !this.ignores(path2);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path2) {
        return this._test(path2, this._testCache, convertPath(path2));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path2) => checkPath(convertPath(path2), path2, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path2) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path2) || isNotRelative(path2);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module.exports = factory;
    factory.default = factory;
    module.exports.isPathValid = isPathValid;
    define(module.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// src/scan/scan.ts
import { createHash } from "node:crypto";

// src/scan/read-listed.ts
var nothing = { file: void 0, sites: [], problem: void 0, includes: [] };
async function readListed(workspace, listed, options) {
  const kinds = new Map(listed.map((entry) => [entry.path, entry.kind]));
  const read = await workspace.read(
    [...kinds.keys()],
    (file, bytes) => readOne(file, bytes, kinds.get(file) ?? "dockerfile", options)
  );
  const result = { files: [], sites: [], problems: [] };
  const pending = [];
  const visited = /* @__PURE__ */ new Set();
  for (const [index, entry] of read.entries()) {
    if (entry.file !== void 0) visited.add(listed[index].path);
    collect(result, entry, pending);
  }
  if (options.followIncludes) await followIncludes(workspace, pending, visited, result, options);
  return result;
}
function collect(result, entry, pending) {
  if (entry.file !== void 0) result.files.push(entry.file);
  for (const site of entry.sites) result.sites.push(site);
  if (entry.problem) result.problems.push(entry.problem);
  pending.push(...entry.includes);
}
function readOne(file, bytes, listedAs, options) {
  const { text, encoding } = decodeDockerfile(bytes);
  if (listedAs === "dockerfile") {
    const sites = extractImageSites(file, text, { pinArgRepositories: options.pinArgRepositories });
    return { ...nothing, file: options.makeFile(file, bytes, text, encoding, "dockerfile"), sites };
  }
  const kind = listedAs === "yaml" || listedAs === "by-content" ? kindByContent(text, listedAs) : listedAs;
  if (kind === void 0) {
    if (listedAs === "yaml") return nothing;
    return { ...nothing, problem: { file, line: 1, column: 1, reason: "not a file kind basepin reads" } };
  }
  const made = options.makeFile(file, bytes, text, encoding, kind);
  if (encoding !== "utf-8") {
    return { ...nothing, file: made, problem: { file, line: 1, column: 1, reason: "not UTF-8 text" } };
  }
  const extraction = extractSites(kind, file, text);
  const includes = extraction.includes.map((include) => ({
    ...include,
    from: file,
    line: lineNaming(text, include.path)
  }));
  return { file: made, sites: extraction.sites, problem: extraction.problem, includes };
}
function kindByContent(text, listedAs) {
  if (looksLikeKubernetes(text)) return "kubernetes";
  if (listedAs === "by-content" && looksLikeCompose(text)) return "compose";
  return void 0;
}
function lineNaming(text, path2) {
  const at = text.indexOf(path2);
  if (at === -1) return 1;
  let line = 1;
  for (let index = text.indexOf("\n"); index !== -1 && index < at; index = text.indexOf("\n", index + 1))
    line += 1;
  return line;
}
async function followIncludes(workspace, pending, visited, result, options) {
  const warn = (include, reason) => {
    result.problems.push({ file: include.from, line: include.line, column: 1, reason });
  };
  while (pending.length > 0) {
    const include = pending.shift();
    let paths;
    try {
      paths = include.glob ? await workspace.list(["."], { include: [include.path], kinds: [] }) : await workspace.list([include.path], { kinds: [] });
    } catch (error) {
      warn(include, includeFailure(include.path, error));
      continue;
    }
    for (const path2 of paths) {
      if (visited.has(path2)) continue;
      visited.add(path2);
      try {
        const [entry] = await workspace.read(
          [path2],
          (file, bytes) => readOne(file, bytes, "gitlab-ci", options)
        );
        collect(result, entry, pending);
      } catch (error) {
        warn(include, includeFailure(path2, error));
      }
    }
  }
}
function includeFailure(path2, error) {
  const code = error?.code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return `the included ${path2} does not exist`;
    case "EACCES":
    case "EPERM":
      return `the included ${path2} cannot be read: permission denied`;
    default:
      return `the included ${path2} cannot be read${typeof code === "string" ? ` (${code})` : ""}`;
  }
}

// src/scan/write-error.ts
var WriteError = class extends Error {
  name = "WriteError";
  code = "WRITE_FAILED";
};

// src/scan/scan.ts
var ScannedFile = class {
  /** The repository path the workspace listed (src/workspace/types.ts): every report names the file by it. */
  file;
  /** What it was read as (`dockerfile`, `compose`, …). */
  kind;
  /** How its bytes decode: an edited text is written back the same way. */
  encoding;
  /** UTF-16 length of the decoded text: every edit must fit inside it. */
  length;
  #text;
  #hash;
  #workspace;
  constructor(file, bytes, text, encoding, rereadFrom, kind = "dockerfile") {
    this.file = file;
    this.kind = kind;
    this.encoding = encoding;
    this.length = text.length;
    const rereads = rereadFrom?.readAgain !== void 0;
    this.#text = rereads ? void 0 : text;
    this.#hash = rereads ? contentHash(bytes) : void 0;
    this.#workspace = rereads ? rereadFrom : void 0;
  }
  /** The hash of the bytes scanned, when the text was not kept (`contentHash`). */
  get sourceHash() {
    return this.#hash;
  }
  /** Whether the text is held (else `text()` reads the file again). */
  get kept() {
    return this.#text !== void 0;
  }
  /**
   * The text scanned. When it was not kept, the file is read again, and a
   * file that changed since (or cannot be read) throws a `WriteError` naming
   * it: a pin made from one text is never written into another.
   */
  text() {
    if (this.#text !== void 0) return this.#text;
    let bytes;
    try {
      bytes = this.#workspace.readAgain(this.file);
    } catch (error) {
      const why = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
      throw new WriteError(`cannot be read again: ${why}`, { cause: error });
    }
    const found = contentHash(bytes);
    if (found !== this.#hash) throw new FileChangedError(found);
    return decodeDockerfile(bytes).text;
  }
};
async function scanDockerfiles(settings, workspace, scanOptions = {}) {
  const filters = {
    include: [...settings.include],
    exclude: [...settings.exclude],
    ...settings.fileKinds ? { kinds: [...settings.fileKinds] } : {}
  };
  const listed = await workspace.listFiles([...settings.paths], filters);
  const rereadFrom = scanOptions.keepTexts === false ? workspace : void 0;
  return readListed(workspace, listed, {
    pinArgRepositories: settings.pinArgRepositories,
    followIncludes: settings.fileKinds === void 0 || settings.fileKinds.includes("gitlab-ci"),
    makeFile: (file, bytes, text, encoding, kind) => new ScannedFile(file, bytes, text, encoding, rereadFrom, kind)
  });
}
function contentHash(bytes) {
  return createHash("sha256").update(bytes).digest("base64");
}
var FileChangedError = class extends WriteError {
  found;
  constructor(found) {
    super("changed since basepin read it; run basepin again");
    this.found = found;
  }
};

// src/workspace/file-workspace.ts
import { readFileSync } from "node:fs";
import { resolve as resolve2 } from "node:path";

// src/workspace/discover-dockerfiles.ts
var import_ignore = __toESM(require_ignore(), 1);
import { readdirSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

// src/workspace/listing-rules.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var suffixName = /(^|\.)([Dd]ocker|[Cc]ontainer)file$/;
var prefixName = /^([Dd]ocker|[Cc]ontainer)file/;
var notDockerfileExtensions = /* @__PURE__ */ new Set([
  "bash",
  "bat",
  "c",
  "cjs",
  "cmd",
  "cs",
  "css",
  "diff",
  "dockerignore",
  "gif",
  "go",
  "gz",
  "h",
  "html",
  "ini",
  "java",
  "jpeg",
  "jpg",
  "js",
  "json",
  "jsonnet",
  "log",
  "lock",
  "markdown",
  "md",
  "mjs",
  "patch",
  "pdf",
  "png",
  "ps1",
  "py",
  "rb",
  "rs",
  "rst",
  "sh",
  "svg",
  "swp",
  "tar",
  "tgz",
  "toml",
  "ts",
  "txt",
  "xml",
  "yaml",
  "yml",
  "zip"
]);
function isDockerfileName(name) {
  if (suffixName.test(name)) return true;
  if (!prefixName.test(name)) return false;
  const dot = name.lastIndexOf(".");
  const extension = dot === -1 ? "" : name.slice(dot + 1).toLowerCase();
  return !notDockerfileExtensions.has(extension);
}
var skippedFolders = /* @__PURE__ */ new Set([".git", "node_modules"]);
function listFilters(filters) {
  return {
    included: filters.include?.length ? (0, import_picomatch.default)([...filters.include], { dot: true }) : () => false,
    excluded: filters.exclude?.length ? (0, import_picomatch.default)([...filters.exclude], { dot: true }) : () => false
  };
}
function deepestIgnoreDecides(levels, isFolder, relativeTo) {
  for (let index = levels.length - 1; index >= 0; index--) {
    const level = levels[index];
    const relative = relativeTo(level);
    if (relative === void 0) continue;
    const result = level.rules.test(isFolder ? `${relative}/` : relative);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}
function kindOfPath(path2, folderFiles) {
  const name = path2.slice(path2.lastIndexOf("/") + 1);
  if (isDockerfileName(name)) return "dockerfile";
  const named = kindByName(path2, valuesName.test(name) ? folderFiles() : []);
  if (named) return named;
  return isYamlPath(path2) ? "yaml" : void 0;
}
var valuesName = /^values(?:[-.][^/]+)?\.ya?ml$/;
function listedKind(path2, folderFiles, kinds, included) {
  const kind = kindOfPath(path2, folderFiles);
  if (included) return namedKind(path2, kind);
  if (kind === void 0) return void 0;
  if (kind === "yaml") return kinds.has("kubernetes") ? kind : void 0;
  return kinds.has(kind) ? kind : void 0;
}
function explicitKind(path2, folderFiles) {
  return namedKind(path2, kindOfPath(path2, folderFiles));
}
function namedKind(path2, kind) {
  if (kind === "yaml" || kind === void 0 && jsonPath.test(path2)) return "by-content";
  return kind ?? "dockerfile";
}
var jsonPath = /\.json$/i;
function kindSet(kinds) {
  return new Set(kinds ?? fileKinds);
}

// src/workspace/discover-dockerfiles.ts
var UnreadablePathError = class extends Error {
  name = "UnreadablePathError";
  path;
  /** The system error code, `ENOENT`, `EACCES`, … */
  code;
  constructor(filePath, cause) {
    const code = cause?.code;
    const detail = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
    super(`cannot read ${filePath}: ${detail}`, { cause });
    this.path = filePath;
    this.code = typeof code === "string" ? code : void 0;
  }
};
var maxFoldersAtOnce = 16;
async function discoverDockerfiles(paths, options) {
  return (await discoverFiles(paths, options)).map((listed) => listed.path);
}
async function discoverFiles(paths, options) {
  const givenPaths = paths.length > 0 ? paths : ["."];
  const cwd = path.resolve(options.cwd);
  const { included, excluded } = listFilters(options);
  const kinds = kindSet(options.kinds);
  const display = (absolute) => {
    const relative = path.relative(cwd, absolute);
    const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
    return repositoryPath(inside ? relative.split(path.sep).join("/") : absolute);
  };
  const found = /* @__PURE__ */ new Map();
  const gitignores = /* @__PURE__ */ new Map();
  const rulesIn = (folder) => {
    let rules = gitignores.get(folder);
    if (!rules) {
      rules = readGitignore(folder);
      gitignores.set(folder, rules);
    }
    return rules;
  };
  const isIgnored2 = (levels, absolute, isFolder) => {
    return deepestIgnoreDecides(levels, isFolder, (level) => {
      const relative = path.relative(level.base, absolute).split(path.sep).join("/");
      return relative === "" || relative.startsWith("..") ? void 0 : relative;
    });
  };
  const visit = async (folder, levels) => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      throw new UnreadablePathError(display(folder), error);
    }
    const hasGitignore = entries.some((entry) => entry.name === ".gitignore" && !entry.isDirectory());
    const own = hasGitignore ? await rulesIn(folder) : void 0;
    const here = own ? [...levels, { base: folder, rules: own }] : levels;
    const folders = [];
    const names = () => entries.map((entry) => entry.name);
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      const shown = display(absolute);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        isFile = await stat(absolute).then(
          (target) => target.isFile(),
          () => false
        );
        isFolder = false;
      }
      if (isFolder) {
        if (skippedFolders.has(entry.name) || excluded(shown) || isIgnored2(here, absolute, true)) continue;
        folders.push({ folder: absolute, levels: here });
      } else if (isFile) {
        const kind = listedKind(shown, names, kinds, included(shown));
        if (kind !== void 0 && !excluded(shown) && !isIgnored2(here, absolute, false))
          found.set(shown, kind);
      }
    }
    return folders;
  };
  const walk = async (root, levels) => {
    const queue = [{ folder: root, levels }];
    let active = 0;
    let failure;
    await new Promise((done) => {
      const pump = () => {
        while (failure === void 0 && active < maxFoldersAtOnce && queue.length > 0) {
          const next = queue.pop();
          active += 1;
          visit(next.folder, next.levels).then(
            (folders) => {
              active -= 1;
              queue.push(...folders);
              pump();
            },
            (error) => {
              active -= 1;
              failure ??= error;
              pump();
            }
          );
        }
        if (active === 0 && (queue.length === 0 || failure !== void 0)) done();
      };
      pump();
    });
    if (failure !== void 0) throw failure;
  };
  for (const given of givenPaths) {
    const absolute = path.resolve(cwd, given);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      throw new UnreadablePathError(given, error);
    }
    if (!info.isDirectory()) {
      const shown = display(absolute);
      found.set(
        shown,
        explicitKind(shown, () => namesIn(path.dirname(absolute)))
      );
      continue;
    }
    await walk(absolute, await ancestorLevels(cwd, absolute, rulesIn));
  }
  return [...found].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([file, kind]) => ({ path: file, kind }));
}
async function ancestorLevels(cwd, folder, rulesIn) {
  const relative = path.relative(cwd, folder);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return [];
  const levels = [];
  let base = cwd;
  for (const part of ["", ...relative.split(path.sep).slice(0, -1)]) {
    base = path.join(base, part);
    const rules = await rulesIn(base);
    if (rules) levels.push({ base, rules });
  }
  return levels;
}
async function readGitignore(folder) {
  let text;
  try {
    text = await readFile(path.join(folder, ".gitignore"), "utf8");
  } catch {
    return void 0;
  }
  return (0, import_ignore.default)().add(text);
}
function namesIn(folder) {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

// src/workspace/read-files.ts
import { readFile as readFile2 } from "node:fs/promises";
import { resolve } from "node:path";
var maxOpenFiles = 32;
async function mapFiles(cwd, files, use) {
  const results = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      const bytes = await readFile2(resolve(cwd, file)).catch((error) => {
        throw new UnreadablePathError(file, error);
      });
      results[index] = use(file, bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(maxOpenFiles, files.length) }, worker));
  return results;
}

// src/workspace/write-atomic.ts
import { randomBytes } from "node:crypto";
import { chmod, open, readdir as readdir2, realpath, rename, rm, stat as stat2 } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
async function writeFileAtomic(path2, bytes) {
  const target = await ifExists(realpath(path2), path2);
  const mode = await ifExists(
    stat2(target).then((info) => info.mode & 4095),
    void 0
  );
  await removeStaleTemps(target);
  const temp = join(dirname(target), tempName(basename(target), randomBytes(4).toString("hex")));
  try {
    const handle = await open(temp, "wx", mode ?? 420);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== void 0) await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
function tempName(base, id) {
  return `.${base}.basepin-${id}.tmp`;
}
var staleTempAgeMs = 6e4;
async function removeStaleTemps(target) {
  const folder = dirname(target);
  const prefix = `.${basename(target)}.basepin-`;
  const names = await readdir2(folder).catch(() => []);
  const now = Date.now();
  for (const name of names) {
    const id = name.startsWith(prefix) && name.endsWith(".tmp") ? name.slice(prefix.length, -4) : "";
    if (name !== tempName(basename(target), id) || !/^[0-9a-f]{8}$/.test(id)) continue;
    const path2 = join(folder, name);
    const info = await stat2(path2).catch(() => void 0);
    if (info?.isFile() && now - info.mtimeMs > staleTempAgeMs) await rm(path2, { force: true });
  }
}
async function ifExists(value, absent) {
  try {
    return await value;
  } catch (error) {
    if (error.code === "ENOENT") return absent;
    throw error;
  }
}

// src/workspace/file-workspace.ts
var writesAtOnce = 16;
function openFileWorkspace(root) {
  const folder = resolve2(root);
  return {
    list: (paths, filters = {}) => discoverDockerfiles(paths, { cwd: folder, ...filters }),
    listFiles: (paths, filters = {}) => discoverFiles(paths, { cwd: folder, ...filters }),
    read: (files, use) => mapFiles(folder, files, use),
    readAgain: (file) => readFileSync(resolve2(folder, file)),
    write: (files) => writeFiles(folder, files)
  };
}
async function writeFiles(root, files) {
  const failures = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const { file, bytes } = files[index];
      failures[index] = await writeFileAtomic(resolve2(root, file), bytes).then(
        () => void 0,
        (error) => ({ file, error: firstLine(error) })
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(writesAtOnce, files.length) }, worker));
  return failures.filter((failure) => failure !== void 0);
}
function firstLine(error) {
  const message = error instanceof Error ? error.message.split("\n")[0] ?? "write failed" : String(error);
  return new Error(message, { cause: error });
}

// src/workspace/memory-workspace.ts
var import_ignore2 = __toESM(require_ignore(), 1);
import { posix } from "node:path";
var MemoryWorkspace = class {
  #files = /* @__PURE__ */ new Map();
  /** Parsed `.gitignore` files by folder; emptied by `write`. */
  #levels = /* @__PURE__ */ new Map();
  /** The file names in each folder (`.` is the root), made when a listing first asks; emptied by `write`. */
  #folders;
  /** `files` by repository path; text is stored as its UTF-8 bytes. */
  constructor(files = []) {
    for (const [file, content] of files) this.#files.set(file, bytesOf(content));
  }
  /** The files as they are now, written ones included. */
  get files() {
    return this.#files;
  }
  /** A file's content as UTF-8 text, or undefined when there is no such file. */
  text(file) {
    const bytes = this.#files.get(file);
    return bytes === void 0 ? void 0 : new TextDecoder().decode(bytes);
  }
  async list(paths, filters = {}) {
    return (await this.listFiles(paths, filters)).map((listed) => listed.path);
  }
  async listFiles(paths, filters = {}) {
    const { included, excluded } = listFilters(filters);
    const kinds = kindSet(filters.kinds);
    const found = /* @__PURE__ */ new Map();
    for (const given of paths.length > 0 ? paths : ["."]) {
      const path2 = posix.normalize(given).replace(/\/+$/, "");
      if (path2 === ".." || path2.startsWith("../") || path2.startsWith("/")) throw missing(given);
      if (this.#files.has(path2)) {
        found.set(
          repositoryPath(path2),
          explicitKind(path2, () => this.#namesIn(posix.dirname(path2)))
        );
        continue;
      }
      const prefix = path2 === "." ? "" : `${path2}/`;
      const under = [...this.#files.keys()].filter((file) => file.startsWith(prefix));
      if (under.length === 0 && prefix !== "") throw missing(given);
      const above = path2 === "." ? [] : ancestors(path2);
      for (const file of under) {
        const kind = this.#taken(file, prefix, above, included, excluded, kinds);
        if (kind !== void 0) found.set(repositoryPath(file), kind);
      }
    }
    return [...found].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([file, kind]) => ({ path: file, kind }));
  }
  /** The names of the files directly in a folder (`.` is the root), from one pass over the files. */
  #namesIn(folder) {
    if (this.#folders === void 0) {
      this.#folders = /* @__PURE__ */ new Map();
      for (const file of this.#files.keys()) {
        const slash = file.lastIndexOf("/");
        const parent = slash === -1 ? "." : file.slice(0, slash);
        const names = this.#folders.get(parent) ?? [];
        names.push(file.slice(slash + 1));
        this.#folders.set(parent, names);
      }
    }
    return this.#folders.get(folder === "" ? "." : folder) ?? [];
  }
  /** Whether (and as what) a file under the walked folder `prefix` is listed, as the walk on disk decides it. */
  #taken(file, prefix, above, included, excluded, kinds) {
    const levels = above.flatMap((folder2) => this.#level(folder2));
    const folders = file.slice(prefix.length).split("/").slice(0, -1);
    let folder = prefix.replace(/\/$/, "");
    levels.push(...this.#level(folder));
    for (const name of folders) {
      folder = folder === "" ? name : `${folder}/${name}`;
      if (skippedFolders.has(name) || excluded(folder) || isIgnored(levels, folder, true)) return void 0;
      levels.push(...this.#level(folder));
    }
    const kind = listedKind(file, () => this.#namesIn(posix.dirname(file)), kinds, included(file));
    if (kind === void 0) return void 0;
    return !excluded(file) && !isIgnored(levels, file, false) ? kind : void 0;
  }
  /** The `.gitignore` of a folder (`''` is the root), as one level or none. */
  #level(folder) {
    let level = this.#levels.get(folder);
    if (level === void 0) {
      const text = this.text(folder === "" ? ".gitignore" : `${folder}/.gitignore`);
      level = text === void 0 ? [] : [{ base: folder, rules: (0, import_ignore2.default)().add(text) }];
      this.#levels.set(folder, level);
    }
    return level;
  }
  async read(files, use) {
    return files.map((file) => {
      const bytes = this.#files.get(file);
      if (bytes === void 0) throw missing(file);
      return use(file, bytes);
    });
  }
  readAgain(file) {
    const bytes = this.#files.get(file);
    if (bytes === void 0) throw missing(file);
    return bytes;
  }
  async write(files) {
    for (const { file, bytes } of files) this.#files.set(file, Uint8Array.from(bytes));
    this.#levels.clear();
    this.#folders = void 0;
    return [];
  }
};
function ancestors(path2) {
  const parts = path2.split("/").slice(0, -1);
  return ["", ...parts.map((_, index) => parts.slice(0, index + 1).join("/"))];
}
function isIgnored(levels, path2, isFolder) {
  return deepestIgnoreDecides(
    levels,
    isFolder,
    (level) => level.base === "" ? path2 : path2.slice(level.base.length + 1)
  );
}
function bytesOf(content) {
  return typeof content === "string" ? new TextEncoder().encode(content) : Uint8Array.from(content);
}
function missing(path2) {
  return new UnreadablePathError(
    path2,
    Object.assign(new Error(`ENOENT: no such file or directory, '${path2}'`), { code: "ENOENT" })
  );
}

// src/text/json-chunks.ts
var entriesPerChunk = 1e3;
function* jsonArrayChunks(prefix, entries, toJson) {
  let chunk = `${prefix}[`;
  for (let start = 0; start < entries.length; start += entriesPerChunk) {
    const parts = [];
    for (const entry of entries.slice(start, start + entriesPerChunk))
      parts.push(JSON.stringify(toJson(entry)));
    yield `${chunk}${start === 0 ? "" : ","}${parts.join(",")}`;
    chunk = "";
  }
  yield `${chunk}]`;
}

export {
  WriteError,
  scanDockerfiles,
  contentHash,
  FileChangedError,
  kindOfPath,
  UnreadablePathError,
  writeFileAtomic,
  openFileWorkspace,
  MemoryWorkspace,
  jsonArrayChunks
};
