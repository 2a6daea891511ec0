/** What the generated org validator returns for anything it does not accept (zod then decides). */
export const INVALID: unique symbol = Symbol('invalid');
