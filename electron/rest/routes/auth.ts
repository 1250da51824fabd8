import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changePasswordInput,
  loginInput,
  loginResult,
  logoutInput,
  refreshInput,
  refreshResult,
  registerInput,
} from '../../../shared/schemas/auth';
import { errorBodySchema, messageSchema } from '../../../shared/schemas/common';
import { pinLoginInput, switchRosterSchema } from '../../../shared/schemas/pins';
import { userSchema } from '../../../shared/schemas/users';
import type { Services } from '../../core/create-services';
import { passwordChangeRequired } from '../../core/auth/login';
import { DomainError, invalidField } from '../../core/errors';
import { authenticateRequest } from '../authenticate-request';
import {
  assertCsrf,
  clearSessionCookies,
  COOKIE_REFRESH,
  presentedAccessToken,
  setSessionCookies,
  wantsCookieMode,
} from '../../http/credentials';
import { deviceOriginOf } from '../../http/trusted-device';
import { errorResponses } from '../responses';
import type { LoginResult } from '../../core/auth/login';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const authRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/auth/login',
      {
        schema: {
          operationId: 'login',
          security: [],
          tags: ['auth'],
          summary: 'Sign in; header `X-Auth-Mode: cookie` sets HttpOnly cookies instead of returning tokens',
          body: loginInput,
          // 403 named on its own: the handler itself sends the code-4 refusal with its change_token.
          response: { 200: loginResult, ...errorResponses(401, 423, 429, 503), 403: errorBodySchema },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        return sendLoginResult(request, reply, await services.auth.login(username, password, request.ip));
      },
    );

    app.post(
      '/auth/pin-login',
      {
        schema: {
          operationId: 'pinLogin',
          security: [],
          tags: ['auth'],
          summary:
            'Sign in with username and PIN, only from a trusted device: the shop computer (loopback) or a terminal sending its register’s `X-Device-Token`; the login body of /auth/login',
          body: pinLoginInput,
          response: { 200: loginResult, ...errorResponses(401, 423, 429, 503), 403: errorBodySchema },
        },
      },
      async (request, reply) =>
        sendLoginResult(request, reply, await services.pinLogin.pinLogin(request.body, deviceOriginOf(request), request.ip)),
    );

    app.get(
      '/auth/pin-roster',
      {
        schema: {
          operationId: 'getPinRoster',
          security: [],
          tags: ['auth'],
          summary:
            'Who is on shift for the quick switch (planned today, or clocked in), by first and last name; only from a trusted device, as /auth/pin-login',
          response: { 200: switchRosterSchema, ...errorResponses(403) },
        },
      },
      async (request) => services.switchRoster(deviceOriginOf(request)),
    );

    app.post(
      '/auth/refresh',
      {
        schema: {
          operationId: 'refreshTokens',
          security: [],
          tags: ['auth'],
          summary: 'Rotate the refresh token (body in header mode, cookie + X-CSRF-Token in cookie mode)',
          body: refreshInput.nullish(),
          response: { 200: refreshResult, ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        const fromBody = request.body?.refresh;
        if (fromBody) {
          const pair = await services.auth.refresh(fromBody);
          return { access: pair.access, refresh: pair.refresh, expires_in: pair.expiresIn };
        }
        const fromCookie = request.cookies[COOKIE_REFRESH];
        if (!fromCookie) throw invalidField('refresh', 'This field is required.');
        assertCsrf(request);
        const pair = await services.auth.refresh(fromCookie);
        setSessionCookies(request, reply, pair, false);
        return { expires_in: pair.expiresIn };
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: {
          operationId: 'logout',
          tags: ['auth'],
          summary: 'End this sign-in: the refresh family and the presented access token stop working at once',
          body: logoutInput.nullish(),
          response: { 200: messageSchema, ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        const actor = await authenticateRequest(services, request);
        const cookieMode = presentedAccessToken(request)?.mode === 'cookie';
        const refresh = request.body?.refresh ?? (cookieMode ? request.cookies[COOKIE_REFRESH] : undefined);
        if (!refresh && !cookieMode) throw invalidField('refresh', 'This field is required.');
        await services.auth.logout(actor, refresh ?? null);
        if (cookieMode) clearSessionCookies(reply);
        return { message: 'Successfully logged out' };
      },
    );

    app.post(
      '/auth/register',
      {
        schema: {
          operationId: 'register',
          security: [],
          tags: ['auth'],
          summary: 'Self-registration of a customer (once the shop is set up, while registration is on; limited per client address)',
          body: registerInput,
          response: { 201: userSchema, ...errorResponses(403, 409, 429) },
        },
      },
      async (request, reply) => reply.code(201).send(await services.auth.register(request.body, request.ip)),
    );

    app.post(
      '/auth/password/change',
      {
        schema: {
          operationId: 'changePassword',
          tags: ['auth'],
          summary:
            'Change your own password (access token, or the change_token of a code-4 login); wrong old passwords are limited per account (429)',
          body: changePasswordInput,
          response: { 200: messageSchema, ...errorResponses(401, 403, 429, 503) },
        },
      },
      async (request) => {
        const presented = presentedAccessToken(request);
        if (!presented) throw new DomainError('unauthenticated', 'Authentication credentials were not provided.');
        if (presented.mode === 'cookie') assertCsrf(request);
        const who = await services.auth.authenticateForPasswordChange(presented.token);
        await services.auth.changePassword(who, request.body.old_password, request.body.new_password);
        return { message: 'Password updated successfully' };
      },
    );
  };

/** The answer of a sign-in, by password or by PIN: tokens (or cookies), or the code-4 refusal. */
function sendLoginResult(request: FastifyRequest, reply: FastifyReply, result: LoginResult) {
  if (result.kind === 'password_change_required') {
    // docs/contract/API.md code 4: the change token is handed to the device in the refusal's body.
    return reply.code(403).send({ ...passwordChangeRequired(result.reason).toBody(), change_token: result.changeToken });
  }
  const common = { token_type: 'Bearer' as const, expires_in: result.expiresIn, role: result.role, user: result.user };
  if (!wantsCookieMode(request)) return { access: result.access, refresh: result.refresh, ...common };
  setSessionCookies(request, reply, result, true);
  return common;
}
