import { DbError } from './db-errors';
import { parseDbError } from './parse-db-error';

describe('parseDbError', () => {
  it.each([
    ['40001', true],
    ['40P01', true],
    ['57P01', true],
    ['08006', true],
    ['53300', true],
    ['42P01', false],
    ['22P02', false],
  ])('classifies SQLSTATE %s as retriable=%s', (code, retriable) => {
    const parsed = parseDbError(Object.assign(new Error('x'), { code }));
    expect(parsed).toMatchObject({ code: `DB_SQLSTATE_${code}`, retriable });
    expect(parsed.cause).toBeInstanceOf(Error);
  });

  it('names the constraint of a violation and does not retry it', () => {
    const parsed = parseDbError(Object.assign(new Error('dup'), { code: '23505', constraint: 'tickets_number_key' }));
    expect(parsed).toMatchObject({ code: 'DB_CONSTRAINT_23505', retriable: false });
    expect(parsed.message).toContain('tickets_number_key');
  });

  it('treats network failures and code-less driver errors as retriable', () => {
    expect(parseDbError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })).retriable).toBe(true);
    expect(parseDbError(new Error('Connection terminated unexpectedly'))).toMatchObject({ code: 'DB_CONNECTION_FAILED', retriable: true });
  });

  it('does not retry programming errors and passes DbErrors through', () => {
    expect(parseDbError(Object.assign(new TypeError('bad'), { code: 'ERR_INVALID_ARG_TYPE' })).retriable).toBe(false);
    const own = new DbError('X', 'x', true);
    expect(parseDbError(own)).toBe(own);
  });
});
