/** How a script is formatted. Defaults follow what Flink's own docs and most teams write. */
export interface FormatOptions {
  /** Lines longer than this are broken where the layout allows (default 100). */
  lineWidth?: number;
  /** Spaces per indentation level (default 2). */
  indent?: number;
  /** Keywords upper-cased (default), lower-cased or kept; names and literals are never touched. */
  keywordCase?: 'upper' | 'lower' | 'preserve';
}

export type ResolvedFormatOptions = Required<FormatOptions>;

export function resolveFormatOptions(options: FormatOptions = {}): ResolvedFormatOptions {
  return {
    lineWidth: options.lineWidth !== undefined && options.lineWidth >= 20 ? Math.floor(options.lineWidth) : 100,
    indent: options.indent !== undefined && options.indent >= 0 && options.indent <= 8 ? Math.floor(options.indent) : 2,
    keywordCase: options.keywordCase ?? 'upper',
  };
}
