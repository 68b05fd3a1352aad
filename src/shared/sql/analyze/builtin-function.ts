/**
 * A Flink built-in function as completion, hover and the checker see it. `returns` is the result
 * type root when simple, or 'argN' for "the type of the N-th argument"; absent when it depends
 * on more than that.
 */
export interface BuiltinFunction {
  readonly name: string;
  readonly kind: 'scalar' | 'aggregate' | 'table' | 'window';
  /** As written in Flink's documentation (not translated). */
  readonly signature: string;
  readonly returns?: string;
}
