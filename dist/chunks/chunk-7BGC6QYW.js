import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  CATALOGUE,
  envLabel,
  fixInFormat,
  q,
  remarked,
  reportsDataLoss
} from "./chunk-UCIKMIHM.js";
import {
  createLineIndex,
  locateTomlPaths,
  pathKey
} from "./chunk-LHHAANFG.js";
import {
  TomlError,
  parse
} from "./chunk-Y72PUWW2.js";

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep, offset, length) => {
      if (currentParent.type === "property") {
        if (sep === ":") {
          currentParent.colonOffset = offset;
        } else if (sep === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/impl/edit.js
function applyEdit(text, edit) {
  return text.substring(0, edit.offset) + edit.content + text.substring(edit.offset + edit.length);
}

// node_modules/jsonc-parser/lib/esm/main.js
var createScanner2 = createScanner;
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parseTree2 = parseTree;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function applyEdits(text, edits) {
  let sortedEdits = edits.slice(0).sort((a, b) => {
    const diff = a.offset - b.offset;
    if (diff === 0) {
      return a.length - b.length;
    }
    return diff;
  });
  let lastModifiedOffset = text.length;
  for (let i = sortedEdits.length - 1; i >= 0; i--) {
    let e = sortedEdits[i];
    if (e.offset + e.length <= lastModifiedOffset) {
      text = applyEdit(text, e);
    } else {
      throw new Error("Overlapping edit");
    }
    lastModifiedOffset = e.offset;
  }
  return text;
}

// src/core/config/jsonc-syntax.ts
var OPEN_BRACE = 1;
var CLOSE_BRACE = 2;
var OPEN_BRACKET = 3;
var CLOSE_BRACKET = 4;
var LINE_COMMENT = 12;
var BLOCK_COMMENT = 13;
var LINE_BREAK = 14;
var WHITESPACE = 15;
var EOF = 17;

// src/core/config/parse.ts
function configFormat(file) {
  return /\.toml$/i.test(file) ? "toml" : "jsonc";
}
var MAX_CONFIG_LENGTH = 1024 * 1024;
var MAX_CONFIG_DEPTH = 1e3;
var LFS_POINTER = /^version https:\/\/git-lfs\.github\.com\/spec\/v1\r?(\n|$)/;
function parseConfigText(file, rawText) {
  const text = rawText.charCodeAt(0) === 65279 ? rawText.slice(1) : rawText;
  const format2 = configFormat(file);
  if (text.length > MAX_CONFIG_LENGTH) {
    return overLimit(
      file,
      format2,
      `the file is ${mebibytes(text.length)}, over the ${mebibytes(MAX_CONFIG_LENGTH)} this check reads (real wrangler configs are a few KB)`,
      1
    );
  }
  if (LFS_POINTER.test(text)) {
    return {
      ok: false,
      file,
      format: format2,
      message: "the file is a Git LFS pointer, not the config: a checkout with Git LFS (a deploy's) holds the real file, which this check does not see",
      line: 1,
      column: null
    };
  }
  if (format2 === "toml" && text.includes("\0")) {
    const at = createLineIndex(text).position(text.indexOf("\0"));
    return {
      ok: false,
      file,
      format: format2,
      message: "the file contains NUL bytes: it is not a text config",
      line: at.line,
      column: at.column
    };
  }
  try {
    return format2 === "toml" ? parseTomlConfig(file, text) : parseJsoncConfig(file, text);
  } catch (error) {
    if (error instanceof RangeError)
      return overLimit(file, format2, "the file is too deeply nested to read", null);
    return { ok: false, file, format: format2, message: describeUnexpected(error), line: null, column: null };
  }
}
function overLimit(file, format2, message, line) {
  return { ok: false, file, format: format2, message, line, column: null, overLimit: true };
}
function mebibytes(length) {
  const mib = length / (1024 * 1024);
  return `${mib >= 10 ? Math.round(mib) : Number(mib.toFixed(1))} MiB`;
}
function parseTomlAsWrangler(text) {
  let current = text;
  for (let attempt = 0; ; attempt++) {
    try {
      return parse(current);
    } catch (error) {
      const fixed = attempt < MAX_EXPONENT_REWRITES && error instanceof TomlError ? signedExponent(current, error) : null;
      if (fixed === null) throw error;
      current = fixed;
    }
  }
}
var MAX_EXPONENT_REWRITES = 16;
function signedExponent(text, error) {
  if (!/illegal character in numeric literal/.test(error.message)) return null;
  const at = offsetOf(text, error.line, error.column);
  if (at === null || !/[+-]/.test(text[at] ?? "")) return null;
  let start = at;
  while (start > 0 && /[0-9_.eE+-]/.test(text[start - 1])) start--;
  let end = at;
  while (end < text.length && /[0-9_.eE+-]/.test(text[end])) end++;
  const literal = text.slice(start, end);
  const match = /^([+-]?[0-9][0-9_]*(?:\.[0-9_]+)?)[eE][+-]{2,}[0-9](?:_?[0-9])*$/.exec(literal);
  if (!match) return null;
  const mantissa = match[1].replaceAll("_", "");
  const value = String(Number.parseFloat(mantissa));
  const replacement = /[.eE]|Infinity|NaN/.test(value) ? value : `${value}.0`;
  if (!/^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(replacement)) return null;
  return `${text.slice(0, start)}${replacement.padEnd(literal.length, " ")}${text.slice(end)}`;
}
function offsetOf(text, line, column) {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf("\n", start);
    if (next < 0) return null;
    start = next + 1;
  }
  const at = start + column - 1;
  return at < text.length ? at : null;
}
function parseTomlConfig(file, text) {
  let value;
  try {
    value = parseTomlAsWrangler(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const firstLine = String(error.message).split("\n")[0] ?? "invalid TOML";
      const tooDeep = /excessively nested/.test(firstLine);
      return {
        ok: false,
        file,
        format: "toml",
        message: firstLine,
        line: error.line,
        column: error.column,
        ...tooDeep ? { overLimit: true } : {}
      };
    }
    return { ok: false, file, format: "toml", message: describeUnexpected(error), line: null, column: null };
  }
  const lines = locateTomlPaths(text);
  return {
    ok: true,
    file,
    format: "toml",
    value,
    locate: (path) => locateWithFallback(path, (p) => lines.get(pathKey(p)))
  };
}
var JSONC_ERRORS = {
  1: "invalid symbol",
  2: "invalid number format",
  3: "property name expected",
  4: "value expected",
  5: "colon expected",
  6: "comma expected",
  7: "closing brace expected",
  8: "closing bracket expected",
  9: "end of file expected",
  10: "invalid comment token",
  11: "unexpected end of comment",
  12: "unexpected end of string",
  13: "unexpected end of number",
  14: "invalid unicode",
  15: "invalid escape character",
  16: "invalid character"
};
function parseJsoncConfig(file, text) {
  const index = createLineIndex(text);
  const tooDeep = deeperThan(text, MAX_CONFIG_DEPTH);
  if (tooDeep !== null) {
    const at = index.position(tooDeep);
    return {
      ok: false,
      file,
      format: "jsonc",
      message: `arrays and objects are nested more than ${MAX_CONFIG_DEPTH} levels deep, more than this check reads`,
      line: at.line,
      column: at.column,
      overLimit: true
    };
  }
  const errors = [];
  const tree = parseTree2(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first || !tree) {
    const at = index.position(first?.offset ?? 0);
    const message = first ? JSONC_ERRORS[first.error] ?? "syntax error" : "empty file";
    return { ok: false, file, format: "jsonc", message, line: at.line, column: at.column };
  }
  if (tree.type !== "object") {
    return {
      ok: false,
      file,
      format: "jsonc",
      message: "the top level is not an object",
      line: 1,
      column: 1
    };
  }
  const root = tree;
  const protoKeys = [];
  return {
    ok: true,
    file,
    format: "jsonc",
    value: valueAsWranglerReads(root, null, protoKeys),
    ...protoKeys.length > 0 ? { protoKeys } : {},
    locate: (path) => locateWithFallback(path, (p) => {
      const node = findLastNodeAtLocation(root, p);
      const at = node?.parent?.type === "property" ? node.parent : node;
      return at ? index.position(at.offset).line : void 0;
    })
  };
}
function valueAsWranglerReads(node, at, protoKeys) {
  switch (node.type) {
    case "array":
      return (node.children ?? []).map(
        (child, i) => valueAsWranglerReads(child, { up: at, key: i }, protoKeys)
      );
    case "object": {
      const own = /* @__PURE__ */ Object.create(null);
      let proto = null;
      for (const property of node.children ?? []) {
        const key = property.children?.[0]?.value;
        const valueNode = property.children?.[1];
        if (!valueNode) continue;
        if (key === PROTO) {
          protoKeys.push(pathOf({ up: at, key }));
          const value = valueAsWranglerReads(valueNode, at, protoKeys);
          if (value === null || typeof value === "object") proto = value;
          continue;
        }
        own[key] = valueAsWranglerReads(valueNode, { up: at, key }, protoKeys);
      }
      if (proto !== null && typeof proto === "object") {
        for (const [key, value] of Object.entries(proto)) if (!(key in own)) own[key] = value;
      }
      return own;
    }
    case "null":
    case "string":
    case "number":
    case "boolean":
      return node.value;
    default:
      return void 0;
  }
}
function pathOf(link) {
  const path = [];
  for (let at = link; at; at = at.up) path.push(at.key);
  return path.reverse();
}
var PROTO = "__proto__";
function deeperThan(text, max) {
  const scanner = createScanner2(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      depth++;
      if (depth > max) return scanner.getTokenOffset();
    } else if ((token === CLOSE_BRACE || token === CLOSE_BRACKET) && depth > 0) {
      depth--;
    }
  }
  return null;
}
function findLastNodeAtLocation(root, path) {
  let node = root;
  for (const segment of path) {
    if (!node?.children) return void 0;
    if (typeof segment === "string") {
      if (node.type !== "object") return void 0;
      node = propertyValue(node, segment);
    } else {
      if (node.type !== "array") return void 0;
      node = node.children[segment];
    }
  }
  return node;
}
function propertyValue(object, key, depth = 0) {
  let found;
  let proto;
  for (const property of object.children ?? []) {
    const name = property.children?.[0]?.value;
    if (name === key) found = property.children?.[1];
    else if (name === PROTO) {
      const value = property.children?.[1];
      if (value?.type === "object") proto = value;
      else if (value?.type === "null") proto = void 0;
    }
  }
  if (found || key === PROTO || proto?.type !== "object" || depth > MAX_CONFIG_DEPTH) return found;
  return propertyValue(proto, key, depth + 1);
}
function locateWithFallback(path, find) {
  for (let length = path.length; length > 0; length--) {
    const line = find(path.slice(0, length));
    if (line !== void 0) return line;
  }
  return null;
}
function describeUnexpected(error) {
  return error instanceof Error ? error.message.split("\n")[0] : "the file could not be read";
}

// src/core/diagnostics.ts
function placeDraft(draft, place) {
  const entry = CATALOGUE[draft.kind];
  const placed = {
    code: entry.code,
    kind: draft.kind,
    severity: draft.severity ?? entry.severity,
    dataLoss: draft.dataLoss ?? reportsDataLoss(draft.kind),
    classes: draft.classes ?? [],
    worker: place.worker,
    env: draft.env,
    file: place.file,
    line: draft.line !== void 0 ? draft.line : draft.path ? place.locate(draft.path) : null,
    tag: draft.tag ?? null,
    message: draft.message,
    fix: fixInFormat(draft.fix, configFormat(place.file)),
    introduced: true,
    ...draft.unlessRan ? { unlessRan: draft.unlessRan } : {},
    ...draft.ifRan ? { ifRan: draft.ifRan } : {}
  };
  return place.introduced && !draft.preExisting ? placed : alreadyAtBase(placed);
}
function alreadyAtBase(finding) {
  if (!finding.introduced) return finding;
  return remarked({ ...finding, severity: "info", dataLoss: false, introduced: false }, { before: AT_BASE });
}
var AT_BASE = "Already at the base revision:";
function workerFinding(worker, kind, at, text) {
  const entry = CATALOGUE[kind];
  return {
    code: entry.code,
    kind,
    severity: entry.severity,
    dataLoss: false,
    classes: at.classes,
    worker: worker.name,
    env: worker.env,
    file: worker.file,
    line: at.line ?? worker.envLine,
    tag: at.tag ?? null,
    message: text.message,
    fix: text.fix,
    introduced: true
  };
}

// src/core/text/suggest.ts
function editDistance(a, b) {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}
function closest(word, candidates) {
  const norm = (s) => s.toLowerCase().replace(/[-_\s]/g, "");
  const limit = Math.max(2, Math.floor(word.length / 4));
  const normWord = norm(word);
  let best = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const normCandidate = norm(candidate);
    if (Math.abs(normWord.length - normCandidate.length) > limit) continue;
    const distance = editDistance(normWord, normCandidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== null && bestDistance <= limit ? best : null;
}

// src/core/config/values.ts
function stringsOf(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function canonicalStep(entry) {
  const direct = plainCanonicalJson(entry, "tag");
  if (direct !== void 0) return direct;
  const { tag: _tag, ...rest } = entry;
  return canonicalJson(rest);
}
function canonicalJson(value) {
  return plainCanonicalJson(value) ?? JSON.stringify(value, sortedKeys);
}
function sortedKeys(_key, v) {
  return isRecord(v) ? Object.fromEntries(
    Object.keys(v).sort().map((k) => [k, v[k]])
  ) : v;
}
var INDEX_LIKE = /^(?:0|[1-9][0-9]*)$/;
function plainCanonicalJson(value, skipKey) {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : void 0;
    case "object": {
      if (value === null) return "null";
      const proto = Object.getPrototypeOf(value);
      const parts = [];
      if (Array.isArray(value)) {
        if (proto !== Array.prototype) return void 0;
        for (const item of value) {
          const part = plainCanonicalJson(item);
          if (part === void 0) return void 0;
          parts.push(part);
        }
        return `[${parts.join(",")}]`;
      }
      if (proto !== Object.prototype && proto !== null) return void 0;
      const record = value;
      for (const key of Object.keys(record).sort()) {
        if (key === skipKey) continue;
        if (INDEX_LIKE.test(key)) return void 0;
        const part = plainCanonicalJson(record[key]);
        if (part === void 0) return void 0;
        parts.push(`${JSON.stringify(key)}:${part}`);
      }
      return `{${parts.join(",")}}`;
    }
    default:
      return void 0;
  }
}

// src/core/config/scope.ts
function invalid(env, path, what, fix) {
  return { kind: "invalid-config", env, path, message: `Invalid config in ${envLabel(env)}: ${what}.`, fix };
}

// src/core/config/read-lifecycle.ts
var STEP_KEYS = [
  "tag",
  "new_classes",
  "new_sqlite_classes",
  "renamed_classes",
  "deleted_classes",
  "transferred_classes"
];
var EXPORT_STATES = ["created", "deleted", "renamed", "transferred", "expecting-transfer"];
var EXPORT_KEYS = {
  created: ["type", "state", "storage", "container"],
  deleted: ["type", "state"],
  renamed: ["type", "state", "renamed_to"],
  transferred: ["type", "state", "transferred_to"],
  "expecting-transfer": ["type", "state", "storage", "transfer_from", "container"]
};
function readLifecycle(config, scope, drafts) {
  const { migrations, exports } = scope.value;
  const hasExports = isRecord(exports) && Object.values(exports).some(isDurableObjectExport);
  const hasMigrations = migrations !== void 0 && !(Array.isArray(migrations) && migrations.length === 0);
  if (hasMigrations && hasExports) {
    drafts.push({
      kind: "lifecycle-conflict",
      env: scope.env,
      path: [...scope.path, "exports"],
      message: `${envLabel(scope.env)} declares both \`migrations\` and Durable Object \`exports\`: wrangler refuses the config.`,
      fix: "Keep one lifecycle model. Moving to `exports` is one-way (the API refuses to go back, code 100403)."
    });
  }
  if (hasExports) return { model: "exports", entries: readExports(config, scope, drafts), inherited: false };
  if (migrations === void 0) return { model: "none" };
  if (!Array.isArray(migrations)) {
    drafts.push(
      invalid(
        scope.env,
        [...scope.path, "migrations"],
        "`migrations` is not a list",
        "Make it a list of steps."
      )
    );
    return { model: "none" };
  }
  const steps = migrations.map((entry, index) => readStep(config, scope, entry, index, drafts));
  return { model: "migrations", steps, inherited: false };
}
function readStep(config, scope, entry, index, drafts) {
  const path = [...scope.path, "migrations", index];
  const line = config.locate(path);
  if (!isRecord(entry)) {
    drafts.push(
      invalid(scope.env, path, `migration #${index + 1} is not a table`, "Make each step a table.")
    );
    return { tag: null, index, line, ops: [], canonical: JSON.stringify(entry) };
  }
  const tag = typeof entry.tag === "string" ? entry.tag : null;
  if (tag === null) {
    drafts.push(
      invalid(
        scope.env,
        path,
        `migration #${index + 1} has no string \`tag\`: wrangler rejects the config`,
        "Add a unique `tag`."
      )
    );
  }
  for (const key of Object.keys(entry)) {
    if (STEP_KEYS.includes(key)) continue;
    const guess = closest(key, STEP_KEYS);
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...path, key],
      tag,
      classes: stringsOf(entry[key]),
      message: `Unknown key ${q(key)} in migration ${q(tag ?? index + 1)}: wrangler only warns and sends it to the API as is, so the step does not do what it says.`,
      fix: guess ? `Did you mean ${q(guess)}?` : `Remove ${q(key)}; a step takes ${STEP_KEYS.join(", ")}.`,
      ...guess ? { replacement: guess } : {}
    });
  }
  const ops = [];
  const list = (key) => {
    const value = entry[key];
    if (value === void 0) return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
      drafts.push(
        invalid(
          scope.env,
          [...path, key],
          `${q(key)} is not a list of class names`,
          "Use a list of strings."
        )
      );
      return [];
    }
    return value;
  };
  for (const className of list("new_classes")) ops.push({ type: "create", className, storage: "kv" });
  for (const className of list("new_sqlite_classes"))
    ops.push({ type: "create", className, storage: "sqlite" });
  const renamed = entry.renamed_classes === void 0 ? [] : records(entry.renamed_classes, scope, [...path, "renamed_classes"], drafts);
  for (const item of renamed) {
    if (typeof item.from === "string" && typeof item.to === "string") {
      ops.push({ type: "rename", from: item.from, to: item.to });
    } else {
      drafts.push(
        invalid(
          scope.env,
          [...path, "renamed_classes"],
          "a rename needs string `from` and `to`",
          "Add both."
        )
      );
    }
  }
  for (const className of list("deleted_classes")) ops.push({ type: "delete", className });
  const transferred = entry.transferred_classes === void 0 ? [] : records(entry.transferred_classes, scope, [...path, "transferred_classes"], drafts);
  for (const item of transferred) {
    if (typeof item.from === "string" && typeof item.to === "string" && typeof item.from_script === "string") {
      ops.push({ type: "transfer-in", className: item.to, from: item.from, fromScript: item.from_script });
    } else {
      drafts.push(
        invalid(
          scope.env,
          [...path, "transferred_classes"],
          "a transfer needs `from`, `from_script` and `to`",
          "Add them."
        )
      );
    }
  }
  return { tag, index, line, ops, canonical: canonicalStep(entry) };
}
function records(value, scope, path, drafts) {
  if (value === void 0) return [];
  if (!Array.isArray(value)) {
    drafts.push(
      invalid(scope.env, path, `${q(path[path.length - 1])} is not a list`, "Use a list of tables.")
    );
    return [];
  }
  return value.filter(isRecord);
}
function isDurableObjectExport(value) {
  return isRecord(value) && value.type === "durable-object";
}
function readExports(config, scope, drafts) {
  const entries = [];
  for (const [className, value] of Object.entries(scope.value.exports)) {
    if (!isDurableObjectExport(value)) continue;
    const entry = value;
    const path = [...scope.path, "exports", className];
    const state = entry.state ?? "created";
    if (typeof state !== "string" || !EXPORT_STATES.includes(state)) {
      const guess = typeof state === "string" ? closest(state, EXPORT_STATES) : null;
      drafts.push(
        invalid(
          scope.env,
          [...path, "state"],
          `exports entry ${q(className)} has state ${q(state)}`,
          guess ? `Did you mean ${q(guess)}?` : `Use one of ${EXPORT_STATES.join(", ")}.`
        )
      );
      continue;
    }
    const storage = entry.storage === "sqlite" ? "sqlite" : entry.storage === "legacy-kv" ? "kv" : null;
    const needs = [
      ["storage", (state === "created" || state === "expecting-transfer") && storage === null],
      ["renamed_to", state === "renamed" && typeof entry.renamed_to !== "string"],
      ["transferred_to", state === "transferred" && typeof entry.transferred_to !== "string"],
      ["transfer_from", state === "expecting-transfer" && typeof entry.transfer_from !== "string"]
    ];
    const missing = needs.filter(([, isMissing]) => isMissing);
    for (const [key] of missing) {
      drafts.push(
        invalid(
          scope.env,
          [...path, key],
          `exports entry ${q(className)} (state ${q(state)}) needs ${q(key)}${key === "storage" ? ' ("sqlite" or "legacy-kv")' : ""}: wrangler rejects it`,
          `Add ${q(key)}.`
        )
      );
    }
    if (missing.length > 0) continue;
    const allowed = EXPORT_KEYS[state];
    for (const key of Object.keys(entry).filter((k) => !allowed.includes(k))) {
      drafts.push(
        invalid(
          scope.env,
          [...path, key],
          `exports entry ${q(className)} (state ${q(state)}) has ${q(key)}, which wrangler forbids on that state and rejects the config`,
          `Remove ${q(key)} (allowed: ${allowed.join(", ")}).`
        )
      );
    }
    entries.push({
      className,
      state,
      storage,
      renamedTo: typeof entry.renamed_to === "string" ? entry.renamed_to : null,
      transferredTo: typeof entry.transferred_to === "string" ? entry.transferred_to : null,
      transferFrom: typeof entry.transfer_from === "string" ? entry.transfer_from : null,
      line: config.locate(path)
    });
  }
  return entries;
}

// src/core/config/worker-identity.ts
var PLACEHOLDER_MARKS = [
  /\{\{.*\}\}/,
  /\$\{.*\}/,
  /<[^>]*>/,
  // `__NAME__` as a whole segment (`__NAME__-staging`); `api__v2__prod` is a real name.
  /(?:^|[-.])__[A-Za-z0-9_-]+?__(?:$|[-.])/,
  /%[A-Za-z0-9_]+%/,
  /\s/
];
var PLACEHOLDER_WORDS = /^(?:replace[-_]?me|change[-_]?me|todo|tbd|fixme|placeholder|worker[-_]?name|your[-_ ]?(?:worker|app|project|service)[-_ ]?name|YOUR_[A-Z0-9_]+|x{3,})$/i;
function isPlaceholderName(name) {
  return name === "" || PLACEHOLDER_WORDS.test(name) || PLACEHOLDER_MARKS.some((mark) => mark.test(name));
}
function writtenPlaceholderName(top, scope) {
  const written = typeof scope.value.name === "string" ? scope.value.name : top.name;
  return typeof written === "string" && isPlaceholderName(written) ? written : null;
}
function wranglerV1Signs(top, scopes) {
  const signs = [];
  if (typeof top.type === "string" && ["javascript", "webpack", "rust"].includes(top.type)) {
    signs.push({ text: `\`type = ${JSON.stringify(top.type)}\``, path: ["type"] });
  }
  const build = top.build;
  if (isRecord(build) && (isRecord(build.upload) || "upload_format" in build || "upload_dir" in build)) {
    signs.push({
      text: isRecord(build.upload) ? "`[build.upload]`" : "`[build] upload_format`",
      path: ["build"]
    });
  }
  for (const scope of scopes) {
    const durableObjects = scope.value.durable_objects;
    if (isRecord(durableObjects) && "classes" in durableObjects) {
      signs.push({
        text: "`[durable_objects] classes`",
        path: [...scope.path, "durable_objects", "classes"]
      });
      break;
    }
  }
  return signs;
}
function localOnlySigns(value, scopes) {
  const signs = [];
  const hasBindings = (v) => isRecord(v.durable_objects) && Array.isArray(v.durable_objects.bindings) && v.durable_objects.bindings.length > 0;
  if (!hasBindings(value) && scopes.some((s) => s.env !== null && hasBindings(s.value))) {
    signs.push("no Durable Object bindings, unlike its environments");
  }
  if (typeof value.name === "string" && /[-_](?:dev|local)$/i.test(value.name)) {
    signs.push(`name ${q(value.name)}`);
  }
  const resources = [
    ["kv_namespaces", "id", "KV namespace", /^[0-9a-f]{32}$/i],
    [
      "d1_databases",
      "database_id",
      "D1 database",
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
    ],
    ["hyperdrive", "id", "Hyperdrive config", /^[0-9a-f]{32}$/i]
  ];
  for (const [key, idKey, label, shape] of resources) {
    const list = value[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isRecord(item) || typeof item[idKey] !== "string" || shape.test(item[idKey])) continue;
      signs.push(`${label} id ${q(item[idKey])}`);
      break;
    }
  }
  return signs;
}
function isAccountId(value) {
  return /^[0-9a-f]{32}$/i.test(value) || /^[\w-]{1,64}$/.test(value);
}
function accountIdOf(config, top, scope, drafts) {
  const own = [...scope.path, "account_id"];
  for (const [value, path] of [
    [scope.value.account_id, own],
    [top.account_id, ["account_id"]]
  ]) {
    if (typeof value !== "string" || value.trim() === "") continue;
    const id = value.trim();
    if (!isAccountId(id)) {
      if (path === own && !isPlaceholderName(id)) {
        drafts.push(
          invalid(
            scope.env,
            path,
            `\`account_id\` ${q(id)} is not a Cloudflare account ID (32 hexadecimal characters): wrangler's requests to the API fail with it`,
            "Set `account_id` to the account's ID, as shown in the Cloudflare dashboard."
          )
        );
      }
      return {};
    }
    return { accountId: id, accountIdLine: config.locate(path) };
  }
  return {};
}
function workerName(top, scope) {
  if (typeof scope.value.name === "string") return scope.value.name === "" ? null : scope.value.name;
  if (scope.env === null || typeof top.name !== "string" || top.name === "") return null;
  return `${top.name}-${scope.env}`;
}

// src/core/config/read-bindings.ts
var BINDING_KEYS = ["name", "class_name", "script_name", "environment"];
function readBindings(config, scope, drafts, wranglerV1 = false) {
  const durableObjects = scope.value.durable_objects;
  if (durableObjects === void 0) return [];
  const path = [...scope.path, "durable_objects"];
  if (!isRecord(durableObjects)) {
    drafts.push(
      invalid(scope.env, path, "`durable_objects` is not a table", "Use `durable_objects.bindings`.")
    );
    return [];
  }
  for (const key of Object.keys(durableObjects)) {
    if (key === "bindings" || wranglerV1 && key === "classes") continue;
    const guess = closest(key, ["bindings"]);
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...path, key],
      message: `Unknown key ${q(key)} in \`durable_objects\`: wrangler only warns and ignores it.`,
      fix: guess ? "Did you mean `bindings`?" : "Bindings go in `durable_objects.bindings`.",
      ...guess ? { replacement: guess } : {}
    });
  }
  const bindings = [];
  if (wranglerV1 && Array.isArray(durableObjects.classes)) {
    durableObjects.classes.forEach((item, index) => {
      const name = isRecord(item) ? item.binding ?? item.name : void 0;
      if (!isRecord(item) || typeof name !== "string" || typeof item.class_name !== "string") return;
      bindings.push({
        name,
        className: item.class_name,
        scriptName: typeof item.script_name === "string" ? item.script_name : null,
        environment: null,
        line: config.locate([...path, "classes", index])
      });
    });
  }
  const list = durableObjects.bindings;
  if (list === void 0) return bindings;
  if (!Array.isArray(list)) {
    drafts.push(
      invalid(
        scope.env,
        [...path, "bindings"],
        "`durable_objects.bindings` is not a list",
        "Make it a list."
      )
    );
    return bindings;
  }
  list.forEach((item, index) => {
    const at = [...path, "bindings", index];
    if (!isRecord(item)) {
      drafts.push(
        invalid(scope.env, at, "a Durable Object binding is not a table", "Use `{ name, class_name }`.")
      );
      return;
    }
    for (const key of Object.keys(item)) {
      if (BINDING_KEYS.includes(key)) continue;
      const guess = closest(key, BINDING_KEYS) ?? (key === "class" ? "class_name" : null);
      drafts.push({
        kind: "unknown-key",
        env: scope.env,
        path: [...at, key],
        classes: typeof item[key] === "string" ? [item[key]] : [],
        message: `Unknown key ${q(key)} in a Durable Object binding: wrangler only warns and ignores it.`,
        fix: guess ? `Did you mean ${q(guess)}?` : `A binding takes ${BINDING_KEYS.join(", ")}.`,
        ...guess ? { replacement: guess } : {}
      });
    }
    if (typeof item.name !== "string" || typeof item.class_name !== "string") {
      drafts.push(
        invalid(scope.env, at, "a Durable Object binding needs string `name` and `class_name`", "Add them.")
      );
      return;
    }
    bindings.push({
      name: item.name,
      className: item.class_name,
      scriptName: typeof item.script_name === "string" ? item.script_name : null,
      environment: typeof item.environment === "string" ? item.environment : null,
      line: config.locate(at)
    });
  });
  return bindings;
}

// src/core/config/workers.ts
var LIFECYCLE_KEYS = ["migrations", "durable_objects", "exports"];
function readWorkers(config) {
  const drafts = [];
  const top = config.value;
  const scopes = [{ env: null, value: top, path: [] }];
  const envs = top.env;
  if (envs !== void 0) {
    if (!isRecord(envs)) {
      drafts.push(invalid(null, ["env"], "`env` is not a table of environments", "Make `env` a table."));
    } else {
      for (const [env, value] of Object.entries(envs)) {
        if (isRecord(value)) scopes.push({ env, value, path: ["env", env] });
        else drafts.push(invalid(env, ["env", env], `${envLabel(env)} is not a table`, "Make it a table."));
      }
    }
  }
  for (const path of config.protoKeys ?? []) drafts.push(protoKeyDraft(path));
  const v1 = wranglerV1Signs(top, scopes);
  if (v1.length > 0) {
    drafts.push({
      kind: "legacy-wrangler-config",
      env: null,
      path: v1[0].path,
      message: `${q(config.file)} is written for wrangler v1 (${v1.map((s) => s.text).join(", ")}). wrangler 2 and later do not read that schema (they need \`main\`, and warn about \`type\` and \`[build.upload]\`), and wrangler v1 created Durable Object classes at publish time (\`--new-class\`) as well as through \`migrations\`: the v2 checks of bindings and keys do not apply here, only what both versions read alike (\`migrations\`, bindings).`,
      fix: "Nothing to do if this config is only kept for reference. To deploy it with wrangler 2 or later, set `main`, drop `type` and `[build.upload]`, list the bindings in `durable_objects.bindings` and create every class with a migration."
    });
  }
  const topLifecycle = readLifecycle(config, scopes[0], drafts);
  const workers = scopes.map((scope) => {
    checkMisspeltScopeKeys(scope, drafts);
    const own = scope.env === null ? topLifecycle : readLifecycle(config, scope, drafts);
    const lifecycle = own.model === "none" && scope.env !== null && topLifecycle.model !== "none" ? { ...topLifecycle, inherited: true } : own;
    return {
      file: config.file,
      env: scope.env,
      name: workerName(top, scope),
      nameLine: config.locate([...scope.path, "name"]),
      envLine: scope.env === null ? null : config.locate(scope.path),
      bindingsLine: scope.value.durable_objects === void 0 ? null : config.locate([...scope.path, "durable_objects", "bindings"]),
      main: typeof scope.value.main === "string" ? scope.value.main : typeof top.main === "string" ? top.main : null,
      lifecycle,
      bindings: readBindings(config, scope, drafts, v1.length > 0),
      ownsLifecycle: own.model !== "none",
      ...v1.length > 0 ? { wranglerV1: true } : {},
      placeholderName: writtenPlaceholderName(top, scope),
      ...scope.env === null && scopes.length > 1 ? { localOnlySigns: localOnlySigns(scope.value, scopes) } : {},
      ...accountIdOf(config, top, scope, drafts)
    };
  });
  return { workers, drafts };
}
function notDeployedAsWritten(worker) {
  if (worker.placeholderName) {
    return `the Worker name ${q(worker.placeholderName)} is a placeholder, so this config is a template`;
  }
  if (worker.name === null) {
    return "this config has no `name`, which `wrangler deploy` needs unless `--name` is given";
  }
  return null;
}
function checkMisspeltScopeKeys(scope, drafts) {
  for (const key of Object.keys(scope.value)) {
    if (LIFECYCLE_KEYS.includes(key)) continue;
    const guess = closest(key, LIFECYCLE_KEYS);
    if (!guess) continue;
    const ignored = guess === "durable_objects" ? "its bindings are" : "its Durable Object lifecycle is";
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...scope.path, key],
      message: `Unknown key ${q(key)} in ${envLabel(scope.env)}: wrangler only warns, and ${ignored} silently ignored.`,
      fix: `Rename ${q(key)} to ${q(guess)}.`,
      replacement: guess
    });
  }
}
function isLocalBinding(binding, worker) {
  return binding.scriptName === null || binding.scriptName === worker.name;
}
function protoKeyDraft(path) {
  const where = path.length === 1 ? "at the top level" : `in \`${pathText(path.slice(0, -1))}\``;
  return {
    kind: "config-proto-key",
    env: path[0] === "env" && typeof path[1] === "string" && path.length >= 3 ? path[1] : null,
    path,
    message: `A \`"__proto__"\` key ${where}: wrangler's JSON parser does not keep it as a field, it makes its value the object's prototype, and wrangler then reads every field inside it (\`migrations\` included) as if it were written beside it. This check reads those fields the same way, but a reviewer reading the diff may take them for an inert key.`,
    fix: 'Move the fields out of the `"__proto__"` object into the object that holds it, and remove the key.'
  };
}
function pathText(path) {
  return path.map((p, i) => typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`).join("");
}

export {
  createScanner2 as createScanner,
  parseTree2 as parseTree,
  applyEdits,
  LINE_COMMENT,
  BLOCK_COMMENT,
  LINE_BREAK,
  WHITESPACE,
  EOF,
  configFormat,
  MAX_CONFIG_LENGTH,
  parseConfigText,
  findLastNodeAtLocation,
  placeDraft,
  alreadyAtBase,
  AT_BASE,
  workerFinding,
  closest,
  isRecord,
  canonicalJson,
  STEP_KEYS,
  isPlaceholderName,
  isAccountId,
  readWorkers,
  notDeployedAsWritten,
  isLocalBinding
};
