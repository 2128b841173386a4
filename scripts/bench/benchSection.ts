/** One section of the `npm run bench` report: a titled table plus one line per target with its verdict. */
export interface BenchSection {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly verdicts?: readonly string[];
}
