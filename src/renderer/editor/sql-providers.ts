import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import type { CompletionKind } from '../../shared/sql/services/completion.js';
import type { OutlineItem } from '../../shared/sql/services/outline.js';
import type { Locale } from '../../shared/contract/contract.js';
import { functionDoc, optionDoc } from '../../shared/i18n/sql-docs.js';
import type { HoverInfo } from '../../shared/sql/services/hover.js';
import type { KnownKind } from '../../shared/sql/services/statement-scope.js';
import { translator } from '../i18n/use-locale.js';
import { FLINK_SQL } from './flink-sql-language.js';
import { sqlLanguage } from './sql-language-client.js';

/** Outline, go to definition, completion, hover and formatting (Shift+Alt+F), answered by the SQL worker. */
const KINDS: Record<OutlineItem['kind'], monaco.languages.SymbolKind> = {
  table: monaco.languages.SymbolKind.Struct,
  view: monaco.languages.SymbolKind.Interface,
  function: monaco.languages.SymbolKind.Function,
  catalog: monaco.languages.SymbolKind.Package,
  database: monaco.languages.SymbolKind.Namespace,
  insert: monaco.languages.SymbolKind.Event,
  'statement-set': monaco.languages.SymbolKind.Module,
  query: monaco.languages.SymbolKind.Object,
  setting: monaco.languages.SymbolKind.Property,
  other: monaco.languages.SymbolKind.Null,
};

function range(model: monaco.editor.ITextModel, start: number, end: number): monaco.IRange {
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  return { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column };
}

function symbol(model: monaco.editor.ITextModel, item: OutlineItem): monaco.languages.DocumentSymbol {
  return {
    name: item.name,
    detail: item.statement,
    kind: KINDS[item.kind],
    tags: [],
    range: range(model, item.start, item.end),
    selectionRange: range(model, item.nameStart, Math.max(item.nameEnd, item.nameStart)),
    children: item.children.map((c) => symbol(model, c)),
  };
}

const COMPLETION_KINDS: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  keyword: monaco.languages.CompletionItemKind.Keyword,
  table: monaco.languages.CompletionItemKind.Struct,
  view: monaco.languages.CompletionItemKind.Interface,
  column: monaco.languages.CompletionItemKind.Field,
  function: monaco.languages.CompletionItemKind.Function,
  option: monaco.languages.CompletionItemKind.Property,
  value: monaco.languages.CompletionItemKind.Value,
};

const locale = () => translator.language as Locale;

function docOf(doc: { group: string; key: string } | undefined): { documentation?: string } {
  if (!doc) return {};
  const text = doc.group === 'function' ? functionDoc(locale(), doc.key) : optionDoc(locale(), doc.group, doc.key);
  return text ? { documentation: text } : {};
}

/** i18n key of each kind of table a hover shows. */
const TABLE_KIND_KEYS: Record<KnownKind, string> = {
  table: 'editor.hover.table',
  'temporary-table': 'editor.hover.temporaryTable',
  view: 'editor.hover.view',
  cte: 'editor.hover.cte',
  subquery: 'editor.hover.subquery',
};

function hoverMarkdown(info: HoverInfo): string[] {
  const t = translator.t.bind(translator);
  switch (info.kind) {
    case 'column':
      // the comment is the user's own text, shown as written
      return [`**${info.name}** \`${info.type}\``, t('editor.hover.column', { table: info.table }), info.comment ?? ''];
    case 'table':
      return [
        `**${info.name}** (${t(TABLE_KIND_KEYS[info.tableKind])})`,
        info.connector ? t('editor.hover.connector', { connector: info.connector }) : '',
        info.columns.slice(0, 30).map((c) => `- ${c.name} \`${c.type}\``).join('\n') || t('editor.hover.noColumns'),
      ];
    case 'function':
      return [`\`${info.signature}\``, functionDoc(locale(), info.name) ?? ''];
  }
}

/**
 * How suggestions behave in SQL editors: a list that opened by itself (typing, a space, '(' or
 * '.') has nothing selected, so Enter inserts a newline and a guess never replaces what was typed;
 * arrows or Ctrl+Space select, then Enter accepts. No word-based guesses from the document's text.
 */
export const SQL_SUGGEST_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  quickSuggestions: { other: 'on', comments: 'off', strings: 'on' },
  suggestOnTriggerCharacters: true,
  acceptSuggestionOnEnter: 'on',
  wordBasedSuggestions: 'off',
  suggest: { selectionMode: 'never', showWords: false },
};

let registered = false;

export function registerSqlProviders(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerDocumentSymbolProvider(FLINK_SQL, {
    provideDocumentSymbols: async (model) => (await sqlLanguage().outline(model.getValue())).map((item) => symbol(model, item)),
  });
  monaco.languages.registerCompletionItemProvider(FLINK_SQL, {
    triggerCharacters: ['.', "'", ' ', '('],
    provideCompletionItems: async (model, position) => {
      const answer = await sqlLanguage().complete(model.getValue(), model.getOffsetAt(position));
      if (!answer) return { suggestions: [] };
      const replace = range(model, answer.replaceStart, answer.replaceEnd);
      return {
        // asked again as the word grows: the service knows when a name is being invented, Monaco's fuzzy filter does not
        incomplete: true,
        suggestions: answer.items.map((item) => ({
          label: item.label,
          kind: COMPLETION_KINDS[item.kind],
          insertText: item.insertText,
          ...(item.columns !== undefined ? { detail: translator.t('editor.completion.columns', { count: item.columns }) } : item.detail ? { detail: item.detail } : {}),
          sortText: `${item.rank}${item.label}`,
          ...docOf(item.doc),
          range: replace,
        })),
      };
    },
  });
  const format = async (model: monaco.editor.ITextModel, start: number, end: number, tabSize: number) => {
    const { edits } = await sqlLanguage().format(model.getValue(), start, end, tabSize);
    return edits.map((e) => ({ range: range(model, e.start, e.end), text: e.newText }));
  };
  monaco.languages.registerDocumentFormattingEditProvider(FLINK_SQL, {
    provideDocumentFormattingEdits: (model, options) => format(model, 0, model.getValueLength(), options.tabSize),
  });
  monaco.languages.registerDocumentRangeFormattingEditProvider(FLINK_SQL, {
    provideDocumentRangeFormattingEdits: (model, r, options) =>
      format(model, model.getOffsetAt({ lineNumber: r.startLineNumber, column: r.startColumn }), model.getOffsetAt({ lineNumber: r.endLineNumber, column: r.endColumn }), options.tabSize),
  });
  monaco.languages.registerHoverProvider(FLINK_SQL, {
    provideHover: async (model, position) => {
      const info = await sqlLanguage().hover(model.getValue(), model.getOffsetAt(position));
      if (!info) return null;
      return { range: range(model, info.start, info.end), contents: hoverMarkdown(info).filter(Boolean).map((value) => ({ value })) };
    },
  });
  monaco.languages.registerDefinitionProvider(FLINK_SQL, {
    provideDefinition: async (model, position) => {
      const found = await sqlLanguage().definition(model.getValue(), model.getOffsetAt(position));
      return found ? { uri: model.uri, range: range(model, found.start, found.end) } : null;
    },
  });
}
