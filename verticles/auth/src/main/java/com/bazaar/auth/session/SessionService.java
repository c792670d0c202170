package com.bazaar.auth.session;

import com.bazaar.auth.account.Registration;
import com.bazaar.auth.account.User;
import com.bazaar.auth.account.UserRepository;
import com.bazaar.auth.password.Passwords;
import com.bazaar.auth.token.RefreshTokens;
import com.bazaar.auth.token.TokenIssuer;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.redis.SharedRedis;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.sqlclient.SqlClient;

import java.util.Optional;
import java.util.UUID;

/**
 * Login, refresh rotation with reuse detection, and logout. A refresh spends the presented token and issues a
 * new pair in the same family; presenting a spent token revokes the family and every access token of the user.
 */
public final class SessionService {
  private static final String BAD_CREDENTIALS = "The email or password is wrong";

  private final UserRepository users;
  private final RefreshTokenRepository tokens;
  private final Passwords passwords;
  private final TokenIssuer issuer;
  private final Revocations revocations;
  private final int refreshTtlSec;

  public SessionService(ServiceDb db, UserRepository users, Passwords passwords, TokenIssuer issuer, SharedRedis redis,
                        EventBus bus, int refreshTtlSec, int leewaySec) {
    this.users = users;
    this.tokens = new RefreshTokenRepository(db);
    this.passwords = passwords;
    this.issuer = issuer;
    this.revocations = new Revocations(redis, bus, issuer.accessTtlSec(), leewaySec);
    this.refreshTtlSec = refreshTtlSec;
  }

  public Future<TokenPair> login(String email, String password) {
    return users.byEmail(Registration.normalizeEmail(email)).compose(found -> {
      Future<Boolean> matches = found.isPresent()
        ? passwords.verify(password, found.get().passwordHash())
        : passwords.verifyAgainstDummy(password);
      return matches.compose(ok -> {
        if (!ok || !found.get().active()) {
          return Future.failedFuture(new ApiError(401, "INVALID_CREDENTIALS", BAD_CREDENTIALS));
        }
        User user = found.get();
        return tokens.db().write().withTransaction(tx -> tokens.newFamily(tx, user.id())
          .compose(family -> issuePair(tx, user, family, null)));
      });
    });
  }

  public Future<TokenPair> refresh(String refreshToken) {
    byte[] hash = RefreshTokens.hash(refreshToken);
    return tokens.db().write().withTransaction(tx -> tokens.spend(tx, hash).compose(spent -> {
      if (spent.isEmpty()) {
        return Future.succeededFuture(Optional.<TokenPair>empty());
      }
      RefreshTokenRepository.Spent token = spent.get();
      return users.byId(tx, token.userId()).compose(user -> {
        if (user.isEmpty() || !user.get().active()) {
          return Future.failedFuture(ApiError.unauthorized("The account no longer exists or is disabled"));
        }
        return issuePair(tx, user.get(), token.familyId(), token.tokenId()).map(Optional::of);
      });
    })).compose(issued -> issued.map(Future::succeededFuture).orElseGet(() -> rejectRefresh(hash)));
  }

  /** Ends the refresh token's session, when it is the caller's, and voids every access token of the caller. */
  public Future<Void> logout(Principal caller, String refreshToken) {
    String userId = caller.userId();
    byte[] hash = RefreshTokens.hash(refreshToken);
    return tokens.find(hash)
      .compose(found -> found.filter(t -> t.userId().toString().equals(userId))
        .map(t -> tokens.revokeFamily(t.familyId(), "logout"))
        .orElse(Future.succeededFuture()))
      .compose(v -> revocations.revokeAllTokensOf(userId));
  }

  /**
   * An ADMIN enables or disables an account. Disabling it ends every session at once, through the same "not
   * before" mark as a logout: the user's refresh tokens are revoked and every access token issued so far is refused.
   */
  public Future<User> setActive(UUID userId, boolean active) {
    return users.setActive(userId, active).compose(found -> {
      User user = found.orElseThrow(() -> ApiError.notFound("User"));
      if (active) {
        return Future.succeededFuture(user);
      }
      return tokens.revokeAllOf(userId, "deactivated").compose(v -> revocations.revokeAllTokensOf(userId.toString()))
        .map(user);
    });
  }

  private Future<TokenPair> rejectRefresh(byte[] hash) {
    return tokens.find(hash).compose(found -> {
      if (found.isPresent() && found.get().used()) {
        RefreshTokenRepository.Found reused = found.get();
        return tokens.revokeFamily(reused.familyId(), "reuse")
          .compose(v -> revocations.revokeAllTokensOf(reused.userId().toString()))
          .compose(v -> Future.failedFuture(new ApiError(401, "REFRESH_TOKEN_REUSED",
            "This refresh token was already used; the session is revoked")));
      }
      return Future.failedFuture(new ApiError(401, "INVALID_REFRESH_TOKEN",
        "The refresh token is unknown, expired or revoked"));
    });
  }

  private Future<TokenPair> issuePair(SqlClient tx, User user, UUID familyId, UUID parentId) {
    String refreshToken = RefreshTokens.newToken();
    return tokens.insert(tx, user.id(), familyId, parentId, RefreshTokens.hash(refreshToken), refreshTtlSec)
      .map(v -> new TokenPair(issuer.accessToken(user.id().toString(), user.roles()), refreshToken,
        issuer.accessTtlSec(), user));
  }
}
