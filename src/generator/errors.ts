/**
 * The one error type the generator throws for bad input. It always names the
 * file and, where known, the place in it (a JSON pointer or line:column), so
 * the CLI can print one clear line and exit non-zero.
 */
export class ChartInputError extends Error {
  constructor(
    readonly file: string,
    readonly place: string | undefined,
    readonly problem: string,
  ) {
    super(place ? `${file}: ${place}: ${problem}` : `${file}: ${problem}`);
    this.name = 'ChartInputError';
  }
}
