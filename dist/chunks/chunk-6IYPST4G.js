import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  BadReferenceError,
  parseImageReference,
  validateDigest
} from "./chunk-QQR26GZI.js";
import {
  __commonJS,
  __toESM
} from "./chunk-FO4YOAWA.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path2, { windows } = {}) => {
      const segs = path2.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open2 = tokens[token.tokensIndex];
          open2.type = "text";
          open2.value = literal;
          open2.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open2.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open2 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open2);
          push(open2);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

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

// src/dockerfile/decode.ts
var UnencodableTextError = class extends Error {
  name = "UnencodableTextError";
  encoding;
  /** UTF-16 offset of the first character that cannot be encoded. */
  offset;
  constructor(encoding, offset, char) {
    const code = char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0") ?? "?";
    super(`cannot encode U+${code} at offset ${offset} in a ${encoding} file`);
    this.encoding = encoding;
    this.offset = offset;
  }
};
var strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
var utf8Encoder = new TextEncoder();
function decodeDockerfile(bytes) {
  let text;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = void 0;
  }
  if (text !== void 0) return { text, encoding: "utf-8" };
  return { text: Buffer.from(bytes).toString("latin1"), encoding: "latin1" };
}
function encodeDockerfile(text, encoding) {
  return encoding === "utf-8" ? encodeUtf8(text) : encodeLatin1(text);
}
function encodeUtf8(text) {
  const lone = new RegExp("\\p{Surrogate}", "u").exec(text);
  if (lone) throw new UnencodableTextError("utf-8", lone.index, lone[0]);
  return utf8Encoder.encode(text);
}
function encodeLatin1(text) {
  const wide = /[\u0100-\u{10ffff}]/u;
  const match = wide.exec(text);
  if (match) throw new UnencodableTextError("latin1", match.index, match[0]);
  return new Uint8Array(Buffer.from(text, "latin1"));
}

// src/dockerfile/compact-site.ts
function compactSite(site) {
  return {
    file: site.file,
    line: site.line,
    kind: site.kind,
    written: sharedText(site.written),
    resolved: sharedOptional(site.resolved),
    reference: site.reference,
    pin: site.pin && new CompactPinTarget(site.pin),
    stage: sharedOptional(site.stage),
    platform: sharedOptional(site.platform),
    status: site.status,
    reason: sharedOptional(site.reason)
  };
}
var CompactPinTarget = class {
  addLatestTag;
  digestKey;
  #start;
  #end;
  #digestStart;
  #digestEnd;
  constructor(pin) {
    this.#start = pin.range.start;
    this.#end = pin.range.end;
    this.#digestStart = pin.digestRange.start;
    this.#digestEnd = pin.digestRange.end;
    this.addLatestTag = pin.addLatestTag;
    this.digestKey = pin.digestKey && {
      before: sharedText(pin.digestKey.before),
      after: sharedText(pin.digestKey.after)
    };
  }
  get range() {
    return { start: this.#start, end: this.#end };
  }
  get digestRange() {
    return { start: this.#digestStart, end: this.#digestEnd };
  }
  /** What `JSON.stringify` and test diffs show: the plain target. */
  toJSON() {
    const plain = { range: this.range, digestRange: this.digestRange, addLatestTag: this.addLatestTag };
    return this.digestKey ? { ...plain, digestKey: this.digestKey } : plain;
  }
};
var texts = /* @__PURE__ */ new Map();
var maxTexts = 2e4;
function sharedOptional(text) {
  return text === void 0 ? void 0 : sharedText(text);
}
function sharedText(text) {
  let shared = texts.get(text);
  if (shared === void 0) {
    if (texts.size >= maxTexts) texts.clear();
    shared = ` ${text}`.slice(1);
    texts.set(shared, shared);
  }
  return shared;
}

// src/dockerfile/shell-error.ts
var ShellSyntaxError = class extends Error {
  name = "ShellSyntaxError";
  /** Set for `${NAME?message}` / `${NAME:?message}` with NAME unset: a build-arg is required. */
  required;
  constructor(message, required) {
    super(message);
    this.required = required;
  }
};

// src/dockerfile/shell-pattern.ts
function shellPattern(pattern, greedy, anchored, flags = "u") {
  const chars = Array.from(pattern);
  let source = anchored ? "^" : "";
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index];
    if (char === "*") source += greedy ? "[^]*" : "[^]*?";
    else if (char === "?") source += ".";
    else if (char === "\\") {
      const after = chars[index + 1];
      if (after === "}" || after === "/") continue;
      index++;
      if (after !== "*" && after !== "?" && after !== "\\") {
        throw new ShellSyntaxError(`invalid pattern (${pattern}) in substitution: invalid escape`);
      }
      source += `\\${after}`;
    } else source += char.replace(/[.*+?^${}()|[\]\\/]/gu, "\\$&");
  }
  return new RegExp(source, flags);
}
function trimPrefix(pattern, value, greedy) {
  const match = shellPattern(pattern, greedy, true).exec(value);
  return match ? value.slice(match[0].length) : value;
}
function trimSuffix(pattern, value, greedy) {
  const reversed = Array.from(value).reverse().join("");
  const trimmed = trimPrefix(reversePattern(pattern), reversed, greedy);
  return Array.from(trimmed).reverse().join("");
}
function reversePattern(pattern) {
  const chars = Array.from(pattern);
  const out = new Array(chars.length);
  const last = chars.length - 1;
  for (let index = 0; index <= last; ) {
    const char = chars[index];
    if (char === "\\" && index !== last) {
      out[last - index - 1] = char;
      out[last - index] = chars[index + 1];
      index += 2;
    } else {
      out[last - index] = char;
      index++;
    }
  }
  return out.join("");
}

// src/dockerfile/shell-space.ts
var goSpaces = new Set(
  Array.from("	\n\v\f\r \x85\xA0\u1680\u2028\u2029\u202F\u205F\u3000").concat(
    Array.from({ length: 11 }, (_, index) => String.fromCharCode(8192 + index))
  )
);
function isGoSpace(char) {
  return goSpaces.has(char);
}

// src/dockerfile/shell-words.ts
var Words = class {
  buffer = "";
  inWord = false;
  words = [];
  addChar(char) {
    if (isGoSpace(char)) {
      if (this.inWord && this.buffer !== "") {
        this.words.push(this.buffer);
        this.buffer = "";
        this.inWord = false;
      }
    } else this.addRaw(char);
  }
  addString(text) {
    for (const char of text) this.addChar(char);
  }
  addRaw(text) {
    this.buffer += text;
    this.inWord = true;
  }
  finish() {
    if (this.buffer !== "") this.words.push(this.buffer);
    this.buffer = "";
    return this.words;
  }
};

// src/dockerfile/shell-lex.ts
var EOF = "";
function processShell(text, env, options) {
  return new ShellWord(text, env, options).run();
}
var ShellWord = class {
  chars;
  position = 0;
  rawEscapes;
  matched = /* @__PURE__ */ new Set();
  missing = /* @__PURE__ */ new Set();
  env;
  options;
  constructor(text, env, options) {
    this.env = env;
    this.options = options;
    this.chars = Array.from(text);
    this.rawEscapes = options.rawEscapes ?? false;
  }
  run() {
    const { result, words } = this.processStopOn(EOF, this.rawEscapes);
    return { result, words, matched: this.matched, missing: this.missing };
  }
  peek() {
    return this.chars[this.position] ?? EOF;
  }
  next() {
    const char = this.peek();
    if (char !== EOF) this.position++;
    return char;
  }
  processStopOn(stop, rawEscapes) {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      let result = "";
      const words = new Words();
      while (this.peek() !== EOF) {
        const char = this.peek();
        if (stop !== EOF && char === stop) {
          this.next();
          return { result, words: words.finish() };
        }
        if (char === "$") {
          const value = this.processDollar();
          result += value;
          words.addString(value);
        } else if (char === "<") {
          const value = this.processPossibleHeredoc();
          result += value;
          words.addRaw(value);
        } else if (char === "'" || char === '"') {
          const value = char === "'" ? this.processSingleQuote() : this.processDoubleQuote();
          result += value;
          words.addRaw(value);
        } else {
          let taken = this.next();
          if (taken === this.options.escape) {
            if (this.rawEscapes) {
              words.addRaw(taken);
              result += taken;
            }
            taken = this.next();
            if (taken === EOF) break;
            words.addRaw(taken);
          } else words.addChar(taken);
          result += taken;
        }
      }
      if (stop !== EOF)
        throw new ShellSyntaxError(`unexpected end of statement while looking for matching ${stop}`);
      return { result, words: words.finish() };
    } finally {
      this.rawEscapes = saved;
    }
  }
  processSingleQuote() {
    const raw = this.options.rawQuotes ?? false;
    const open2 = this.next();
    let result = raw ? open2 : "";
    for (; ; ) {
      const char = this.next();
      if (char === EOF)
        throw new ShellSyntaxError("unexpected end of statement while looking for matching single-quote");
      if (char === "'") return raw ? result + char : result;
      result += char;
    }
  }
  processDoubleQuote() {
    const raw = this.options.rawQuotes ?? false;
    const open2 = this.next();
    let result = raw ? open2 : "";
    for (; ; ) {
      const peeked = this.peek();
      if (peeked === EOF) {
        throw new ShellSyntaxError("unexpected end of statement while looking for matching double-quote");
      }
      if (peeked === '"') {
        const char2 = this.next();
        return raw ? result + char2 : result;
      }
      if (peeked === "$") {
        result += this.processDollar();
        continue;
      }
      let char = this.next();
      if (char === this.options.escape) {
        if (this.rawEscapes) result += char;
        const after = this.peek();
        if (after === EOF) continue;
        if (after === '"' || after === "$" || after === this.options.escape) char = this.next();
      }
      result += char;
    }
  }
  lookup(name) {
    const value = this.env(name);
    if (value !== void 0) this.matched.add(name);
    return value;
  }
  processDollar() {
    this.next();
    if (this.peek() !== "{") {
      const name2 = this.processName();
      if (name2 === "") return "$";
      const value2 = this.lookup(name2);
      if (value2 === void 0) {
        if (this.options.skipUnsetEnv) return `$${name2}`;
        this.missing.add(name2);
      }
      return value2 ?? "";
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new ShellSyntaxError("syntax error: missing '}'");
    if (first === "{" || first === "}" || first === ":")
      throw new ShellSyntaxError("syntax error: bad substitution");
    const name = this.processName();
    let char = this.next();
    let modifier = char;
    if (char === "}") {
      const value2 = this.lookup(name);
      if (value2 === void 0) {
        if (this.options.skipUnsetEnv) return `\${${name}}`;
        this.missing.add(name);
      }
      return value2 ?? "";
    }
    if (char === "/") return this.processReplace(name);
    let nullIsUnset = false;
    if (char === ":") {
      nullIsUnset = true;
      char = this.next();
      modifier += char;
    } else if (!["+", "-", "?", "#", "%"].includes(char)) {
      throw new ShellSyntaxError(`unsupported modifier (${modifier}) in substitution`);
    }
    const trims = char === "#" || char === "%";
    if (nullIsUnset && trims)
      throw new ShellSyntaxError(`unsupported modifier (${modifier}) in substitution`);
    let word;
    try {
      word = this.processStopOn("}", trims).result;
    } catch (error) {
      if (this.peek() === EOF) throw new ShellSyntaxError("syntax error: missing '}'");
      throw error;
    }
    const value = this.lookup(name);
    if (value === void 0 && this.options.skipUnsetEnv) return `\${${name}${modifier}${word}}`;
    const empty = value === void 0 || nullIsUnset && value === "";
    switch (char) {
      case "-":
        return empty ? word : value ?? "";
      case "+":
        return empty ? "" : word;
      case "?":
        if (value === void 0)
          throw new ShellSyntaxError(`${name}: ${word || "is not allowed to be unset"}`, name);
        if (nullIsUnset && value === "") {
          throw new ShellSyntaxError(`${name}: ${word || "is not allowed to be empty"}`, name);
        }
        return value;
      case "#":
      case "%": {
        if (value === void 0) this.missing.add(name);
        const greedy = word.startsWith(char);
        const pattern = greedy ? word.slice(1) : word;
        return char === "%" ? trimSuffix(pattern, value ?? "", greedy) : trimPrefix(pattern, value ?? "", greedy);
      }
      default:
        throw new ShellSyntaxError(`unsupported modifier (${modifier}) in substitution`);
    }
  }
  processReplace(name) {
    const all = this.peek() === "/";
    if (all) this.next();
    const part = (stop, missing) => {
      try {
        return this.processStopOn(stop, true).result;
      } catch (error) {
        if (this.peek() === EOF) throw new ShellSyntaxError(missing);
        throw error;
      }
    };
    const pattern = part("/", "syntax error: missing '/' in ${}");
    const replacement = part("}", "syntax error: missing '}'");
    const value = this.lookup(name);
    if (value === void 0) {
      if (this.options.skipUnsetEnv) return `\${${name}/${pattern}/${replacement}}`;
      this.missing.add(name);
    }
    const regex = shellPattern(pattern, true, false, all ? "gu" : "u");
    return (value ?? "").replace(regex, () => replacement);
  }
  processName() {
    let name = "";
    while (this.peek() !== EOF) {
      const char = this.peek();
      if (name === "" && new RegExp("^\\p{Nd}$", "u").test(char)) {
        while (new RegExp("^\\p{Nd}$", "u").test(this.peek())) name += this.next();
        return name;
      }
      if (name === "" && "@*#?-$!0".includes(char)) return this.next();
      if (!/^[\p{L}\p{Nd}_]$/u.test(char)) break;
      name += this.next();
    }
    return name;
  }
  processPossibleHeredoc() {
    this.next();
    if (this.peek() !== "<") return "<";
    this.next();
    let space = "";
    while (this.peek() === " " || this.peek() === "	" || this.peek() === "\r") space += this.next();
    return `<<${space}`;
  }
};

// src/dockerfile/arg-values.ts
var builderArgs = /* @__PURE__ */ new Map([
  ["BUILDPLATFORM", "the build platform"],
  ["BUILDOS", "the build platform"],
  ["BUILDOSVERSION", "the build platform"],
  ["BUILDARCH", "the build platform"],
  ["BUILDVARIANT", "the build platform"],
  ["TARGETPLATFORM", "the target platform"],
  ["TARGETOS", "the target platform"],
  ["TARGETOSVERSION", "the target platform"],
  ["TARGETARCH", "the target platform"],
  ["TARGETVARIANT", "the target platform"],
  ["TARGETSTAGE", "the build target"]
]);
function isBuilderArg(name) {
  return builderArgs.has(name);
}
function platformReason(name) {
  return `the reference depends on ${builderArgs.get(name) ?? "the build"} (${name} is set by the builder); pin by hand`;
}
function expandWord(text, globals, escape) {
  let platform;
  const env = (name) => {
    const global = globals.get(name);
    if (global === void 0 && !/^[\p{L}_]/u.test(name)) return "";
    if (global?.platform !== void 0) {
      platform ??= global.platform;
      return "";
    }
    if (global?.expanded !== void 0) return global.expanded;
    if (global?.value === void 0 && builderArgs.has(name)) {
      platform ??= name;
      return "";
    }
    return void 0;
  };
  try {
    const result = processShell(text, env, { escape });
    const missing = [...result.missing];
    const known = missing.length === 0 && platform === void 0;
    return { value: known ? result.result : void 0, missing, platform, error: void 0 };
  } catch (error) {
    if (!(error instanceof ShellSyntaxError)) throw error;
    return { value: void 0, missing: [], platform, error };
  }
}

// src/dockerfile/variables.ts
var namePattern = /^[A-Za-z_][A-Za-z0-9_]*/;
function findVariableRefs(text, escape) {
  const refs = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === escape) {
      index++;
      continue;
    }
    if (char !== "$") continue;
    const ref = text[index + 1] === "{" ? bracedRef(text, index) : bareRef(text, index);
    if (ref) {
      refs.push(ref);
      index = ref.end - 1;
    }
  }
  return refs;
}
function bareRef(text, dollar) {
  const name = namePattern.exec(text.slice(dollar + 1, dollar + 257))?.[0];
  if (name === void 0) return void 0;
  const end = dollar + 1 + name.length;
  return { name, start: dollar, end, modifier: "", word: "", wordStart: end };
}
function bracedRef(text, dollar) {
  const open2 = dollar + 1;
  let depth = 0;
  let close = -1;
  for (let index = open2; index < text.length; index++) {
    if (text[index] === "{") depth++;
    else if (text[index] === "}" && --depth === 0) {
      close = index;
      break;
    }
  }
  if (close === -1) return void 0;
  const inside = text.slice(open2 + 1, close);
  const name = namePattern.exec(inside)?.[0];
  if (name === void 0) return void 0;
  const rest = inside.slice(name.length);
  const operator = /^(:-|-|:\+|\+)/.exec(rest)?.[0];
  const modifier = rest === "" ? "" : operator ?? "other";
  const operatorLength = modifier === "" || modifier === "other" ? 0 : modifier.length;
  const wordStart = open2 + 1 + name.length + operatorLength;
  return { name, start: dollar, end: close + 1, modifier, word: text.slice(wordStart, close), wordStart };
}

// src/dockerfile/image-token.ts
var templateReason = "template placeholder ({{\u2026}}): not a Dockerfile a build reads";
var templatePattern = /\{\{[^]*\}\}/;
function readImageToken(word, scope) {
  if (templatePattern.test(word)) return skipped(templateReason, void 0);
  if (/["']/.test(word) || word.includes(scope.escape)) return readQuotedWord(word, scope);
  const refs = findVariableRefs(word, scope.escape);
  const expansion = expandWord(word, scope.globals, scope.escape);
  const resolved = expansion.value;
  if (expansion.error && expansion.error.required === void 0)
    return unknownReason(expansion);
  if (refs.length === 0 && resolved !== void 0 && resolved !== word) {
    if (isNotImage(resolved, scope)) return { form: "not-image" };
    return skipped(
      "the reference uses a shell parameter ($1, $#, \u2026) that BuildKit expands; pin by hand",
      resolved
    );
  }
  if (refs.length === 0) {
    if (isNotImage(word, scope)) return { form: "not-image" };
    return { form: "in-place", resolved: word, pinStart: 0, pinEnd: word.length, tagOnly: false };
  }
  if (resolved !== void 0 && isNotImage(resolved, scope)) return { form: "not-image" };
  if (resolved === void 0 && patternNamesStage(word, refs, scope)) return { form: "not-image" };
  const unknown = unknownReason(expansion);
  if (unknown) return unknown;
  const only = refs.length === 1 ? refs[0] : void 0;
  if (only && only.start === 0 && only.end === word.length) return readWholeWord(only, scope, resolved);
  const masked = maskRefs(word, refs);
  const at = digestAt(masked);
  const nameAndTag = at === -1 ? masked : masked.slice(0, at);
  const lastSlash = nameAndTag.lastIndexOf("/");
  const colon = nameAndTag.lastIndexOf(":");
  const tagStart = colon > lastSlash ? colon + 1 : -1;
  const tagEnd = nameAndTag.length;
  const digestRefs = refs.filter((ref) => at !== -1 && ref.start > at);
  const tagRefs = refs.filter((ref) => tagStart !== -1 && ref.start >= tagStart && !digestRefs.includes(ref));
  const nameRefs = refs.filter((ref) => !tagRefs.includes(ref) && !digestRefs.includes(ref));
  if (digestRefs.length > 0)
    return skipped(`the digest comes from ARG ${names(digestRefs)}; pin by hand`, resolved);
  const lastComponent = nameRefs.find((ref) => ref.end > lastSlash);
  const wholeName = lastComponent !== void 0 && nameRefs.length === 1 && lastComponent.start === 0 && lastComponent.end === tagStart - 1 && lastComponent.modifier === "";
  if (wholeName && tagRefs.length === 0)
    return { form: "arg-repository", name: lastComponent.name, resolved };
  if (lastComponent) {
    return skipped(
      `the image name is built from ARG ${lastComponent.name}; only a variable registry or namespace can be pinned \u2014 pin by hand`,
      resolved
    );
  }
  const missing = firstMissing(nameRefs, scope);
  if (missing) return skipped(missing, resolved);
  if (tagRefs.length === 0) {
    if (resolved === void 0) return skipped(missingReason(expansion.missing[0] ?? "", scope), void 0);
    return { form: "in-place", resolved, pinStart: 0, pinEnd: word.length, tagOnly: false };
  }
  if (tagRefs.length > 1) {
    return skipped(`the tag is built from several ARGs (${names(tagRefs)}); pin by hand`, resolved);
  }
  const tagRef = tagRefs[0];
  const tag = word.slice(tagStart, tagEnd);
  if (tagRef.start !== tagStart || tagRef.end !== tagEnd) {
    return skipped(
      `ARG ${tagRef.name} is only part of the tag ${tag}; make the ARG the whole tag or pin by hand`,
      resolved
    );
  }
  const image = word.slice(0, tagStart - 1);
  if (tagRef.modifier === "") return { form: "arg-tag", name: tagRef.name, image, resolved };
  if (tagRef.modifier === ":-" || tagRef.modifier === "-") {
    const inline = readInlineDefault(tagRef, scope);
    if (inline !== void 0) return skipped(inline, resolved);
    if (resolved === void 0) return skipped(missingReason(expansion.missing[0] ?? "", scope), void 0);
    return {
      form: "in-place",
      resolved,
      pinStart: tagRef.wordStart,
      pinEnd: tagRef.end - 1,
      tagOnly: true
    };
  }
  return skipped(`the tag ${tag} is computed by ARG ${tagRef.name}; pin by hand`, resolved);
}
function missingReason(name, scope) {
  const declared = scope.globals.get(name);
  if (declared?.value !== void 0) {
    return `the default of ARG ${name} (line ${declared.line}) uses ARGs without defaults; give them defaults`;
  }
  if (isBuilderArg(name)) return platformReason(name);
  if (declared) return `ARG ${name} has no default; pass --build-arg or give it a default`;
  return `${name} is not a global ARG; declare ARG ${name}=\u2026 before the first FROM`;
}
function readWholeWord(ref, scope, resolved) {
  if (ref.modifier === "") return { form: "arg-reference", name: ref.name, resolved };
  if (ref.modifier === ":-" || ref.modifier === "-") {
    const reason = readInlineDefault(ref, scope);
    if (reason !== void 0) return skipped(reason, resolved);
    return {
      form: "in-place",
      resolved: ref.word,
      pinStart: ref.wordStart,
      pinEnd: ref.end - 1,
      tagOnly: false
    };
  }
  return skipped(`the reference is computed by \${${ref.name}${ref.word ? "\u2026" : ""}}; pin by hand`, resolved);
}
function readInlineDefault(ref, scope) {
  if (ref.word.includes("$")) return `the inline default of ${ref.name} is built from ARGs; pin by hand`;
  if (/["'\\`]/.test(ref.word))
    return `the inline default of ${ref.name} is quoted; unquote it or pin by hand`;
  const declared = scope.globals.get(ref.name);
  if (declared?.value !== void 0 && (ref.modifier === "-" || declared.value !== "")) {
    return `ARG ${ref.name} has a default (line ${declared.line}) that replaces the inline default ${ref.word}; keep one default`;
  }
  return void 0;
}
function unknownReason(expansion) {
  const { error, platform } = expansion;
  if (error?.required !== void 0) {
    return skipped(
      `ARG ${error.required} must be passed as a build-arg (${error.message}); pin by hand`,
      void 0
    );
  }
  if (error) return { form: "invalid", reason: `BuildKit cannot expand the reference: ${error.message}` };
  if (platform !== void 0) return skipped(platformReason(platform), void 0);
  return void 0;
}
function readQuotedWord(word, scope) {
  const quote = word[0];
  const inner = word.slice(1, -1);
  const wrapped = word.length >= 2 && (quote === '"' || quote === "'") && word.at(-1) === quote;
  const plainInside = !/["']/.test(inner) && !inner.includes(scope.escape) && !inner.includes("\\");
  if (wrapped && plainInside && (quote === '"' || !inner.includes("$"))) {
    const reading = readImageToken(inner, scope);
    if (reading.form !== "in-place") return reading;
    return { ...reading, pinStart: reading.pinStart + 1, pinEnd: reading.pinEnd + 1 };
  }
  const expansion = expandWord(word, scope.globals, scope.escape);
  const resolved = expansion.value;
  if (resolved !== void 0 && isNotImage(resolved, scope)) return { form: "not-image" };
  const unknown = unknownReason(expansion);
  if (unknown) return unknown;
  if (resolved === void 0) return skipped(missingReason(expansion.missing[0] ?? "", scope), void 0);
  return skipped("the reference is quoted or escaped in a way basepin cannot edit; pin by hand", resolved);
}
function firstMissing(refs, scope) {
  for (const ref of refs) {
    if ((ref.modifier === ":-" || ref.modifier === "-") && !ref.word.includes("$")) continue;
    if (ref.modifier !== "") return `the registry part uses \${${ref.name}\u2026}; pin by hand`;
    if (scope.globals.get(ref.name)?.expanded === void 0) return missingReason(ref.name, scope);
  }
  return void 0;
}
function patternNamesStage(word, refs, scope) {
  let pattern = "";
  let last = 0;
  for (const ref of refs) {
    pattern += escapeRegExp(word.slice(last, ref.start)) + "[a-z0-9._-]*";
    last = ref.end;
  }
  pattern += escapeRegExp(word.slice(last));
  const literal = word.length - refs.reduce((sum, ref) => sum + ref.end - ref.start, 0);
  if (literal === 0) return false;
  const stagePattern = new RegExp(`^${pattern}$`, "i");
  for (const stage of scope.stages) if (stagePattern.test(stage)) return true;
  return false;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function isNotImage(text, scope) {
  return text.toLowerCase() === "scratch" || scope.isStage(text);
}
function digestSpan(word, escape) {
  const at = digestAt(maskRefs(word, findVariableRefs(word, escape)));
  return { start: at === -1 ? word.length : at, end: word.length };
}
function digestAt(masked) {
  return masked.indexOf("@", Math.max(0, masked.lastIndexOf("/")));
}
function maskRefs(word, refs) {
  let masked = word;
  for (const ref of refs) {
    masked = masked.slice(0, ref.start) + "_".repeat(ref.end - ref.start) + masked.slice(ref.end);
  }
  return masked;
}
function names(refs) {
  return [...new Set(refs.map((ref) => ref.name))].join(", ");
}
function skipped(reason, resolved) {
  return { form: "skipped", reason, resolved };
}

// src/dockerfile/judge.ts
var digestOnlyReason = "digest-only reference has no tag to follow";
var emptyReason = "the reference is empty after ARG substitution; give the ARG a value";
var unresolvedReason = "the reference still contains $ after ARG substitution; pin by hand";
function judgeReference(resolved, tagOnly) {
  const key = `${tagOnly ? "t" : "r"}${resolved}`;
  let judged = judgements.get(key);
  if (judged === void 0) {
    if (judgements.size >= maxJudgements) judgements.clear();
    judged = judgeAnew(resolved, tagOnly);
    judgements.set(key, judged);
  }
  return judged;
}
var judgements = /* @__PURE__ */ new Map();
var maxJudgements = 1e4;
function judgeAnew(resolved, tagOnly) {
  if (resolved.includes("$")) return refused("skipped", void 0, unresolvedReason);
  if (resolved === "") return refused("invalid", void 0, emptyReason);
  let reference;
  try {
    reference = parseImageReference(sharedText(resolved));
  } catch (error) {
    if (error instanceof BadReferenceError) return refused("invalid", void 0, error.reason);
    return refused("invalid", void 0, String(error));
  }
  if (reference.digest !== void 0 && reference.tag === void 0) {
    return refused("skipped", reference, digestOnlyReason);
  }
  return {
    status: reference.digest === void 0 ? "pinnable" : "pinned",
    reference,
    reason: void 0,
    pinnable: true,
    addLatestTag: !tagOnly && reference.tag === void 0
  };
}
function refused(status, reference, reason) {
  return { status, reference, reason, pinnable: false, addLatestTag: false };
}

// src/dockerfile/directives.ts
var knownDirectives = /* @__PURE__ */ new Set(["syntax", "escape", "check"]);
var directivePattern = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]+?)[\t\n\f\r ]*$/d;
function parseDirective(line, prefix) {
  if (!line.startsWith(prefix)) return void 0;
  let from = prefix.length;
  while (from < line.length && isGoSpace(line[from])) from++;
  const match = directivePattern.exec(line.slice(from));
  const name = match?.[1]?.toLowerCase();
  const value = match?.[2];
  const indices = match?.indices?.[2];
  if (name === void 0 || value === void 0 || !indices || !knownDirectives.has(name)) return void 0;
  return { name, value, at: from + indices[0] };
}
function parserEscape(lines, text) {
  const seen = /* @__PURE__ */ new Set();
  for (const line of lines) {
    let raw = text.slice(line.start, line.end);
    let from = 0;
    while (from < raw.length && isGoSpace(raw[from])) from++;
    raw = raw.slice(from);
    const directive = parseDirective(raw, "#");
    if (!directive || seen.has(directive.name)) break;
    seen.add(directive.name);
    if (directive.name === "escape") return directive.value === "`" ? "`" : "\\";
  }
  return "\\";
}
function detectSyntax(lines, text) {
  const lineText = (index) => {
    const line = lines[index];
    return text.slice(line.start, line.end);
  };
  const first = lines.length > 0 && lineText(0).startsWith("#!") ? 1 : 0;
  for (const prefix of ["#", "//"]) {
    const seen = /* @__PURE__ */ new Set();
    for (let index = first; index < lines.length; index++) {
      const directive = parseDirective(lineText(index), prefix);
      if (!directive || seen.has(directive.name)) break;
      seen.add(directive.name);
      if (directive.name !== "syntax") continue;
      const space = directive.value.indexOf(" ");
      const value = space === -1 ? directive.value : directive.value.slice(0, space);
      if (value === "") return void 0;
      const start = lines[index].start + directive.at;
      return { value, range: { start, end: start + value.length }, line: index + 1 };
    }
  }
  return void 0;
}

// src/dockerfile/heredoc.ts
var heredocCommands = /* @__PURE__ */ new Set(["RUN", "COPY", "ADD"]);
var heredocWord = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;
var noEnv = () => void 0;
function heredocMarkers(keyword, args, escape) {
  const command = keyword === "ONBUILD" ? splitCommand(args) : { keyword, args };
  if (!command || !heredocCommands.has(command.keyword) || isJsonForm(command.args, escape)) return [];
  if (!args.includes("<<")) return [];
  let words;
  try {
    words = processShell(`${keyword} ${args}`, noEnv, {
      escape: "\\",
      rawQuotes: true,
      rawEscapes: true,
      skipUnsetEnv: true
    }).words;
  } catch (error) {
    if (error instanceof ShellSyntaxError) return [];
    throw error;
  }
  const markers = [];
  for (const word of words) {
    const marker = parseHeredocWord(word);
    if (marker) markers.push(marker);
  }
  return markers;
}
function parseHeredocWord(word) {
  const match = heredocWord.exec(word);
  const rest = match?.[3];
  if (!match || !rest) return void 0;
  try {
    const names2 = processShell(rest, noEnv, { escape: "\\", skipUnsetEnv: true }).words;
    if (names2.length !== 1) return void 0;
    return { name: names2[0], stripTabs: match[2] === "-" };
  } catch (error) {
    if (error instanceof ShellSyntaxError) return void 0;
    throw error;
  }
}
function splitCommand(args) {
  let end = 0;
  while (end < args.length && !isGoSpace(args[end])) end++;
  if (end === 0) return void 0;
  let offset = end;
  while (offset < args.length && isGoSpace(args[offset])) offset++;
  return { keyword: args.slice(0, end).toUpperCase(), args: args.slice(offset), offset };
}
function isJsonForm(args, escape) {
  let rest = args;
  for (; ; ) {
    rest = rest.replace(/^[\t\n\v\f\r ]+/, "");
    if (!rest.startsWith("--")) break;
    const flagEnd = flagLength(rest, escape);
    if (flagEnd === rest.length) return false;
    rest = rest.slice(flagEnd);
  }
  if (!rest.startsWith("[")) return false;
  try {
    const parsed = JSON.parse(rest);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === "string");
  } catch {
    return false;
  }
}
function flagLength(text, escape) {
  let quote = "";
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote !== "") {
      if (char === quote) quote = "";
      else if (char === escape) index++;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === escape) index++;
    else if (isGoSpace(char)) return index;
  }
  return text.length;
}

// src/dockerfile/lex.ts
var blank = /^[ \t\v\f\r]$/;
function lexDockerfile(text) {
  const lines = splitLines(text);
  const lineText = (index2) => {
    const line = lines[index2];
    return text.slice(line.start, line.end);
  };
  const escape = parserEscape(lines, text);
  const isContinued = (line) => continuationAt(line, escape);
  const instructions = [];
  let unterminatedHeredoc;
  let index = 0;
  while (index < lines.length) {
    const first = lineText(index);
    if (isCommentOrBlank(first)) {
      index++;
      continue;
    }
    const startLine = index;
    let chars = "";
    const offsets = [];
    const append = (lineIndex, from, to) => {
      const line = lines[lineIndex];
      chars += text.slice(line.start + from, line.start + to);
      for (let k = from; k < to; k++) offsets.push(line.start + k);
    };
    const leading = leadingBlanks(first);
    let cut = isContinued(first);
    append(index, leading, cut ?? first.length);
    index++;
    while (cut !== void 0 && index < lines.length) {
      const raw = lineText(index);
      if (isCommentOrBlank(raw)) {
        index++;
        continue;
      }
      cut = isContinued(raw);
      append(index, 0, cut ?? raw.length);
      index++;
    }
    const instruction = splitKeyword(chars, offsets, startLine + 1);
    const heredocs = [];
    for (const heredoc of heredocMarkers(instruction.keyword, instruction.args, escape)) {
      const body = [];
      let closed = false;
      while (index < lines.length) {
        const raw = lineText(index++);
        closed = (heredoc.stripTabs ? raw.replace(/^\t+/, "") : raw) === heredoc.name;
        if (closed) break;
        body.push(raw);
      }
      if (!closed) unterminatedHeredoc ??= { line: instruction.line, name: heredoc.name };
      heredocs.push(body.join("\n"));
    }
    instructions.push({ ...instruction, heredocs });
  }
  return {
    syntax: detectSyntax(lines, text),
    escape,
    instructions,
    lineStarts: lines.map((line) => line.start),
    unterminatedHeredoc
  };
}
function continuationAt(line, escape) {
  let end = line.length;
  while (end > 0 && (line[end - 1] === " " || line[end - 1] === "	")) end--;
  if (end === 0 || line[end - 1] !== escape) return void 0;
  if (end >= 2 && line[end - 2] === escape) return void 0;
  return end - 1;
}
function lineOf(lineStarts, offset) {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = low + high + 1 >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
function splitLines(text) {
  const lines = [];
  let start = text.startsWith("\uFEFF") ? 1 : 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const stop = newline === -1 ? text.length : newline;
    let end = stop;
    while (end > start && text.charCodeAt(end - 1) === 13) end--;
    lines.push({ start, end });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}
function isCommentOrBlank(line) {
  const trimmed = line.slice(leadingBlanks(line));
  return trimmed === "" || trimmed.startsWith("#");
}
function leadingBlanks(line) {
  let count = 0;
  while (count < line.length && isGoSpace(line[count])) count++;
  return count;
}
function splitKeyword(chars, offsets, line) {
  let start = 0;
  while (start < chars.length && isGoSpace(chars[start])) start++;
  let keywordEnd = start;
  while (keywordEnd < chars.length && !blank.test(chars[keywordEnd])) keywordEnd++;
  let from = keywordEnd;
  while (from < chars.length && isGoSpace(chars[from])) from++;
  let to = chars.length;
  while (to > from && isGoSpace(chars[to - 1])) to--;
  return {
    keyword: chars.slice(start, keywordEnd).toUpperCase(),
    line,
    args: chars.slice(from, to),
    offsets: offsets.slice(from, to)
  };
}

// src/dockerfile/words.ts
function splitWords(args, escape) {
  const words = [];
  let start = -1;
  let quote = "";
  for (let index = 0; index <= args.length; index++) {
    const char = args[index];
    if (char === void 0 || quote === "" && /[ \t\v\f\r]/.test(char)) {
      if (start !== -1) words.push({ raw: args.slice(start, index), start, end: index });
      start = -1;
      continue;
    }
    if (start === -1) start = index;
    if (char === escape && quote !== "'") index++;
    else if (quote === "" && (char === '"' || char === "'")) quote = char;
    else if (char === quote) quote = "";
  }
  return words;
}
function splitBlankWords(args) {
  const words = [];
  for (const match of args.matchAll(/[^ \t\v\f\r]+/g)) {
    words.push({ raw: match[0], start: match.index, end: match.index + match[0].length });
  }
  return words;
}
function builderFlagsEnd(args, escape) {
  let pos = 0;
  for (; ; ) {
    while (pos < args.length && isGoSpace(args[pos])) pos++;
    if (pos >= args.length) return args.length;
    if (!args.startsWith("--", pos)) return pos;
    const start = pos;
    let quote = "";
    for (; pos < args.length; pos++) {
      const char = args[pos];
      if (quote === "" && isGoSpace(char)) break;
      if (quote === "" && (char === '"' || char === "'")) quote = char;
      else if (quote !== "" && char === quote) quote = "";
      else if (char === escape) pos++;
    }
    if (pos >= args.length) return args.length;
    if (args.slice(start, pos) === "--") return pos;
  }
}
function leadingFlags(words) {
  const flags = [];
  let rest = 0;
  for (; rest < words.length; rest++) {
    const word = words[rest];
    if (!word.raw.startsWith("--")) break;
    const equals = word.raw.indexOf("=");
    const name = word.raw.slice(2, equals === -1 ? void 0 : equals).toLowerCase();
    const value = equals === -1 ? void 0 : unquote(word.raw.slice(equals + 1), word.start + equals + 1);
    flags.push({ name, value, word });
  }
  return { flags, rest };
}
function unquote(raw, start) {
  const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.at(-1) === raw[0];
  const inner = quoted ? raw.slice(1, -1) : raw;
  const innerStart = quoted ? start + 1 : start;
  return {
    value: inner,
    start: innerStart,
    end: innerStart + inner.length,
    plain: !/["'\\`]/.test(inner)
  };
}
function mountOptions(mount) {
  const options = /* @__PURE__ */ new Map();
  let fieldStart = 0;
  let inQuotes = false;
  const text = mount.value;
  for (let index = 0; index <= text.length; index++) {
    const char = text[index];
    if (char === '"') inQuotes = !inQuotes;
    if (char !== void 0 && (char !== "," || inQuotes)) continue;
    const field = unquote(text.slice(fieldStart, index), mount.start + fieldStart);
    const equals = field.value.indexOf("=");
    if (equals > 0) {
      const key = field.value.slice(0, equals).trim().toLowerCase();
      const value = field.value.slice(equals + 1);
      const start = field.start + equals + 1;
      options.set(key, { value, start, end: start + value.length, plain: field.plain && mount.plain });
    }
    fieldStart = index + 1;
  }
  return options;
}

// src/dockerfile/scan.ts
function scanDockerfile(lexed, text) {
  const globals = /* @__PURE__ */ new Map();
  const froms = [];
  const externals = [];
  const uses = [];
  let visible = /* @__PURE__ */ new Set();
  const { escape } = lexed;
  for (const instruction of lexed.instructions) {
    const inStage = froms.length > 0;
    const stage = froms.at(-1)?.stage;
    if (instruction.keyword === "FROM") {
      const entry = readFrom(instruction, escape);
      froms.push(entry);
      visible = /* @__PURE__ */ new Set();
      const key = `from:${froms.length - 1}`;
      for (const ref of findVariableRefs(instruction.args, escape)) {
        const inImage = entry.image && ref.start >= entry.image.start && ref.start < entry.image.end;
        uses.push(
          inImage ? { name: ref.name, key, label: `${entry.image?.raw} (line ${instruction.line})` } : { name: ref.name, key: void 0, label: `FROM --platform on line ${instruction.line}` }
        );
      }
      continue;
    }
    if (instruction.keyword === "ARG") {
      for (const word of splitWords(instruction.args, escape)) {
        const equals = word.raw.indexOf("=");
        const name = equals === -1 ? word.raw : word.raw.slice(0, equals);
        const raw = equals === -1 ? void 0 : word.raw.slice(equals + 1);
        const value = raw === void 0 ? void 0 : unquote(raw, word.start + equals + 1);
        for (const ref of value ? findVariableRefs(value.value, escape) : []) {
          if (!inStage || visible.has(ref.name)) {
            uses.push({ name: ref.name, key: void 0, label: `ARG ${name} on line ${instruction.line}` });
          }
        }
        if (!inStage) globals.set(name, globalArg(name, raw, value, instruction, text, globals, escape));
        else if (value === void 0 && globals.has(name)) visible.add(name);
        else visible.delete(name);
      }
      continue;
    }
    if (!inStage) continue;
    const found = readExternals(instruction, escape, stage, externals.length);
    externals.push(...found);
    const label = `${instruction.keyword} on line ${instruction.line}`;
    for (const ref of findVariableRefs(instruction.args, escape)) {
      if (!visible.has(ref.name)) continue;
      const external = found.find((entry) => {
        const shift = instruction.args.length - entry.instruction.args.length;
        return ref.start >= entry.value.start + shift && ref.start < entry.value.end + shift;
      });
      uses.push(
        external ? { name: ref.name, key: external.key, label: `${external.value.value} (line ${instruction.line})` } : { name: ref.name, key: void 0, label }
      );
    }
    for (const body of instruction.heredocs) {
      for (const ref of findVariableRefs(body, escape)) {
        if (visible.has(ref.name)) uses.push({ name: ref.name, key: void 0, label });
      }
    }
  }
  return { globals, froms, externals, uses };
}
function sourceRange(instruction, text, start, end) {
  const { offsets, args } = instruction;
  if (start < 0 || end > args.length || start > end) return void 0;
  if (start === end) {
    const at = start < offsets.length ? offsets[start] : (offsets[start - 1] ?? -1) + 1;
    return at === void 0 || at < 0 ? void 0 : { start: at, end: at };
  }
  const range = { start: offsets[start], end: offsets[end - 1] + 1 };
  return text.slice(range.start, range.end) === args.slice(start, end) ? range : void 0;
}
function readFrom(instruction, escape) {
  const flagsEnd = builderFlagsEnd(instruction.args, escape);
  const { flags } = leadingFlags(splitBlankWords(instruction.args.slice(0, flagsEnd)));
  const words = splitBlankWords(instruction.args.slice(flagsEnd)).map((word) => ({
    raw: word.raw,
    start: word.start + flagsEnd,
    end: word.end + flagsEnd
  }));
  const bare = flags.find((flag) => flag.value === void 0 && flag.name !== "");
  if (bare) {
    const as2 = words.at(-2);
    const stage2 = words.length >= 3 && as2?.raw.toLowerCase() === "as" ? words.at(-1)?.raw : void 0;
    return {
      instruction,
      image: void 0,
      platform: void 0,
      stage: stage2,
      // The flag word is what is refused (a report's reference field holds no blanks).
      refused: { reason: bareFlagReason("FROM", bare, words[0]), written: bare.word.raw }
    };
  }
  const image = words[0];
  const as = words[1];
  const stage = as && as.raw.toLowerCase() === "as" ? words[2]?.raw : void 0;
  const platform = flags.find((flag) => flag.name === "platform")?.value?.value;
  return { instruction, image, platform, stage };
}
function bareFlagReason(keyword, flag, next) {
  const name = flag.word.raw;
  const written = next === void 0 ? `${name}=VALUE` : `${name}=${next.raw}`;
  return `BuildKit refuses this ${keyword}: it reads a flag's value only after "=", so ${name} has none; write ${written}`;
}
function globalArg(name, raw, value, instruction, text, earlier, escape) {
  const range = value?.plain ? sourceRange(instruction, text, value.start, value.end) : void 0;
  const declarations = (earlier.get(name)?.declarations ?? 0) + (raw === void 0 ? 0 : 1);
  const previous = earlier.get(name);
  if (raw === void 0 && previous) return { ...previous, line: instruction.line, declarations };
  const expansion = raw === void 0 ? void 0 : expandWord(raw, earlier, escape);
  return {
    name,
    line: instruction.line,
    value: value?.value,
    expanded: expansion?.value,
    platform: expansion?.platform,
    valueRange: range,
    declarations
  };
}
function readExternals(instruction, escape, stage, count) {
  if (instruction.keyword === "ONBUILD") {
    const trigger = splitCommand(instruction.args);
    if (!trigger || trigger.keyword !== "COPY" && trigger.keyword !== "RUN") return [];
    const inner = {
      ...instruction,
      keyword: trigger.keyword,
      args: trigger.args,
      offsets: instruction.offsets.slice(trigger.offset)
    };
    return readExternals(inner, escape, stage, count).map((entry) => ({
      ...entry,
      kind: entry.kind === "copy-from" ? "onbuild-copy-from" : "onbuild-mount-from"
    }));
  }
  if (instruction.keyword !== "COPY" && instruction.keyword !== "RUN") return [];
  const words = splitWords(instruction.args, escape);
  const { flags, rest } = leadingFlags(words);
  const entries = [];
  for (const [index, flag] of flags.entries()) {
    const named = flag.name === (instruction.keyword === "COPY" ? "from" : "mount");
    if (!flag.value && named) {
      const next = index === flags.length - 1 ? words[rest] : void 0;
      const { raw, start, end } = flag.word;
      const value2 = { value: raw, start, end, plain: false };
      const kind2 = instruction.keyword === "COPY" ? "copy-from" : "mount-from";
      const refused2 = bareFlagReason(instruction.keyword, flag, next);
      entries.push({ kind: kind2, instruction, value: value2, stage, key: `external:${count + entries.length}`, refused: refused2 });
      continue;
    }
    if (!flag.value) continue;
    let value;
    let kind;
    if (instruction.keyword === "COPY" && flag.name === "from") {
      value = flag.value;
      kind = "copy-from";
    } else if (instruction.keyword === "RUN" && flag.name === "mount") {
      value = mountOptions(flag.value).get("from");
      kind = "mount-from";
    } else continue;
    if (value && value.value !== "") {
      entries.push({ kind, instruction, value, stage, key: `external:${count + entries.length}` });
    }
  }
  return entries;
}

// src/dockerfile/site-builders.ts
function scopeOf(context, stages) {
  return {
    escape: context.lexed.escape,
    globals: context.scanned.globals,
    isStage: (name) => stages.has(name.toLowerCase()),
    stages
  };
}
function wordSite(context, kind, instruction, start, written, reading) {
  const wordRange = sourceRange(instruction, context.text, start, start + written.length);
  const line = lineOf(context.lexed.lineStarts, wordRange?.start ?? instruction.offsets[start] ?? 0);
  switch (reading.form) {
    case "not-image":
      return void 0;
    case "invalid":
      return { ...skippedSite(context, kind, line, written, void 0, reading.reason), status: "invalid" };
    case "skipped":
      return skippedSite(context, kind, line, written, reading.resolved, reading.reason);
    case "in-place": {
      const range = sourceRange(instruction, context.text, start + reading.pinStart, start + reading.pinEnd);
      if (!range) {
        const reason = "the reference is split across lines by a line continuation; join it onto one line";
        return skippedSite(context, kind, line, written, reading.resolved, reason);
      }
      return literalSite(context, kind, line, written, reading.resolved, range, reading.tagOnly);
    }
    default:
      return skippedSite(
        context,
        kind,
        line,
        written,
        reading.resolved,
        `the image comes from an ARG; pin by hand`
      );
  }
}
function literalSite(context, kind, line, written, resolved, range, tagOnly) {
  if (templatePattern.test(resolved))
    return skippedSite(context, kind, line, written, void 0, templateReason);
  const judged = judgeReference(resolved, tagOnly);
  const pin = judged.pinnable ? pinTarget(context, range, judged.addLatestTag) : void 0;
  return {
    file: context.file,
    line,
    kind,
    written,
    resolved,
    reference: judged.reference,
    pin,
    stage: void 0,
    platform: void 0,
    status: judged.status,
    // A report shows the reference as written: an invalid one read through ARGs also says what it became.
    reason: judged.status === "invalid" && resolved !== written && resolved !== "" ? `${judged.reason ?? "invalid reference"} (after ARG substitution: ${JSON.stringify(resolved)})` : judged.reason
  };
}
function pinTarget(context, range, addLatestTag) {
  const span = digestSpan(context.text.slice(range.start, range.end), context.lexed.escape);
  const digestRange = { start: range.start + span.start, end: range.start + span.end };
  return { range, digestRange, addLatestTag };
}
function skippedSite(context, kind, line, written, resolved, reason) {
  const reference = resolved === void 0 ? void 0 : judgeReference(resolved, false).reference;
  return {
    file: context.file,
    line,
    kind,
    written,
    resolved,
    reference,
    pin: void 0,
    stage: void 0,
    platform: void 0,
    status: "skipped",
    reason
  };
}

// src/dockerfile/arg-sites.ts
function argSites(context, name, list) {
  const groups = /* @__PURE__ */ new Map();
  for (const candidate of list) {
    const group = candidate.reading.form === "arg-tag" ? `tag:${imageKey(candidate.reading.image)}` : "reference";
    groups.set(group, [...groups.get(group) ?? [], candidate]);
  }
  const sites = [];
  for (const group of groups.values()) {
    const first = group[0];
    const tagOnly = first.reading.form === "arg-tag";
    const target = argTarget(context, name, group, tagOnly);
    if (typeof target === "string") {
      for (const { from, reading } of group) {
        if (!from.image) continue;
        const skipped2 = { form: "skipped", reason: target, resolved: reading.resolved };
        const site2 = wordSite(context, "from", from.instruction, from.image.start, from.image.raw, skipped2);
        if (site2) sites.push({ ...site2, stage: from.stage, platform: from.platform });
      }
      continue;
    }
    const line = lineOf(context.lexed.lineStarts, target.range.start);
    const resolved = first.reading.resolved ?? "";
    const site = literalSite(context, "arg", line, target.value, resolved, target.range, tagOnly);
    sites.push({ ...site, stage: first.from.stage, platform: first.from.platform });
  }
  return sites;
}
function argTarget(context, name, group, tagOnly) {
  const keys = new Set(group.map((candidate) => candidate.key));
  const other = context.scanned.uses.find((use) => use.name === name && !keys.has(use.key ?? ""));
  if (other?.key !== void 0) {
    return `ARG ${name} also feeds ${other.label}; pinning it would pin two images \u2014 pin by hand or split the ARG`;
  }
  if (other) return `ARG ${name} is also used by ${other.label}; pin by hand or split the ARG`;
  const global = context.scanned.globals.get(name);
  if (global?.value === void 0) return missingReason(name, scopeOf(context, /* @__PURE__ */ new Set()));
  if (global.platform !== void 0) return platformReason(global.platform);
  const where = `the default of ARG ${name} (line ${global.line})`;
  if (!global.valueRange) return `${where} is quoted or split in a way basepin cannot edit; pin by hand`;
  if (tagOnly && global.value.includes("$")) return `${where} is built from other ARGs; pin by hand`;
  if (group[0]?.reading.resolved === void 0)
    return `${where} uses ARGs without defaults; give them defaults`;
  if (global.value.includes("$")) {
    const reading = readImageToken(global.value, scopeOf(context, /* @__PURE__ */ new Set()));
    if (reading.form === "skipped") return `${where}: ${reading.reason}`;
    const wholeDefault = reading.form === "in-place" && !reading.tagOnly && reading.pinStart === 0 && reading.pinEnd === global.value.length;
    if (!wholeDefault) {
      return `${where} takes its name or tag from another ARG; only a variable registry or namespace can be pinned \u2014 pin by hand`;
    }
  }
  return { value: global.value, range: global.valueRange };
}
function imageKey(image) {
  const judged = judgeReference(image, false);
  return judged.reference?.name ?? image;
}
function repositorySites(context, name, list) {
  const refusal = repositoryRefusal(context, name, list);
  return list.flatMap(({ from, reading }) => {
    if (!from.image) return [];
    const written = from.image.raw;
    const next = refusal !== void 0 || reading.resolved === void 0 ? {
      form: "skipped",
      reason: refusal ?? missingReason(name, scopeOf(context, /* @__PURE__ */ new Set())),
      resolved: reading.resolved
    } : {
      form: "in-place",
      resolved: reading.resolved,
      pinStart: 0,
      pinEnd: written.length,
      tagOnly: false
    };
    const site = wordSite(context, "from", from.instruction, from.image.start, written, next);
    return site ? [{ ...site, stage: from.stage, platform: from.platform }] : [];
  });
}
function repositoryRefusal(context, name, list) {
  if (context.options.pinArgRepositories === false) {
    return `the repository comes from ARG ${name} and pin-arg-repositories is off; pin by hand`;
  }
  const global = context.scanned.globals.get(name);
  if (global?.value === void 0) return void 0;
  if (global.platform !== void 0) return platformReason(global.platform);
  if (global.declarations > 1) {
    return `ARG ${name} has more than one default in this file; a digest pinned for one would contradict the other \u2014 pin by hand`;
  }
  const keys = new Set(list.map((candidate) => candidate.key));
  const other = context.scanned.uses.find((use) => use.name === name && !keys.has(use.key ?? ""));
  if (other?.key !== void 0) return `ARG ${name} also feeds ${other.label}; pin by hand or split the ARG`;
  if (other) return `ARG ${name} is also used by ${other.label}; pin by hand or split the ARG`;
  const repository = global.expanded ?? "";
  if (/[:@]/.test(repository.slice(repository.lastIndexOf("/") + 1))) {
    return `the default of ARG ${name} (line ${global.line}) is not a bare repository; pin by hand`;
  }
  return void 0;
}

// src/dockerfile/extract.ts
function extractImageSites(file, text, options = {}) {
  const lexed = lexDockerfile(text);
  const scanned = scanDockerfile(lexed, text);
  const context = { options, file, text, lexed, scanned };
  const sites = [];
  const { syntax } = lexed;
  if (syntax)
    sites.push(literalSite(context, "syntax", syntax.line, syntax.value, syntax.value, syntax.range, false));
  const open2 = lexed.unterminatedHeredoc;
  if (open2) {
    const reason = `BuildKit refuses this file (unterminated heredoc): <<${open2.name} on this line opens a heredoc no line "${open2.name}" closes, so no line after it is read; close the heredoc, or write a shift with no blank before << ($((1<<4)))`;
    sites.push(skippedSite(context, "heredoc", open2.line, `<<${open2.name}`, void 0, reason));
  }
  const candidates = /* @__PURE__ */ new Map();
  const repositories = /* @__PURE__ */ new Map();
  const stageNames = /* @__PURE__ */ new Set();
  const variableStages = [];
  const scope = scopeOf(context, stageNames);
  scanned.froms.forEach((from, index) => {
    const template = from.image ? templateText(from.instruction.args, from.image.start) : void 0;
    const reading = template ? templateReading : from.image ? maybeVariableStage(from.image.raw, readImageToken(from.image.raw, scope), variableStages) : void 0;
    if (from.stage !== void 0)
      addStage(context, from.stage, from.instruction.line, stageNames, variableStages);
    if (from.refused) {
      const refused2 = { form: "invalid", reason: from.refused.reason };
      const site2 = wordSite(context, "from", from.instruction, 0, from.refused.written, refused2);
      if (site2) sites.push({ ...site2, stage: from.stage });
      return;
    }
    if (!from.image || !reading) return;
    if (reading.form === "arg-reference" || reading.form === "arg-tag") {
      const list = candidates.get(reading.name) ?? [];
      list.push({ from, key: `from:${index}`, reading });
      candidates.set(reading.name, list);
      return;
    }
    if (reading.form === "arg-repository") {
      const list = repositories.get(reading.name) ?? [];
      list.push({ from, key: `from:${index}`, reading });
      repositories.set(reading.name, list);
      return;
    }
    const written = template ?? from.image.raw;
    const site = wordSite(context, "from", from.instruction, from.image.start, written, reading);
    if (site) sites.push({ ...site, stage: from.stage, platform: from.platform });
  });
  for (const external of scanned.externals) {
    const { instruction, value } = external;
    if (external.refused) {
      const refused2 = { form: "invalid", reason: external.refused };
      const site2 = wordSite(context, external.kind, instruction, value.start, value.value, refused2);
      if (site2) sites.push({ ...site2, stage: external.stage });
      continue;
    }
    const template = templateText(instruction.args, value.start);
    const reading = template ? templateReading : maybeVariableStage(value.value, externalReading(external, scope), variableStages);
    const raw = template ?? (value.plain ? value.value : instruction.args.slice(value.start, value.end));
    const site = wordSite(context, external.kind, instruction, value.start, raw, reading);
    if (site) sites.push({ ...site, stage: external.stage });
  }
  for (const [name, list] of candidates) sites.push(...argSites(context, name, list));
  for (const [name, list] of repositories) sites.push(...repositorySites(context, name, list));
  return sites.sort((a, b) => a.line - b.line || startOf(a) - startOf(b)).map(compactSite);
}
function externalReading(external, scope) {
  const { value } = external.value;
  if (/^\d+$/.test(value)) return { form: "not-image" };
  const onbuild = external.kind === "onbuild-copy-from" || external.kind === "onbuild-mount-from";
  const reading = readImageToken(value, onbuild ? { ...scope, isStage: () => false, stages: [] } : scope);
  if (reading.form === "not-image" || !value.includes("$")) {
    if (onbuild && reading.form !== "not-image" && !/[:/@]/.test(value)) {
      const reason2 = `ONBUILD ${external.kind === "onbuild-copy-from" ? "COPY" : "RUN"} --from=${value} may name a stage of the Dockerfile that builds FROM this image; write the image with its tag to pin it`;
      return { form: "skipped", reason: reason2, resolved: void 0 };
    }
    return reading;
  }
  const where = external.kind.endsWith("copy-from") ? "COPY --from" : "RUN --mount";
  const reason = `the image in ${where} comes from an ARG, which BuildKit does not expand there (the build fails); name the image in a stage FROM it`;
  return { form: "skipped", reason, resolved: void 0 };
}
function addStage(context, stage, line, stages, variableStages) {
  stages.add(stage.toLowerCase());
  if (!stage.includes("$")) return;
  const expanded = expandWord(stage, context.scanned.globals, context.lexed.escape).value;
  if (expanded) stages.add(expanded.toLowerCase());
  else variableStages.push({ name: stage, line });
}
function maybeVariableStage(word, reading, variableStages) {
  const stage = variableStages[0];
  if (stage === void 0 || reading.form === "not-image" || /[:/@$]/.test(word)) return reading;
  const reason = `${word} may be the stage ${stage.name} (line ${stage.line}), whose name only an ARG gives: BuildKit refuses such a stage name and buildah expands it; name the stage plainly or give the ARG a default`;
  return { form: "skipped", reason, resolved: void 0 };
}
var templateReading = { form: "skipped", reason: templateReason, resolved: void 0 };
function templateText(args, start) {
  const rest = args.slice(start);
  const open2 = rest.indexOf("{{");
  const blank2 = rest.search(/[ \t]/);
  if (open2 === -1 || blank2 !== -1 && blank2 < open2) return void 0;
  let end = open2;
  for (; ; ) {
    const close = rest.indexOf("}}", end);
    if (close === -1) return end === open2 ? void 0 : rest.slice(0, end);
    end = close + 2;
    while (end < rest.length && !/[ \t]/.test(rest[end])) end++;
    const text = rest.slice(0, end);
    if (text.split("{{").length <= text.split("}}").length) return text;
  }
}
function startOf(site) {
  return site.pin?.range.start ?? 0;
}

// src/dockerfile/rewrite.ts
var EditErrorCode = {
  Overlap: "edits overlap",
  OutOfRange: "edit range is outside the text"
};
var EditConflictError = class extends Error {
  name = "EditConflictError";
  code;
  constructor(code, detail) {
    super(`${code}: ${detail}`);
    this.code = code;
  }
};
function applyEdits(text, edits) {
  const unique = fittingEdits(text.length, edits);
  let result = text;
  for (let index = unique.length - 1; index >= 0; index--) {
    const edit = unique[index];
    result = result.slice(0, edit.range.start) + edit.text + result.slice(edit.range.end);
  }
  return result;
}
function fittingEdits(length, edits) {
  for (const edit of edits) {
    const { start, end } = edit.range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
      throw new EditConflictError(EditErrorCode.OutOfRange, `${describe(edit)} in a text of ${length}`);
    }
  }
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const unique = [];
  for (const edit of sorted) {
    const previous = unique.at(-1);
    if (previous && sameEdit(previous, edit)) continue;
    if (previous && (previous.range.end > edit.range.start || previous.range.start === edit.range.start)) {
      throw new EditConflictError(EditErrorCode.Overlap, `${describe(previous)} and ${describe(edit)}`);
    }
    unique.push(edit);
  }
  return unique;
}
function pinEdit(target, digest) {
  validateDigest(digest);
  const key = target.digestKey;
  if (key) return { range: target.digestRange, text: `${key.before}${digest}${key.after}` };
  return { range: target.digestRange, text: `${target.addLatestTag ? ":latest" : ""}@${digest}` };
}
function sameEdit(a, b) {
  return a.range.start === b.range.start && a.range.end === b.range.end && a.text === b.text;
}
function describe(edit) {
  return `[${edit.range.start}, ${edit.range.end}) \u2192 ${JSON.stringify(edit.text.slice(0, 40))}`;
}

// src/dockerfile/site.ts
function isPinnableSite(site) {
  return site.reference !== void 0 && site.pin !== void 0;
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
  /** How its bytes decode: an edited text is written back the same way. */
  encoding;
  /** UTF-16 length of the decoded text: every edit must fit inside it. */
  length;
  #text;
  #hash;
  #workspace;
  constructor(file, bytes, text, encoding, rereadFrom) {
    this.file = file;
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
  const paths = await workspace.list([...settings.paths], {
    include: [...settings.include],
    exclude: [...settings.exclude]
  });
  const options = { pinArgRepositories: settings.pinArgRepositories };
  const rereadFrom = scanOptions.keepTexts === false ? workspace : void 0;
  const read = await workspace.read(paths, (file, bytes) => {
    const decoded = decodeDockerfile(bytes);
    const scanned = new ScannedFile(file, bytes, decoded.text, decoded.encoding, rereadFrom);
    return { scanned, sites: extractImageSites(file, decoded.text, options) };
  });
  const files = [];
  const sites = [];
  for (const entry of read) {
    files.push(entry.scanned);
    for (const site of entry.sites) sites.push(site);
  }
  return { files, sites };
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

// src/workspace/discover-dockerfiles.ts
var import_ignore = __toESM(require_ignore(), 1);
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

// src/workspace/listing-rules.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
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
  const givenPaths = paths.length > 0 ? paths : ["."];
  const cwd = path.resolve(options.cwd);
  const { included, excluded } = listFilters(options);
  const display = (absolute) => {
    const relative = path.relative(cwd, absolute);
    const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
    return inside ? relative.split(path.sep).join("/") : absolute;
  };
  const found = /* @__PURE__ */ new Set();
  const gitignores = /* @__PURE__ */ new Map();
  const rulesIn = (folder) => {
    let rules = gitignores.get(folder);
    if (!rules) {
      rules = readGitignore(folder);
      gitignores.set(folder, rules);
    }
    return rules;
  };
  const isIgnored = (levels, absolute, isFolder) => {
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
        if (skippedFolders.has(entry.name) || excluded(shown) || isIgnored(here, absolute, true)) continue;
        folders.push({ folder: absolute, levels: here });
      } else if (isFile && (isDockerfileName(entry.name) || included(shown))) {
        if (!excluded(shown) && !isIgnored(here, absolute, false)) found.add(shown);
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
      found.add(display(absolute));
      continue;
    }
    await walk(absolute, await ancestorLevels(cwd, absolute, rulesIn));
  }
  return [...found].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
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
  const names2 = await readdir2(folder).catch(() => []);
  const now = Date.now();
  for (const name of names2) {
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

export {
  UnencodableTextError,
  encodeDockerfile,
  EditConflictError,
  applyEdits,
  fittingEdits,
  pinEdit,
  isPinnableSite,
  WriteError,
  scanDockerfiles,
  contentHash,
  FileChangedError,
  require_ignore,
  require_picomatch2 as require_picomatch,
  isDockerfileName,
  skippedFolders,
  listFilters,
  deepestIgnoreDecides,
  UnreadablePathError,
  discoverDockerfiles,
  jsonArrayChunks,
  writeFileAtomic
};
