package com.bazaar.platform.redis;

import com.bazaar.platform.testing.FaultProxy;
import com.bazaar.platform.testing.OnContext;
import com.bazaar.platform.testing.Poll;
import com.bazaar.platform.testing.TestConfig;
import com.bazaar.platform.testing.TestEnv;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** "Busy" and "down" are two different states of Redis, and only "down" is reported as unavailable. */
class SharedRedisTest {
  private static Vertx vertx;
  private static Context context;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static RedisSettings settings(int port, int timeoutMs) {
    return new RedisSettings("redis://127.0.0.1:" + port, true, 16, 1024, timeoutMs, 500, 300, 100);
  }

  private static Throwable failureOf(SharedRedis redis) {
    return catchThrowable(() -> OnContext.await(context, () -> redis.send(Request.cmd(Command.PING))));
  }

  @Test
  void a_refused_connection_is_down_at_once() {
    SharedRedis redis = new SharedRedis(vertx, settings(TestConfig.closedPort(), 200));
    try {
      assertThat(failureOf(redis)).isInstanceOf(RedisUnavailable.class);
      assertThat(redis.reachable()).isFalse();
    } finally {
      redis.close();
    }
  }

  @Test
  void a_hung_redis_is_busy_for_one_timeout_then_down_until_it_answers_again() {
    String[] hostPort = TestEnv.redisHostPort();
    try (FaultProxy proxy = FaultProxy.up(vertx, hostPort[0], Integer.parseInt(hostPort[1]))) {
      SharedRedis redis = new SharedRedis(vertx, settings(proxy.port(), 200));
      try {
        OnContext.await(context, () -> redis.ping(5_000));
        assertThat(failureOf(redis)).isNull();

        proxy.stall();
        Throwable first = failureOf(redis);
        boolean judgedDown = Poll.until(Duration.ofSeconds(3), () -> !redis.reachable());
        Throwable whileDown = failureOf(redis);
        proxy.resume();
        boolean back = Poll.until(Duration.ofSeconds(3), redis::reachable);

        assertThat(first).isInstanceOf(RedisBusy.class);
        assertThat(judgedDown).as("the probe on a fresh connection did not answer either").isTrue();
        assertThat(whileDown).isInstanceOf(RedisUnavailable.class);
        assertThat(back).isTrue();
        assertThat(failureOf(redis)).isNull();
      } finally {
        redis.close();
      }
    }
  }

  @Test
  void two_thousand_concurrent_commands_twice_what_the_old_pool_could_hold_are_pipelined_on_one_connection() {
    SharedRedis redis = new SharedRedis(vertx, settings(Integer.parseInt(TestEnv.redisHostPort()[1]), 1_000));
    try {
      List<Future<?>> sent = OnContext.await(context, () -> {
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
          all.add(redis.send(Request.cmd(Command.PING)));
        }
        return Future.join(all).otherwiseEmpty().map(all);
      });

      assertThat(sent).allMatch(Future::succeeded);
      assertThat(redis.reachable()).isTrue();
    } finally {
      redis.close();
    }
  }
}
