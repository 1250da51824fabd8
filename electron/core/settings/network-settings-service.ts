import { isAbsolute } from 'node:path';
import type { Db } from '../../../db/client';
import type { NetworkSettingsInput, NetworkSettingsView } from '../../../shared/schemas/network-settings';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import type { EnvConfig } from '../config';
import { DomainError } from '../errors';
import { requirePermission } from '../permissions';
import type { SettingsService } from './settings-service';
import { loadTlsPair, TlsFileError, type TlsPair } from './tls-files';

const KEYS = { cert: 'tls_cert_path', key: 'tls_key_path' } as const;
const ENV_NAMES = { cert: 'SHOPDESK_TLS_CERT', key: 'SHOPDESK_TLS_KEY' } as const;
const FIELDS = { cert: 'tls_cert_path', key: 'tls_key_path' } as const;

/**
 * HTTPS for the LAN port (Super Admin): the certificate and key files, from SHOPDESK_TLS_CERT /
 * SHOPDESK_TLS_KEY or else the settings screen. They are read once, at start; a saved change
 * applies at the next start.
 */
export function createNetworkSettingsService(db: Db, env: Partial<EnvConfig>, settings: SettingsService) {
  let servingHttps = false;
  let startProblem: string | null = null;

  function storedPath(which: 'cert' | 'key'): string | null {
    const value = settings.read(KEYS[which]);
    return typeof value === 'string' && value !== '' ? value : null;
  }

  function view(): NetworkSettingsView {
    const fromEnvironment = env.tlsCert !== undefined && env.tlsKey !== undefined;
    return {
      tls_cert_path: fromEnvironment ? (env.tlsCert ?? null) : storedPath('cert'),
      tls_key_path: fromEnvironment ? (env.tlsKey ?? null) : storedPath('key'),
      from_environment: fromEnvironment,
      serving_https: servingHttps,
      start_problem: startProblem,
      allowed_hosts: [...(env.allowedHosts ?? [])],
    };
  }

  return {
    /**
     * The certificate to serve at this start, or null for plain HTTP. Bad files named by the
     * environment stop the start (the operator asked for HTTPS); bad stored files only fall back
     * to HTTP, so the owner can still reach the settings screen to mend them.
     */
    tlsForStart(): { tls: TlsPair | null; problem: string | null } {
      const { tls_cert_path: cert, tls_key_path: key, from_environment: fromEnvironment } = view();
      if (!cert || !key) return { tls: null, problem: null };
      try {
        const tls = loadTlsPair(cert, key);
        servingHttps = true;
        return { tls, problem: null };
      } catch (error) {
        if (!(error instanceof TlsFileError)) throw error;
        if (fromEnvironment) throw new Error(`Invalid configuration: ${ENV_NAMES[error.which]}: ${error.message}`, { cause: error });
        startProblem = `${error.message} Serving plain HTTP until it is mended.`;
        return { tls: null, problem: startProblem };
      }
    },

    get(actor: Actor): NetworkSettingsView {
      requirePermission(actor, 'network_settings.read');
      return view();
    },

    update(actor: Actor, input: NetworkSettingsInput, now = Date.now()): NetworkSettingsView {
      requirePermission(actor, 'network_settings.update');
      const before = view();
      if (before.from_environment) {
        throw new DomainError(
          'invalid_state',
          'HTTPS is set by SHOPDESK_TLS_CERT and SHOPDESK_TLS_KEY in the server’s environment; change them there and restart.',
        );
      }
      const paths = { cert: input.tls_cert_path, key: input.tls_key_path };
      if (paths.cert !== '' && paths.key !== '') {
        for (const which of ['cert', 'key'] as const) {
          if (!isAbsolute(paths[which])) throw invalid(which, 'Give the full path of the file on the shop computer.');
        }
        try {
          loadTlsPair(paths.cert, paths.key);
        } catch (error) {
          if (error instanceof TlsFileError) throw invalid(error.which, error.message);
          throw error;
        }
      }
      db.transaction((tx) => {
        settings.write(KEYS.cert, paths.cert, now, tx);
        settings.write(KEYS.key, paths.key, now, tx);
        recordAudit(tx, {
          actorId: actor.user.id,
          action: 'settings.network_updated',
          targetType: 'settings',
          targetId: null,
          before: pathsOf(before),
          after: paths,
          now,
        });
      });
      return view();
    },
  };
}

function invalid(which: 'cert' | 'key', message: string): DomainError {
  return new DomainError('validation_failed', message, { fields: { [FIELDS[which]]: [message] } });
}

function pathsOf(view: NetworkSettingsView) {
  return { cert: view.tls_cert_path ?? '', key: view.tls_key_path ?? '' };
}

export type NetworkSettingsService = ReturnType<typeof createNetworkSettingsService>;
