// The formats of `diff` and `history`, apart from their renderers so that
// declaring the commands loads no rendering code.
export const DIFF_FORMATS = ['text', 'markdown', 'json', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
export const HISTORY_FORMATS = ['text', 'markdown', 'json', 'html'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];
