package com.bazaar.auth.account;

import com.bazaar.auth.password.Passwords;
import com.bazaar.platform.Ids;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.db.PgErrors;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;


/** Registration, the current user, and the first ADMIN from config. */
public final class AccountService {
  private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

  private final UserRepository users;
  private final Passwords passwords;

  public AccountService(UserRepository users, Passwords passwords) {
    this.users = users;
    this.passwords = passwords;
  }

  public Future<User> register(Registration registration) {
    return passwords.hash(registration.password())
      .compose(hash -> users.insert(registration.email(), hash, registration.profile(), registration.role()));
  }

  /** The caller's own account, while it exists and is active. */
  public Future<User> me(Principal caller) {
    return users.byId(Ids.parse(caller.userId(), "sub"))
      .map(user -> user.filter(User::active)
        .orElseThrow(() -> ApiError.unauthorized("The account no longer exists or is disabled")));
  }

  /** Where a service may write to a user: their e-mail address and first name. Services only. */
  public Future<JsonObject> contact(Principal caller, UUID userId) {
    if (!caller.isService()) {
      return Future.failedFuture(ApiError.forbidden("Only services read contact details"));
    }
    return users.byId(userId).map(user -> user.filter(User::active)
      .map(found -> new JsonObject().put("email", found.email()).put("firstName", found.firstName()))
      .orElseThrow(() -> ApiError.notFound("user")));
  }

  /** Creates the configured ADMIN when no ADMIN exists yet; never promotes an account someone else registered. */
  public Future<Void> ensureBootstrapAdmin(String email, String password) {
    if (email.isBlank() || password.isBlank()) {
      return Future.succeededFuture();
    }
    String normalized = Registration.normalizeEmail(email);
    return users.adminExists().compose(exists -> {
      if (exists) {
        return Future.succeededFuture();
      }
      return passwords.hash(password)
        .compose(hash -> users.insert(normalized, hash, Registration.Profile.NONE, Principal.ADMIN))
        .onSuccess(user -> LOG.info("Created the bootstrap ADMIN {}", normalized))
        .<Void>mapEmpty()
        .recover(failure -> {
          if (PgErrors.uniqueViolation(failure).isPresent()) {
            return users.adminExists().compose(nowExists -> {
              if (!nowExists) {
                LOG.error("Bootstrap ADMIN {} not created: the email belongs to a non-admin account", normalized);
              }
              return Future.<Void>succeededFuture();
            });
          }
          return Future.failedFuture(failure);
        });
    });
  }
}
