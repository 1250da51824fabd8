/**
 * Prepared statements of a query whose filters vary, one per combination of filters (its
 * "shape": which filters are present), each prepared on first use and kept: the values then
 * go in as placeholders. A list read on every key press or page then builds no SQL.
 */
export function statementsByShape<Shape extends { [Filter in keyof Shape]: boolean }, Statement>(prepare: (shape: Shape) => Statement) {
  const statements = new Map<string, Statement>();
  return (shape: Shape): Statement => {
    const key = (Object.keys(shape) as (keyof Shape & string)[])
      .sort()
      .map((name) => `${name}=${shape[name]}`)
      .join('&');
    let statement = statements.get(key);
    if (!statement) {
      statement = prepare(shape);
      statements.set(key, statement);
    }
    return statement;
  };
}
