// The stand-in's query rewrite must change only speed, never results.
import { createRequire } from 'node:module';
import { installLinearCosmosQueries, rewriteQueryCode } from '../../dev/cosmos-query-speedup.ts';

const requireFromServer = createRequire(createRequire(import.meta.url).resolve('@vercel/cosmosdb-server'));
const query = requireFromServer('@zeit/cosmosdb-query').default as (sql: string) => {
  code: string;
  exec(collection: unknown[], options: Record<string, unknown>): { result: unknown[] };
};

const documents = Array.from({ length: 50 }, (_, i) => ({
  id: `d${i}`,
  _rid: `r${String(i).padStart(3, '0')}`,
  tenantId: i % 2 ? 't1' : 't2',
  email: `p${i}@example.gov`,
  tags: [`a${i % 3}`],
}));

const cases: [string, Record<string, unknown>][] = [
  ['SELECT * FROM c WHERE c.tenantId = @t', { t: 't1' }],
  ['SELECT c.id FROM c WHERE ARRAY_CONTAINS(@emails, c.email)', { emails: ['p3@example.gov', 'p8@example.gov'] }],
  ['SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @t', { t: 't2' }],
  ['SELECT c.id, t FROM c JOIN t IN c.tags WHERE t = @tag ORDER BY c.id DESC', { tag: 'a1' }],
];

const run = (sql: string, parameters: Record<string, unknown>) =>
  query(sql).exec(documents, { parameters: Object.entries(parameters).map(([name, value]) => ({ name: `@${name}`, value })) });

it('returns the same results after the rewrite as before it', () => {
  const before = cases.map(([sql, parameters]) => run(sql, parameters));
  installLinearCosmosQueries();
  const after = cases.map(([sql, parameters]) => run(sql, parameters));
  expect(after).toEqual(before);
  expect((before[0] as { result: unknown[] }).result).toHaveLength(25);
});

it('removes the per-document copy from single-collection queries', () => {
  const code = query(cases[0]![0]).code;
  expect(code).toContain('[...$');
  expect(rewriteQueryCode(code)).not.toContain('[...$');
});
