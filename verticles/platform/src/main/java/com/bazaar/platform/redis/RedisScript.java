package com.bazaar.platform.redis;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script run atomically inside Redis. It is sent by its SHA-1 ({@code EVALSHA}), one round trip; only
 * when Redis answers NOSCRIPT (first use, or after a restart) is the text sent with {@code EVAL}, which also
 * loads it for the next calls.
 */
public final class RedisScript {
  private final String source;
  private final String sha;

  public RedisScript(String source) {
    this.source = source;
    try {
      this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @param args strings, or buffers for binary values */
  public Future<Response> run(SharedRedis redis, List<String> keys, List<?> args) {
    return redis.send(request(Command.EVALSHA, sha, keys, args)).recover(failure -> {
      if (String.valueOf(failure.getMessage()).startsWith("NOSCRIPT")) {
        return redis.send(request(Command.EVAL, source, keys, args));
      }
      return Future.failedFuture(failure);
    });
  }

  private static Request request(Command command, String script, List<String> keys, List<?> args) {
    Request request = Request.cmd(command).arg(script).arg(keys.size());
    keys.forEach(request::arg);
    for (Object arg : args) {
      if (arg instanceof Buffer buffer) {
        request.arg(buffer);
      } else {
        request.arg(String.valueOf(arg));
      }
    }
    return request;
  }
}
