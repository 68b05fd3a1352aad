import { tokenizeLine, type LineMode } from '../../shared/sql/services/line-tokens.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';

/** Flink SQL in Monaco, highlighted by Weir's own lexer so colours agree with diagnostics. */
export const FLINK_SQL = 'flinksql';

class LineState implements monaco.languages.IState {
  constructor(readonly mode: LineMode) {}
  clone(): LineState {
    return new LineState(this.mode);
  }
  equals(other: monaco.languages.IState): boolean {
    return other instanceof LineState && other.mode === this.mode;
  }
}

let registered = false;

export function registerFlinkSql(): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: FLINK_SQL, extensions: ['.sql'], aliases: ['Flink SQL', 'flinksql'] });
  monaco.languages.setLanguageConfiguration(FLINK_SQL, {
    comments: { lineComment: '--', blockComment: ['/*', '*/'] },
    brackets: [
      ['(', ')'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: "'", close: "'", notIn: ['string', 'comment'] },
      { open: '`', close: '`', notIn: ['string', 'comment'] },
    ],
    surroundingPairs: [
      { open: '(', close: ')' },
      { open: "'", close: "'" },
      { open: '`', close: '`' },
    ],
  });
  monaco.languages.setTokensProvider(FLINK_SQL, {
    getInitialState: () => new LineState('none'),
    tokenize: (line, state) => {
      const result = tokenizeLine(line, (state as LineState).mode);
      return { tokens: result.tokens, endState: new LineState(result.end) };
    },
  });
}
