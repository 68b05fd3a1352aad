/**
 * How deep a statement may nest: parentheses, subqueries, function calls, CASE, prefix operators
 * and postfix chains (a[1][2]..., x IS NULL IS NULL ...) each add a level. The parser, the
 * binder and the formatter recurse once per level, so this bound keeps them far from the stack
 * limit of any host (Node, a browser worker); deeper input gets `sql.too-deep` at the token
 * where the limit is crossed. Long chains of binary operators (a 3,000-term OR) and of set
 * operations or joins are not nesting: they parse with loops and are visited iteratively.
 */
export const MAX_NESTING = 200;
