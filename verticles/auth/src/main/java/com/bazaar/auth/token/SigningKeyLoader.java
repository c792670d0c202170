package com.bazaar.auth.token;

import com.bazaar.platform.auth.JwtSettings;
import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.error.StartupException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Finds the signing key: the configured PEM (text or file), or — only where {@code auth.jwt.generateDevKey}
 * allows it — a development key generated once and kept in {@code auth.dev_signing_keys}, so that restarts and
 * every process sharing the database agree on it.
 */
public final class SigningKeyLoader {
  private static final Logger LOG = LoggerFactory.getLogger(SigningKeyLoader.class);
  private static final String LATEST = "SELECT kid, private_pem, public_pem FROM dev_signing_keys ORDER BY created_at DESC LIMIT 1";
  private static final String DEV_KID = "dev-1";
  // Every instance may race to create the key; the fixed kid lets exactly one insert win.
  private static final String INSERT = "INSERT INTO dev_signing_keys (kid, private_pem, public_pem) VALUES ($1, $2, $3) "
    + "ON CONFLICT (kid) DO NOTHING";

  private SigningKeyLoader() {
  }

  public static Future<SigningKey> load(Vertx vertx, JwtSettings settings, ServiceDb db) {
    String kid = settings.kid().isBlank() ? "bazaar-1" : settings.kid();
    if (!settings.privateKey().isBlank()) {
      return Future.succeededFuture(SigningKey.fromPrivatePem(kid, settings.privateKey()));
    }
    if (!settings.privateKeyPath().isBlank()) {
      return vertx.fileSystem().readFile(settings.privateKeyPath())
        .map(pem -> SigningKey.fromPrivatePem(kid, pem.toString()));
    }
    if (!settings.generateDevKey()) {
      return Future.failedFuture(new StartupException("No JWT signing key configured — set BAZAAR_AUTH_JWT_PRIVATE_KEY "
        + "or BAZAAR_AUTH_JWT_PRIVATE_KEY_PATH (a PKCS#8 PEM RSA key)"));
    }
    return latest(db).compose(existing -> existing != null ? Future.succeededFuture(existing) : generate(vertx, db));
  }

  private static Future<SigningKey> latest(ServiceDb db) {
    return db.write().query(LATEST).execute().map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row row = rows.iterator().next();
      return new SigningKey(row.getString("kid"), row.getString("private_pem"), row.getString("public_pem"));
    });
  }

  /** RSA key generation takes hundreds of milliseconds, so it runs on a worker. */
  private static Future<SigningKey> generate(Vertx vertx, ServiceDb db) {
    return vertx.executeBlocking(() -> SigningKey.generate(DEV_KID), false).compose(key -> db.write().preparedQuery(INSERT)
      .execute(Tuple.of(key.kid(), key.privatePem(), key.publicPem()))
      .compose(inserted -> {
        if (inserted.rowCount() > 0) {
          LOG.warn("*** Generated a DEVELOPMENT JWT signing key (kid={}) and stored it in auth.dev_signing_keys. "
            + "Never run production like this: set BAZAAR_AUTH_JWT_PRIVATE_KEY. ***", key.kid());
        }
        return latest(db);
      }));
  }
}
