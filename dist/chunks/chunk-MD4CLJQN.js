import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  CATALOGUE,
  severityRank
} from "./chunk-4GONIQ6R.js";

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
function findNodeAtLocation(root, path) {
  if (!root) {
    return void 0;
  }
  let node = root;
  for (let segment of path) {
    if (typeof segment === "string") {
      if (node.type !== "object" || !Array.isArray(node.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
          node = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index = segment;
      if (node.type !== "array" || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
        return void 0;
      }
      node = node.children[index];
    }
  }
  return node;
}
function getNodeValue(node) {
  switch (node.type) {
    case "array":
      return node.children.map(getNodeValue);
    case "object":
      const obj = /* @__PURE__ */ Object.create(null);
      for (let prop of node.children) {
        const valueNode = prop.children[1];
        if (valueNode) {
          obj[prop.children[0].value] = getNodeValue(valueNode);
        }
      }
      return obj;
    case "null":
    case "string":
    case "number":
    case "boolean":
      return node.value;
    default:
      return void 0;
  }
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
  function parseString2(isValue) {
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
    parseString2(false);
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
  function parseArray2() {
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
        return parseArray2();
      case 1:
        return parseObject();
      case 10:
        return parseString2(true);
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

// node_modules/jsonc-parser/lib/esm/main.js
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
var findNodeAtLocation2 = findNodeAtLocation;
var getNodeValue2 = getNodeValue;
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

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit2(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit2(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit2(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit2(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit2(c) || !isDigit2(ctx.s.charCodeAt(ctx.p++)) || !isDigit2(ctx.s.charCodeAt(ctx.p++)) || !isDigit2(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit2(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit2(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit2(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit2(c) || !isDigit2(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit2(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse2(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/core/config/line-index.ts
function createLineIndex(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return {
    position(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = lo + hi + 1 >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - starts[lo] + 1 };
    }
  };
}

// src/core/config/toml-locator.ts
function locateTomlPaths(text) {
  const found = /* @__PURE__ */ new Map();
  const arrayCounts = /* @__PURE__ */ new Map();
  const record = (path, line) => {
    const key = pathKey(path);
    if (!found.has(key)) found.set(key, line);
  };
  const resolve = (segments) => {
    const path = [];
    for (const segment of segments) {
      path.push(segment);
      const count = arrayCounts.get(pathKey(path));
      if (count !== void 0) path.push(count - 1);
    }
    return path;
  };
  let table = [];
  let multiline = null;
  let array = null;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    let line = lines[n];
    if (multiline) {
      const end = line.indexOf(multiline);
      if (end < 0) continue;
      line = line.slice(end + 3);
      multiline = null;
    }
    if (array) {
      const result = scanArray(line, 0, array, lineNo, record);
      array = result.open ? array : null;
      multiline = result.multiline;
      continue;
    }
    const trimmed = line.trimStart();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const header = /^\[\[\s*([^\]]+?)\s*\]\]/.exec(trimmed) ?? null;
    if (header) {
      const segments = splitKey(header[1]);
      const parent = resolve(segments.slice(0, -1));
      const arrayPath = [...parent, segments[segments.length - 1]];
      const count = (arrayCounts.get(pathKey(arrayPath)) ?? 0) + 1;
      arrayCounts.set(pathKey(arrayPath), count);
      for (const key of [...arrayCounts.keys()]) {
        if (key.startsWith(`${pathKey(arrayPath)}[${count - 1}]`)) arrayCounts.delete(key);
      }
      table = [...arrayPath, count - 1];
      record(arrayPath, lineNo);
      record(table, lineNo);
      continue;
    }
    const single = /^\[\s*([^\]]+?)\s*\]/.exec(trimmed);
    if (single) {
      table = resolve(splitKey(single[1]));
      record(table, lineNo);
      continue;
    }
    const eq = findAssignment(trimmed);
    if (eq < 0) continue;
    const keyPath = [...table, ...splitKey(trimmed.slice(0, eq))];
    for (let i = table.length + 1; i <= keyPath.length; i++) record(keyPath.slice(0, i), lineNo);
    const value = trimmed.slice(eq + 1).trimStart();
    if (value.startsWith('"""') || value.startsWith("'''")) {
      const delimiter = value.slice(0, 3);
      if (value.indexOf(delimiter, 3) < 0) multiline = delimiter;
    } else if (value.startsWith("[")) {
      const scan = { path: keyPath, depth: 0, index: 0, expecting: false };
      const result = scanArray(value, 0, scan, lineNo, record);
      array = result.open ? scan : null;
      multiline = result.multiline;
    }
  }
  return found;
}
function scanArray(text, from, scan, lineNo, record) {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === "#") break;
    if (ch === " " || ch === "	") continue;
    if (scan.depth === 1 && scan.expecting && ch !== "]" && ch !== ",") {
      record([...scan.path, scan.index], lineNo);
      scan.index++;
      scan.expecting = false;
    }
    if (ch === '"' || ch === "'") {
      if (text.startsWith(ch.repeat(3), i)) {
        const end = text.indexOf(ch.repeat(3), i + 3);
        if (end < 0) return { open: true, multiline: ch.repeat(3) };
        i = end + 2;
      } else {
        i = skipString(text, i);
      }
      continue;
    }
    if (ch === "[" || ch === "{") {
      scan.depth++;
      if (scan.depth === 1) scan.expecting = true;
    } else if (ch === "]" || ch === "}") {
      scan.depth--;
      if (scan.depth === 0) return { open: false, multiline: null };
    } else if (ch === "," && scan.depth === 1) {
      scan.expecting = true;
    }
  }
  return { open: scan.depth > 0, multiline: null };
}
function skipString(text, start) {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") {
      i++;
      continue;
    }
    if (text[i] === quote) return i;
  }
  return text.length;
}
function findAssignment(line) {
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"' || ch === "'") i = skipString(line, i);
    else if (ch === "=") return i;
    else if (ch === "#") return -1;
  }
  return -1;
}
function splitKey(key) {
  const parts = [];
  let current = "";
  for (let i = 0; i < key.length; i++) {
    const ch = key[i];
    if (ch === '"' || ch === "'") {
      const end = skipString(key, i);
      current += key.slice(i + 1, end);
      i = end;
    } else if (ch === ".") {
      parts.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current.trim());
  return parts.filter((part) => part !== "");
}
function pathKey(path) {
  return path.map((part) => typeof part === "number" ? `[${part}]` : `.${part}`).join("");
}

// src/core/config/parse.ts
function configFormat(file) {
  return /\.toml$/i.test(file) ? "toml" : "jsonc";
}
function parseConfigText(file, rawText) {
  const text = rawText.charCodeAt(0) === 65279 ? rawText.slice(1) : rawText;
  const format2 = configFormat(file);
  if (text.includes("\0")) {
    return {
      ok: false,
      file,
      format: format2,
      message: "the file contains NUL bytes: it is not a text config",
      line: 1,
      column: 1
    };
  }
  return format2 === "toml" ? parseTomlConfig(file, text) : parseJsoncConfig(file, text);
}
function parseTomlConfig(file, text) {
  let value;
  try {
    value = parse2(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const firstLine = String(error.message).split("\n")[0] ?? "invalid TOML";
      return { ok: false, file, format: "toml", message: firstLine, line: error.line, column: error.column };
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
  const errors = [];
  const tree = parseTree2(text, errors, { allowTrailingComma: true, disallowComments: false });
  const index = createLineIndex(text);
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
  return {
    ok: true,
    file,
    format: "jsonc",
    value: getNodeValue2(root),
    locate: (path) => locateWithFallback(path, (p) => {
      const node = findNodeAtLocation2(root, [...p]);
      const at = node?.parent?.type === "property" ? node.parent : node;
      return at ? index.position(at.offset).line : void 0;
    })
  };
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
function placeDraft(draft, at) {
  const entry = CATALOGUE[draft.kind];
  const severity = at.introduced ? draft.severity ?? entry.severity : "info";
  return {
    code: entry.code,
    kind: draft.kind,
    severity,
    dataLoss: at.introduced && (draft.dataLoss ?? draft.kind === "class-deleted"),
    classes: draft.classes ?? [],
    worker: at.worker,
    env: draft.env,
    file: at.file,
    line: draft.line !== void 0 ? draft.line : draft.path ? at.locate(draft.path) : null,
    tag: draft.tag ?? null,
    message: at.introduced ? draft.message : `Already at the base revision: ${draft.message}`,
    fix: draft.fix,
    introduced: at.introduced
  };
}
function q(name) {
  const text = typeof name === "string" ? name : JSON.stringify(name) ?? String(name);
  return `\`${text.replace(/[`\u0000-\u001f\u007f]/g, "'").slice(0, 200)}\``;
}
function envLabel(env) {
  return env === null ? "the top-level config" : `env ${q(env)}`;
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
  let best = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(norm(word), norm(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 4));
  return best !== null && bestDistance <= limit ? best : null;
}

// src/core/config/workers.ts
var STEP_KEYS = [
  "tag",
  "new_classes",
  "new_sqlite_classes",
  "renamed_classes",
  "deleted_classes",
  "transferred_classes"
];
var BINDING_KEYS = ["name", "class_name", "script_name", "environment"];
var LIFECYCLE_KEYS = ["migrations", "durable_objects", "exports"];
var EXPORT_STATES = ["created", "deleted", "renamed", "transferred", "expecting-transfer"];
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
      bindings: readBindings(config, scope, drafts),
      ownsLifecycle: own.model !== "none"
    };
  });
  return { workers, drafts };
}
function workerName(top, scope) {
  if (typeof scope.value.name === "string") return scope.value.name;
  if (scope.env === null || typeof top.name !== "string") return null;
  return `${top.name}-${scope.env}`;
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
      fix: `Rename ${q(key)} to ${q(guess)}.`
    });
  }
}
function readLifecycle(config, scope, drafts) {
  const { migrations, exports } = scope.value;
  const hasExports = isRecord(exports) && Object.values(exports).some(isDurableObjectExport);
  if (migrations !== void 0 && hasExports) {
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
      fix: guess ? `Did you mean ${q(guess)}?` : `Remove ${q(key)}; a step takes ${STEP_KEYS.join(", ")}.`
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
  for (const item of records(entry.renamed_classes, scope, [...path, "renamed_classes"], drafts)) {
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
  for (const item of records(entry.transferred_classes, scope, [...path, "transferred_classes"], drafts)) {
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
  const { tag: _tag, ...rest } = entry;
  return { tag, index, line, ops, canonical: canonicalJson(rest) };
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
function readBindings(config, scope, drafts) {
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
    if (key === "bindings") continue;
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...path, key],
      message: `Unknown key ${q(key)} in \`durable_objects\`: wrangler only warns and ignores it.`,
      fix: closest(key, ["bindings"]) ? "Did you mean `bindings`?" : "Bindings go in `durable_objects.bindings`."
    });
  }
  const bindings = [];
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
        fix: guess ? `Did you mean ${q(guess)}?` : `A binding takes ${BINDING_KEYS.join(", ")}.`
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
function invalid(env, path, what, fix) {
  return { kind: "invalid-config", env, path, message: `Invalid config in ${envLabel(env)}: ${what}.`, fix };
}
function stringsOf(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function canonicalJson(value) {
  return JSON.stringify(
    value,
    (_key, v) => isRecord(v) ? Object.fromEntries(
      Object.keys(v).sort().map((k) => [k, v[k]])
    ) : v
  );
}
function isLocalBinding(binding, worker) {
  return binding.scriptName === null || binding.scriptName === worker.name;
}

// src/core/lifecycle/replay.ts
function replayLifecycle(lifecycle) {
  if (lifecycle.model === "migrations") return replaySteps(lifecycle.steps);
  const classes = /* @__PURE__ */ new Map();
  if (lifecycle.model === "exports") {
    const renameTargets = new Set(
      lifecycle.entries.flatMap((e) => e.state === "renamed" && e.renamedTo ? [e.renamedTo] : [])
    );
    for (const entry of lifecycle.entries) {
      const live = entry.state === "created" || entry.state === "expecting-transfer";
      classes.set(entry.className, {
        className: entry.className,
        status: live ? "live" : entry.state === "deleted" ? "deleted" : entry.state === "renamed" ? "renamed" : "transferred-out",
        storage: entry.storage,
        tag: null,
        line: entry.line,
        renamedTo: entry.renamedTo,
        deletedBefore: false,
        via: entry.state === "expecting-transfer" ? "transfer" : renameTargets.has(entry.className) ? "rename" : "create"
      });
    }
  }
  return { classes, problems: [] };
}
function replaySteps(steps) {
  const classes = /* @__PURE__ */ new Map();
  const problems = [];
  const isLive = (name) => classes.get(name)?.status === "live";
  for (const step of steps) {
    const at = { tag: step.tag, line: step.line };
    const begin = (className, storage, via) => {
      if (isLive(className)) problems.push({ kind: "create-existing", className, ...at });
      const before = classes.get(className);
      classes.set(className, {
        className,
        status: "live",
        storage,
        ...at,
        renamedTo: null,
        deletedBefore: before !== void 0 && before.status !== "live",
        via
      });
    };
    const end = (className, status, renamedTo) => {
      const before = classes.get(className);
      classes.set(className, {
        className,
        status,
        storage: before?.storage ?? null,
        ...at,
        renamedTo,
        deletedBefore: before?.deletedBefore ?? false,
        via: before?.via ?? "create"
      });
    };
    for (const op of step.ops) {
      switch (op.type) {
        case "create":
          begin(op.className, op.storage, "create");
          break;
        case "transfer-in":
          begin(op.className, null, "transfer");
          break;
        case "delete":
          if (!isLive(op.className))
            problems.push({ kind: "delete-unknown", className: op.className, ...at });
          end(op.className, "deleted", null);
          break;
        case "transfer-out":
          end(op.className, "transferred-out", null);
          break;
        case "rename": {
          const source = classes.get(op.from);
          if (!isLive(op.from)) problems.push({ kind: "rename-unknown", className: op.from, ...at });
          if (isLive(op.to)) problems.push({ kind: "rename-onto-existing", className: op.to, ...at });
          end(op.from, "renamed", op.to);
          classes.set(op.to, {
            className: op.to,
            status: "live",
            storage: source?.storage ?? null,
            ...at,
            renamedTo: null,
            deletedBefore: false,
            via: "rename"
          });
          break;
        }
      }
    }
  }
  return { classes, problems };
}

// src/core/analyze/history.ts
function pendingSteps(base, head) {
  const deployedTag = base[base.length - 1]?.tag ?? null;
  if (deployedTag === null) return [...head];
  const at = head.findIndex((step) => step.tag === deployedTag);
  return at < 0 ? [...head] : head.slice(at + 1);
}
function compareHistories(env, base, head) {
  const drafts = [];
  const firstByTag = (steps) => {
    const map = /* @__PURE__ */ new Map();
    for (const step of steps) if (step.tag !== null && !map.has(step.tag)) map.set(step.tag, step);
    return map;
  };
  const baseTags = firstByTag(base);
  const headTags = firstByTag(head);
  const deployedTag = base[base.length - 1]?.tag ?? null;
  const where = envLabel(env);
  if (head.length === 0 && base.length > 0) {
    drafts.push({
      kind: "history-removed",
      env,
      line: null,
      tag: deployedTag,
      classes: classesOf(base.flatMap((s) => s.ops)),
      message: `Every migration (${[...baseTags.keys()].map(q).join(", ")}) was removed from ${where}. wrangler then sends none: deployed Workers keep their classes and objects, but a fresh Worker (new env, preview, renamed Worker) gets no classes at all, and its bindings fail with code 10061.`,
      fix: "Restore the migrations exactly as they were. Migrations are append-only: undo a step with a new step (a delete goes through the two-phase deploy)."
    });
    return drafts;
  }
  for (const [tag, step] of baseTags) {
    const now = headTags.get(tag);
    if (!now) {
      const replay = tag === deployedTag;
      drafts.push({
        kind: "history-removed",
        env,
        line: null,
        tag,
        classes: classesOf(step.ops),
        message: replay ? `Migration ${q(tag)} (the last one, so the tag deployed Workers have) was removed from ${where}: wrangler will warn that the deployed tag is missing and replay EVERY step, and creating classes that already exist fails with code 10074.` : `Migration ${q(tag)} was removed from ${where}. Deployed Workers already ran it, so nothing is undone; a fresh Worker (new env, preview, renamed Worker) replays the shortened history and ends up different.`,
        fix: `Restore migration ${q(tag)} exactly as it was. Migrations are append-only: undo a step with a new step.`
      });
      continue;
    }
    if (now.canonical !== step.canonical) {
      drafts.push({
        kind: "history-edited",
        env,
        line: now.line,
        tag,
        classes: classesOf([...step.ops, ...now.ops]),
        message: `Migration ${q(tag)} in ${where} was edited after it was applied. Deployed Workers that already have ${q(tag)} silently ignore the edit; a fresh Worker (new env, preview, renamed Worker) gets the edited history instead.`,
        fix: `Restore ${q(tag)} as it was and append a new migration with a new tag for the change.`
      });
    }
  }
  const order = (steps, keep) => steps.flatMap((s) => s.tag !== null && keep(s.tag) ? [s.tag] : []);
  const common = order(base, (t) => headTags.has(t));
  const commonInHead = order(head, (t) => baseTags.has(t));
  if (common.join("\0") !== [...new Set(commonInHead)].join("\0")) {
    drafts.push({
      kind: "history-reordered",
      env,
      line: head[0]?.line ?? null,
      message: `Migrations in ${where} were reordered (${common.map(q).join(", ")} is now ${[...new Set(commonInHead)].map(q).join(", ")}). wrangler finds the deployed tag by position, so it skips or repeats steps.`,
      fix: "Restore the original order; append new steps at the end."
    });
  }
  if (deployedTag !== null) {
    const deployedAt = head.findIndex((s) => s.tag === deployedTag);
    for (const step of head.slice(0, Math.max(deployedAt, 0))) {
      if (step.tag === null || baseTags.has(step.tag)) continue;
      drafts.push({
        kind: "history-reordered",
        env,
        line: step.line,
        tag: step.tag,
        classes: classesOf(step.ops),
        message: `New migration ${q(step.tag)} in ${where} was inserted before ${q(deployedTag)}, which deployed Workers already have: wrangler only sends the steps after the deployed tag, so they never run it.`,
        fix: `Move ${q(step.tag)} to the end of the list.`
      });
    }
  }
  const duplicates = (steps) => {
    const seen = /* @__PURE__ */ new Map();
    for (const step of steps) if (step.tag !== null) seen.set(step.tag, (seen.get(step.tag) ?? 0) + 1);
    return seen;
  };
  const baseDup = duplicates(base);
  for (const [tag, count] of duplicates(head)) {
    if (count < 2 || (baseDup.get(tag) ?? 0) >= count) continue;
    const copies = head.filter((s) => s.tag === tag);
    drafts.push({
      kind: "duplicate-tag",
      env,
      line: copies[1]?.line ?? null,
      tag,
      classes: classesOf(copies.flatMap((s) => s.ops)),
      message: `Tag ${q(tag)} appears ${count} times in ${where}. wrangler does not check: it matches the first copy, so every later deploy re-sends the steps after it.`,
      fix: "Give every migration a unique tag."
    });
  }
  return drafts;
}
function classesOf(ops) {
  const names = ops.flatMap((op) => op.type === "rename" ? [op.from, op.to] : [op.className]);
  return [...new Set(names)];
}

// src/core/analyze/compare-worker.ts
var TWO_PHASE = "delete in two deploys: first remove every binding to the class (keep exporting it), deploy; then add the delete and deploy with an explicit confirmation (`mode: deploy` of this action runs both phases).";
function compareWorker(base, head) {
  const env = head.env;
  const drafts = [];
  const before = base ? replayLifecycle(base.lifecycle) : null;
  const after = replayLifecycle(head.lifecycle);
  const baseClasses = before?.classes ?? /* @__PURE__ */ new Map();
  const isLiveAtBase = (name) => baseClasses.get(name)?.status === "live";
  const where = envLabel(env);
  const deleted = [];
  const created = [];
  for (const now of after.classes.values()) {
    const name = now.className;
    const was = baseClasses.get(name);
    if (now.status === "renamed" && was?.status !== "renamed") {
      drafts.push({
        kind: "class-renamed",
        env,
        classes: [name, now.renamedTo ?? ""],
        line: now.line,
        tag: now.tag,
        message: `Class ${q(name)} is renamed to ${q(now.renamedTo)} in ${where}: objects and storage move to the new name.`,
        fix: `Export ${q(now.renamedTo)} from the Worker's code and point bindings at it in the same deploy.`
      });
      continue;
    }
    if (now.status === "transferred-out" && was?.status !== "transferred-out") {
      drafts.push({
        kind: "class-transferred",
        env,
        classes: [name],
        line: now.line,
        tag: now.tag,
        message: `Class ${q(name)} is transferred out of ${q(head.name ?? "this Worker")} in ${where}: its objects move to another Worker.`,
        fix: "Deploy the receiving Worker's `expecting-transfer` entry first, then this one."
      });
      continue;
    }
    if (was?.status === "live") {
      if (now.status === "deleted") {
        deleted.push(now);
        drafts.push({
          kind: "class-deleted",
          env,
          classes: [name],
          line: now.line,
          tag: now.tag,
          message: `Deleting class ${q(name)} in ${where}${now.tag ? ` (migration ${q(now.tag)}${head.lifecycle.model !== "none" && head.lifecycle.inherited ? ", inherited from the top-level config" : ""})` : ""} destroys every ${q(name)} object of ${q(head.name ?? "this Worker")} and all its storage, irreversibly.`,
          fix: `If the data must go, ${TWO_PHASE} If you meant to rename the class, use \`renamed_classes\` instead.`
        });
      } else if (was.storage && now.storage && was.storage !== now.storage) {
        drafts.push({
          kind: "storage-changed",
          env,
          classes: [name],
          line: now.line,
          tag: now.tag,
          message: `Class ${q(name)} switches storage from ${storageName(was.storage)} to ${storageName(now.storage)} in ${where}. A class can never change its storage backend in place: deployed Workers ignore this, and fresh Workers get a different backend.`,
          fix: `Keep the original storage. To move to SQLite, create a new class with \`new_sqlite_classes\` and migrate the data in code.`
        });
      }
      continue;
    }
    if (now.status !== "live") continue;
    if (now.via === "rename") continue;
    if (now.via === "transfer") {
      drafts.push({
        kind: "class-transferred",
        env,
        classes: [name],
        line: now.line,
        tag: now.tag,
        message: `Class ${q(name)} is transferred into ${q(head.name ?? "this Worker")} in ${where}, with its objects.`,
        fix: "Deploy this Worker before the source Worker drops the class; keep the source's binding until then."
      });
      continue;
    }
    created.push(now);
    if (was?.status === "deleted" || now.deletedBefore) {
      drafts.push({
        kind: "class-recreated",
        env,
        classes: [name],
        line: now.line,
        tag: now.tag,
        message: `Class ${q(name)} is created again in ${where} after an earlier migration deleted it: it starts empty, none of the old objects come back.`,
        fix: "Make sure nobody expects the old data; prefer a new class name so the history reads clearly."
      });
    }
  }
  for (const group of groupByTag(created.filter((c) => !c.deletedBefore && !baseClasses.has(c.className)))) {
    const names = group.map((c) => c.className);
    const first = group[0];
    drafts.push({
      kind: "class-created",
      env,
      classes: names,
      line: first.line,
      tag: first.tag,
      message: `${names.length === 1 ? "Class" : "Classes"} ${names.map(q).join(", ")} ${names.length === 1 ? "is" : "are"} created in ${where}${first.tag ? ` (migration ${q(first.tag)})` : ""} with ${storageName(first.storage)} storage.`,
      fix: `Export ${names.map(q).join(", ")} from the Worker's entry module.`
    });
  }
  if (base) {
    for (const was of baseClasses.values()) {
      if (was.status !== "live" || after.classes.has(was.className)) continue;
      if (head.lifecycle.model !== "exports") continue;
      drafts.push({
        kind: "export-removed",
        env,
        classes: [was.className],
        line: head.envLine,
        message: `Class ${q(was.className)} has live objects but is no longer declared in \`exports\` in ${where}: the server's reconciliation decides what happens to its namespace.`,
        fix: `Keep ${q(was.className)} in \`exports\`, or mark it \`"state": "deleted"\` if its data must go (two deploys).`
      });
    }
  }
  const fromModel = base?.lifecycle.model;
  if (fromModel && fromModel !== "none" && head.lifecycle.model !== "none" && fromModel !== head.lifecycle.model) {
    const toExports = head.lifecycle.model === "exports";
    drafts.push({
      kind: "lifecycle-model-changed",
      env,
      line: head.envLine,
      severity: toExports ? "warning" : "error",
      message: toExports ? `${capitalised(where)} moves from \`migrations\` to declarative \`exports\`. This is one-way: once a deploy with \`exports\` lands, the API refuses to go back to \`migrations\` (code 100403). Every class that has objects must be declared in \`exports\` with its storage.` : `${capitalised(where)} goes back from \`exports\` to \`migrations\`: the API refuses this for a Worker that has deployed with \`exports\` (code 100403).`,
      fix: toExports ? "Check that every live class is listed with the right `storage`, and that no tombstone (`deleted`) is there by accident." : "Keep the `exports` map; express the change as an `exports` entry."
    });
  }
  drafts.push(...replayProblems(env, before?.problems ?? [], after.problems));
  const headSteps = head.lifecycle.model === "migrations" ? head.lifecycle.steps : [];
  const inheritedBoth = base?.lifecycle.model !== "none" && !base?.ownsLifecycle && !head.ownsLifecycle;
  if (base?.lifecycle.model === "migrations" && head.lifecycle.model !== "exports" && !inheritedBoth) {
    drafts.push(...compareHistories(env, base.lifecycle.steps, headSteps));
  }
  if (base?.lifecycle.model === "migrations" && head.lifecycle.model === "migrations") {
    for (const step of pendingSteps(base.lifecycle.steps, headSteps)) {
      const deletes = step.ops.filter((op) => op.type === "delete");
      if (deletes.length === 0 || deletes.length === step.ops.length) continue;
      drafts.push({
        kind: "delete-mixed-step",
        env,
        line: step.line,
        tag: step.tag,
        classes: deletes.map((op) => op.className),
        message: `Migration ${q(step.tag)} in ${where} deletes classes and also does other operations: the delete cannot be phased apart from them under one tag.`,
        fix: "Put the deletes in a migration of their own with its own tag."
      });
    }
  }
  const localBindings = head.bindings.filter((b) => isLocalBinding(b, head));
  for (const gone of deleted) {
    for (const binding of localBindings.filter((b) => b.className === gone.className)) {
      drafts.push({
        kind: "delete-still-bound",
        env,
        classes: [gone.className],
        line: binding.line,
        tag: gone.tag,
        message: `Class ${q(gone.className)} is deleted in ${where} but binding ${q(binding.name)} still points at it: the API rejects the deploy (code 10061).`,
        fix: `Remove the binding and ${TWO_PHASE}`
      });
    }
  }
  if (base) {
    const baseLocal = base.bindings.filter((b) => isLocalBinding(b, base));
    for (const gone of deleted) {
      for (const old of baseLocal.filter((b) => b.className === gone.className)) {
        const moved = localBindings.find((b) => b.name === old.name && b.className !== gone.className);
        const target = moved && created.find((c) => c.className === moved.className);
        if (!moved || !target) continue;
        drafts.push({
          kind: "probable-rename",
          env,
          classes: [gone.className, target.className],
          line: gone.line,
          tag: gone.tag,
          dataLoss: true,
          message: `Binding ${q(old.name)} moves from ${q(gone.className)} to ${q(target.className)} while ${q(gone.className)} is deleted and ${q(target.className)} created: this looks like a rename, but as written every ${q(gone.className)} object is destroyed and ${q(target.className)} starts empty.`,
          fix: `To keep the data, replace the delete and create with \`renamed_classes = [{ from = "${gone.className}", to = "${target.className}" }]\`.`
        });
      }
    }
    const headBound = new Set(localBindings.map((b) => b.className));
    const reported = /* @__PURE__ */ new Set();
    for (const old of baseLocal) {
      if (headBound.has(old.className) || reported.has(old.className)) continue;
      const now = after.classes.get(old.className);
      if (now && now.status !== "live") continue;
      reported.add(old.className);
      drafts.push({
        kind: "binding-removed",
        env,
        classes: [old.className],
        line: head.bindingsLine ?? head.envLine,
        message: `Binding ${q(old.name)} to class ${q(old.className)} was removed from ${where} without a delete migration: the objects and their storage stay. If the class also leaves the code, the deploy fails with code 10064.`,
        fix: `Keep exporting ${q(old.className)} from the code. If its data should go, follow with a delete (phase 2 of a two-phase deploy); if the removal is a mistake, restore the binding.`
      });
    }
  }
  const headLive = new Set(
    [...after.classes.values()].filter((c) => c.status === "live").map((c) => c.className)
  );
  const baseHad = (name, className) => base?.bindings.some((b) => b.name === name && b.className === className && isLocalBinding(b, base)) ?? false;
  for (const binding of localBindings) {
    if (headLive.has(binding.className) || after.classes.get(binding.className)?.status === "deleted")
      continue;
    const noLifecycle = head.lifecycle.model === "none";
    const existed = baseHad(binding.name, binding.className) && !isLiveAtBase(binding.className);
    drafts.push({
      kind: "binding-unknown-class",
      env,
      classes: [binding.className],
      line: binding.line,
      severity: existed ? "info" : noLifecycle ? "warning" : "error",
      message: noLifecycle ? `Binding ${q(binding.name)} points at class ${q(binding.className)}, but ${where} declares no Durable Object lifecycle (\`migrations\` or \`exports\`): unless the class was created elsewhere, the API rejects it (code 10061).` : `Binding ${q(binding.name)} points at class ${q(binding.className)}, which no migration in ${where} creates: the API rejects the deploy (code 10061).`,
      fix: `Add a migration that creates ${q(binding.className)} (\`new_sqlite_classes\`), or fix the class name.`
    });
  }
  if (base?.name && head.name && base.name !== head.name) {
    const live = [...baseClasses.values()].filter((c) => c.status === "live").map((c) => c.className);
    if (live.length > 0 || base.bindings.length > 0) {
      drafts.push({
        kind: "worker-renamed",
        env,
        classes: live,
        line: head.nameLine ?? head.envLine,
        message: `${env === null ? "The top-level Worker" : `The Worker of ${where}`} is renamed from ${q(base.name)} to ${q(head.name)}: the next deploy creates a NEW Worker that starts with no objects and replays the whole migration history, while ${q(base.name)} keeps all its objects and data.`,
        fix: `Keep the name ${q(base.name)}, or plan the move: transfer the classes (\`transferred_classes\`) or migrate the data, then retire the old Worker.`
      });
    }
  }
  return drafts;
}
function removedWorker(base, why) {
  const live = [...replayLifecycle(base.lifecycle).classes.values()].filter((c) => c.status === "live").map((c) => c.className);
  if (!base.ownsLifecycle && base.bindings.length === 0 && (why === "env" || live.length === 0)) return null;
  const what = why === "env" ? `Environment ${q(base.env)} was removed` : "The config file was removed";
  return {
    kind: "env-removed",
    env: base.env,
    classes: live,
    line: null,
    message: `${what}: Worker ${q(base.name ?? "(unnamed)")} and its Durable Objects live on, no longer managed by this config.`,
    fix: "If the Worker should go, delete its classes in two deploys first and then `wrangler delete` it; otherwise restore the config."
  };
}
function replayProblems(env, base, head) {
  const key = (p) => `${p.kind}\0${p.className}\0${p.tag}`;
  const known = new Set(base.map(key));
  return head.filter((p) => !known.has(key(p))).map((p) => {
    const step = p.tag ? `migration ${q(p.tag)}` : "a migration";
    const text = {
      "delete-unknown": `${step} deletes class ${q(p.className)}, which no earlier step creates`,
      "rename-unknown": `${step} renames class ${q(p.className)}, which no earlier step creates`,
      "create-existing": `${step} creates class ${q(p.className)}, which already exists at that point (code 10074)`,
      "rename-onto-existing": `${step} renames a class onto ${q(p.className)}, which already exists`
    }[p.kind];
    return {
      kind: "replay-rejected",
      env,
      classes: [p.className],
      line: p.line,
      tag: p.tag,
      message: `In ${envLabel(env)}, ${text}: wrangler (4.131 and later) rejects the history on deploy, and a fresh Worker replaying it fails.`,
      fix: "Fix the history so each class is created once before it is renamed or deleted."
    };
  });
}
function groupByTag(states) {
  const groups = /* @__PURE__ */ new Map();
  for (const state of states) {
    const key = `${state.tag}\0${state.storage}`;
    groups.set(key, [...groups.get(key) ?? [], state]);
  }
  return [...groups.values()];
}
function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
function storageName(storage) {
  return storage === "sqlite" ? "SQLite" : storage === "kv" ? "key-value (legacy)" : "unknown";
}

// src/core/analyze/analyze.ts
function analyzeFile(change, options = {}) {
  const { file } = change;
  const base = change.baseText === null ? null : parseConfigText(file, change.baseText);
  const head = change.headText === null ? null : parseConfigText(file, change.headText);
  const findings = [];
  const wanted = (env) => !options.envs || options.envs.includes(env);
  if (head && !head.ok) {
    findings.push(parseErrorFinding(head, base !== null && !base.ok && base.message === head.message));
    return { file, findings, headWorkers: [] };
  }
  if (base && !base.ok) findings.push(parseErrorFinding(base, false, true));
  const baseConfig = base?.ok ? base : null;
  if (!head) {
    if (baseConfig) {
      for (const worker of readWorkers(baseConfig).workers) {
        const draft = wanted(worker.env) ? removedWorker(worker, "file") : null;
        if (draft) findings.push(placeDraft(draft, placement(baseConfig, worker.name, true)));
      }
    }
    return { file, findings, headWorkers: [] };
  }
  const headReading = readWorkers(head);
  const baseReading = baseConfig ? readWorkers(baseConfig) : null;
  const baseWorkers = base && !base.ok ? headReading.workers : baseReading?.workers ?? [];
  const baseByEnv = new Map(baseWorkers.map((w) => [w.env, w]));
  const known = new Set((baseReading?.drafts ?? []).map(draftKey));
  for (const draft of headReading.drafts) {
    if (!wanted(draft.env)) continue;
    const worker = headReading.workers.find((w) => w.env === draft.env);
    findings.push(placeDraft(draft, placement(head, worker?.name ?? null, !known.has(draftKey(draft)))));
  }
  for (const worker of headReading.workers) {
    if (!wanted(worker.env)) continue;
    for (const draft of compareWorker(baseByEnv.get(worker.env) ?? null, worker)) {
      findings.push(placeDraft(draft, placement(head, worker.name, true)));
    }
  }
  if (baseConfig && base?.ok) {
    const headEnvs = new Set(headReading.workers.map((w) => w.env));
    for (const worker of baseWorkers) {
      if (headEnvs.has(worker.env) || !wanted(worker.env)) continue;
      const draft = removedWorker(worker, "env");
      if (draft)
        findings.push(
          placeDraft({ ...draft, line: head.locate(["env"]) }, placement(head, worker.name, true))
        );
    }
  }
  return { file, findings, headWorkers: headReading.workers };
}
function analyzeRepository(changes, options = {}) {
  return reportFor(analyzeFiles(changes, options));
}
function analyzeFiles(changes, options = {}) {
  return changes.map((change) => analyzeFile(change, options));
}
function reportFor(analyses, extra = []) {
  const findings = [...analyses.flatMap((a) => a.findings), ...extra];
  findings.push(...crossWorkerBindings(findings, analyses));
  return buildReport(findings);
}
function crossWorkerBindings(findings, analyses) {
  const out = [];
  for (const deletion of findings.filter((f) => f.kind === "class-deleted" && f.worker)) {
    for (const analysis of analyses) {
      for (const other of analysis.headWorkers) {
        if (other.name === deletion.worker) continue;
        for (const binding of other.bindings) {
          if (binding.scriptName !== deletion.worker || !deletion.classes.includes(binding.className))
            continue;
          const entry = CATALOGUE["cross-worker-binding"];
          out.push({
            code: entry.code,
            kind: "cross-worker-binding",
            severity: entry.severity,
            dataLoss: false,
            classes: [binding.className],
            worker: other.name,
            env: other.env,
            file: other.file,
            line: binding.line,
            tag: deletion.tag,
            message: `Worker ${q(other.name ?? other.file)} still binds ${q(binding.className)} of ${q(deletion.worker)} through \`script_name\` (binding ${q(binding.name)}): the delete in ${q(deletion.file)} is rejected (code 10061) until this binding is removed and deployed.`,
            fix: `Remove binding ${q(binding.name)} from ${q(other.file)} and deploy that Worker first (phase 1), then deploy the delete.`,
            introduced: true
          });
        }
      }
    }
  }
  return out;
}
function buildReport(findings) {
  const sorted = [...findings].sort(compareFindings);
  return { risk: riskOf(sorted), findings: sorted };
}
function riskOf(findings) {
  const top = Math.max(-1, ...findings.map((f) => severityRank(f.severity)));
  return ["none", "low", "medium", "high", "critical"][top + 1];
}
function compareFindings(a, b) {
  return Number(b.dataLoss) - Number(a.dataLoss) || severityRank(b.severity) - severityRank(a.severity) || a.file.localeCompare(b.file) || (a.env ?? "").localeCompare(b.env ?? "") || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code);
}
function placement(config, worker, introduced) {
  return { file: config.file, worker, locate: config.locate, introduced };
}
function draftKey(draft) {
  return [draft.kind, draft.env, draft.path ? pathKey(draft.path) : "", draft.message].join("\0");
}
function parseErrorFinding(failure, preExisting, isBase = false) {
  const entry = CATALOGUE["parse-error"];
  const where = failure.line ? ` at line ${failure.line}, column ${failure.column}` : "";
  return {
    code: entry.code,
    kind: "parse-error",
    severity: preExisting ? "info" : isBase ? "warning" : entry.severity,
    dataLoss: false,
    classes: [],
    worker: null,
    env: null,
    file: failure.file,
    line: failure.line,
    tag: null,
    message: isBase ? `The base revision of ${failure.file} does not parse (${failure.message}${where}), so what changed cannot be told; the head revision was checked on its own.` : `${failure.file} does not parse as ${failure.format === "toml" ? "TOML" : "JSON/JSONC"}: ${failure.message}${where}. wrangler will refuse it.`,
    fix: "Fix the syntax at that position (wrangler reads TOML with smol-toml and JSON/JSONC with comments and trailing commas allowed).",
    introduced: !preExisting
  };
}

// src/adapters/usage-error.ts
var UsageError = class extends Error {
  showUsage;
  constructor(message, showUsage = false) {
    super(message);
    this.name = "UsageError";
    this.showUsage = showUsage;
  }
};

export {
  q,
  envLabel,
  replayLifecycle,
  analyzeRepository,
  analyzeFiles,
  reportFor,
  UsageError
};
