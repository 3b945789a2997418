/** Line and column (1-based, as editors show them) of offsets in a text. */
export interface LineColumn {
  line: number;
  column: number;
}

/** A function from offset to line and column, with the line starts found once. */
export function lineColumns(text: string): (offset: number) => LineColumn {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return {line: low + 1, column: offset - starts[low] + 1};
  };
}
