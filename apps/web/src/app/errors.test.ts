import { describe, expect, it } from 'vitest';
import { ApiError, errorText, firstMessages, isSessionLost, issuesToFieldErrors, parseErrorBody } from './errors';

describe('parseErrorBody', () => {
  it('keeps code, message and field errors of a well-formed error body', () => {
    const body = parseErrorBody(400, {
      code: 'validation_failed',
      message: 'Niet alle velden zijn goed ingevuld.',
      fieldErrors: { postcode: ['Vul een geldige postcode in.'] },
    });
    expect(body.code).toBe('validation_failed');
    expect(body.fieldErrors).toEqual({ postcode: ['Vul een geldige postcode in.'] });
  });

  it('keeps extra members such as the duplicates of a possible_duplicate answer', () => {
    const body = parseErrorBody(409, { code: 'possible_duplicate', message: 'x', duplicates: [{ id: '1' }] });
    expect(body.duplicates).toEqual([{ id: '1' }]);
  });

  it('derives a code from the status when the body is not JSON from the API', () => {
    expect(parseErrorBody(503, undefined).code).toBe('database_unavailable');
    expect(parseErrorBody(404, '<html>').code).toBe('not_found');
    expect(parseErrorBody(500, { oops: true }).code).toBe('internal');
  });

  it('accepts a single string as a field error and drops non-strings', () => {
    const body = parseErrorBody(400, {
      code: 'validation_failed',
      message: '',
      fieldErrors: { bsn: 'Fout', x: [1, 'Y'] },
    });
    expect(body.fieldErrors).toEqual({ bsn: ['Fout'], x: ['Y'] });
  });
});

describe('isSessionLost', () => {
  it('treats a 401 on an ordinary call as a lost session', () => {
    expect(isSessionLost(401, 'not_authenticated')).toBe(true);
    expect(isSessionLost(401, 'session_expired')).toBe(true);
  });

  it('does not treat wrong credentials or a wrong code as a lost session', () => {
    expect(isSessionLost(401, 'invalid_credentials')).toBe(false);
    expect(isSessionLost(401, 'invalid_totp')).toBe(false);
    expect(isSessionLost(401, 'wrong_password')).toBe(false);
  });

  it('ignores other statuses', () => {
    expect(isSessionLost(403, 'forbidden')).toBe(false);
  });
});

describe('errorText', () => {
  it('uses the shared Dutch text for a known code', () => {
    const error = new ApiError(401, { code: 'invalid_credentials', message: 'server text' });
    expect(errorText(error)).toBe('De gebruikersnaam of het wachtwoord klopt niet.');
  });

  it("falls back to the server's message for an unknown code", () => {
    expect(errorText(new ApiError(422, { code: 'something_new', message: 'Iets nieuws ging mis.' }))).toBe(
      'Iets nieuws ging mis.',
    );
  });

  it('has its own text for a network failure and a generic one for anything else', () => {
    expect(errorText(new ApiError(0, { code: 'network', message: '' }))).toMatch(/niet bereikbaar/);
    expect(errorText(new Error('boom'))).toMatch(/Er ging iets mis/);
  });
});

describe('issuesToFieldErrors', () => {
  it('groups issues by their top-level field and puts whole-form issues under _form', () => {
    const errors = issuesToFieldErrors([
      { path: ['postcode'], message: 'a' },
      { path: ['postcode'], message: 'b' },
      { path: ['members', 0, 'relation'], message: 'c' },
      { path: [], message: 'd' },
    ]);
    expect(errors).toEqual({ postcode: ['a', 'b'], members: ['c'], _form: ['d'] });
    expect(firstMessages(errors)).toEqual({ postcode: 'a', members: 'c', _form: 'd' });
  });
});

describe('issuesToPathFieldErrors', () => {
  it('keys issues by their full dotted path, as the API does', async () => {
    const { issuesToPathFieldErrors } = await import('./errors');
    expect(
      issuesToPathFieldErrors([
        { path: ['residents', 0, 'bsn'], message: 'BSN' },
        { path: [], message: 'Formulier' },
      ]),
    ).toEqual({
      'residents.0.bsn': ['BSN'],
      _form: ['Formulier'],
    });
  });
});
