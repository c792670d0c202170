package com.bazaar.auth.password;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.util.concurrent.TimeUnit;

/**
 * Password hashing on a bounded worker pool shared by every auth verticle instance, so that a burst of logins
 * queues instead of exhausting memory (each Argon2id hash holds 19 MiB) or touching an event loop.
 */
public final class Passwords {
  private static final String POOL = "bazaar-password-hashing";

  private final WorkerExecutor workers;
  private final PasswordHasher hasher = new PasswordHasher();
  private String dummyHash;

  public Passwords(Vertx vertx, int poolSize) {
    this.workers = vertx.createSharedWorkerExecutor(POOL, poolSize, 30, TimeUnit.SECONDS);
  }

  /** Prepares the hash that logins for unknown emails are checked against. */
  public Future<Void> start() {
    return hash("dummy password for unknown emails").onSuccess(hash -> dummyHash = hash).mapEmpty();
  }

  public Future<String> hash(String password) {
    return workers.executeBlocking(() -> hasher.hash(password), false);
  }

  public Future<Boolean> verify(String password, String encoded) {
    return workers.executeBlocking(() -> hasher.verify(password, encoded), false);
  }

  /** Spends the same time as a real verification, so a login for an unknown email cannot be told apart. */
  public Future<Boolean> verifyAgainstDummy(String password) {
    return verify(password, dummyHash).map(false);
  }

  public Future<Void> close() {
    return workers.close();
  }
}
