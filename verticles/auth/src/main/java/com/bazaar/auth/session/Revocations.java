package com.bazaar.auth.session;

import com.bazaar.platform.auth.AuthContract;
import com.bazaar.platform.redis.SharedRedis;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voids every access token of a user issued before now: a "not before" time in Redis, which every gateway
 * checks, and a bus notice so that gateways in the cluster drop their near-cached answer at once. The key
 * outlives the longest access token, after which it is no longer needed.
 */
final class Revocations {
  private static final Logger LOG = LoggerFactory.getLogger(Revocations.class);

  private final SharedRedis redis;
  private final EventBus bus;
  private final int keyTtlSec;

  Revocations(SharedRedis redis, EventBus bus, int accessTtlSec, int leewaySec) {
    this.redis = redis;
    this.bus = bus;
    this.keyTtlSec = accessTtlSec + leewaySec + 60;
  }

  Future<Void> revokeAllTokensOf(String userId) {
    double notBefore = System.currentTimeMillis() / 1000.0;
    bus.publish(AuthContract.REVOCATIONS_ADDRESS, new JsonObject().put("userId", userId).put("notBefore", notBefore));
    return redis.send(Request.cmd(Command.SET).arg(AuthContract.notBeforeKey(userId)).arg(Double.toString(notBefore))
        .arg("EX").arg(keyTtlSec), 1000)
      .<Void>mapEmpty()
      .recover(failure -> {
        LOG.warn("Could not store the revocation of user {} in Redis; gateways in this cluster were told on the bus, "
          + "others keep accepting its tokens until they expire ({})", userId, failure.toString());
        return Future.succeededFuture();
      });
  }
}
