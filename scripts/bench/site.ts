// Build and page measurements for `npm run bench`.
export async function measureBuilds(_root: string, _source: string): Promise<unknown> {
  return {skipped: 'not measured yet'};
}

export async function measurePages(_root: string): Promise<unknown> {
  return {skipped: 'not measured yet'};
}
